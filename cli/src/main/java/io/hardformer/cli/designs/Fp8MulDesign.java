package io.hardformer.cli.designs;

import io.hardformer.dsl.Module;
import io.hardformer.dsl.elaborate.Design;
import io.hardformer.generators.fp8.Fp8Mul;
import io.hardformer.generators.numerics.Fp8Format;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "fp8-mul", mixinStandardHelpOptions = true,
    description = "Exact FP8 x FP8 multiplier with FP32 result. Ports: clk, rst, in_valid, a[7:0], b[7:0], "
        + "out_valid, out[31:0]; II 1; out_valid = in_valid delayed by the manifest's latency.",
    footer = {"", "Example:", "  ./hardformer generate fp8-mul --format e4m3 --out build/mul"})
final class Fp8MulDesign extends DesignCommand {
  @Option(names = "--format", required = true, description = "e4m3 or e5m2 (OCP OFP8).")
  String format;

  @Option(names = "--stages", defaultValue = "2", description = "Pipeline depth = latency, 1..3 (default: ${DEFAULT-VALUE}).")
  int stages;

  @Override
  Map<String, String> parameters() {
    return params("format", format.toLowerCase(), "stages", stages);
  }

  @Override
  Module build() {
    Fp8Format f = Fp8Format.parse(choice("--format", format, "e4m3", "e5m2"));
    return new Fp8Mul(f, range("--stages", stages, 1, 3));
  }

  @Override
  Map<String, Object> manifestExtras(Design design) {
    return Fp8Manifest.extras("~1 GHz: decode, 4x4 (3x3) significand multiply and exponent add in stage 1;"
        + " leading-zero count, normalizing shift and pack in stage 2");
  }
}
