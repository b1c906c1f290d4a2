package io.hardformer.cli.designs;

import io.hardformer.dsl.Module;
import io.hardformer.rtl.EmitOptions;
import io.hardformer.rtl.EmittedDesign;
import io.hardformer.rtl.VerilogEmitter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Common shape of one {@code generate <design>} subcommand: validated options, the module they build,
 * and {@code --out}. Subclasses declare their options and build the module.
 */
abstract class DesignCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--out", required = true, description = "Output folder (created if needed).")
  Path out;

  /** The design's parameters by name, for the header and manifest, in option order. */
  abstract Map<String, String> parameters();

  /** Builds the module; options are already validated. */
  abstract Module build();

  /** Extra manifest sections of this design (area, numerics, timing assumptions). */
  Map<String, Object> manifestExtras(io.hardformer.dsl.elaborate.Design design) {
    return Map.of();
  }

  /** Throws a usage error unless {@code value} is one of {@code allowed} (case-insensitive). */
  final String choice(String option, String value, String... allowed) {
    for (String a : allowed) {
      if (a.equalsIgnoreCase(value)) {
        return a;
      }
    }
    throw new CommandLine.ParameterException(spec.commandLine(), "option '" + option + "' must be one of "
        + String.join(", ", allowed) + ", got '" + value + "'");
  }

  /** Throws a usage error unless {@code min <= value <= max}. */
  final int range(String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw new CommandLine.ParameterException(spec.commandLine(), "option '" + option + "' must be between "
          + min + " and " + max + ", got " + value);
    }
    return value;
  }

  static Map<String, String> params(Object... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(String.valueOf(kv[i]), String.valueOf(kv[i + 1]));
    }
    return m;
  }

  @Override
  public Integer call() {
    Map<String, String> p = parameters();
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "option '--out' must be a folder, but '"
          + out + "' is a file");
    }
    io.hardformer.dsl.elaborate.Design design = io.hardformer.dsl.elaborate.Elaborator.elaborate(build());
    EmitOptions options = EmitOptions.forGenerator(spec.name(), p);
    for (Map.Entry<String, Object> e : manifestExtras(design).entrySet()) {
      options = options.withManifestExtra(e.getKey(), e.getValue());
    }
    EmittedDesign d = VerilogEmitter.emit(design, options);
    d.writeTo(out);
    System.out.println("wrote " + d.verilog().size() + " Verilog file(s), " + d.filelistName()
        + " and manifest.json for " + d.top() + " to " + out);
    d.design().warnings().forEach(w -> System.err.println(w.render()));
    return 0;
  }
}
