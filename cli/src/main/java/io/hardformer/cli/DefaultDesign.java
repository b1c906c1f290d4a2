package io.hardformer.cli;

import io.hardformer.dsl.analysis.DesignStats;
import io.hardformer.generators.examples.AdderTree;
import io.hardformer.rtl.EmitOptions;
import io.hardformer.rtl.EmittedDesign;
import io.hardformer.rtl.VerilogEmitter;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The embedded default design of the main job: until the transformer tile exists, a pipelined 8-input,
 * 8-bit adder tree (the reduction at the heart of a dot product).
 */
final class DefaultDesign {
  int run(Path out, PrintStream stdout) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("width", "8");
    params.put("depth", "3");
    EmittedDesign d = VerilogEmitter.emit(new AdderTree(8, 3), EmitOptions.forGenerator("adder-tree", params));
    d.writeTo(out);
    DesignStats stats = DesignStats.of(d.design());
    stdout.println("Hardformer default design: adder-tree (width 8, depth 3) -> " + out);
    stdout.println();
    stdout.printf("  %-22s %s%n", "top module", d.top());
    stdout.printf("  %-22s %d%n", "Verilog modules", d.verilog().size());
    stdout.printf("  %-22s %s%n", "instances by kind", stats.instancesByKind());
    stdout.printf("  %-22s %d%n", "register bits", stats.registerBits());
    stdout.printf("  %-22s %s%n", "adders by width", stats.addersByWidth());
    stdout.printf("  %-22s %s%n", "latency / II", d.design().top().body().timing().latency() + " cycles / "
        + d.design().top().body().timing().initiationInterval());
    stdout.printf("  %-22s %s%n", "files", String.join(", ", d.files().keySet()));
    return ExitCodes.OK;
  }
}
