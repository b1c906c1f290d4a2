package io.hardformer.cli.designs;

import io.hardformer.dsl.Module;
import io.hardformer.dsl.elaborate.Design;
import io.hardformer.generators.fp8.Fp8Quant;
import io.hardformer.generators.numerics.Fp8Format;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "fp8-quant", mixinStandardHelpOptions = true,
    description = "FP32 to FP8 quantizer, round-to-nearest-even. Ports: clk, rst, in_valid, in[31:0], out_valid, "
        + "out[7:0]; II 1. Saturating by default (overflow and Inf become +-max normal); --no-saturate: "
        + "overflow becomes NaN (e4m3) or +-Inf (e5m2).",
    footer = {"", "Example:", "  ./hardformer generate fp8-quant --format e5m2 --no-saturate --out build/quant"})
final class Fp8QuantDesign extends DesignCommand {
  @Option(names = "--format", required = true, description = "e4m3 or e5m2 (OCP OFP8).")
  String format;

  @Option(names = "--saturate", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Clamp overflow to max normal (default); --no-saturate gives NaN/Inf.")
  boolean saturate;

  @Option(names = "--stages", defaultValue = "2", description = "Pipeline depth = latency, 1..2 (default: ${DEFAULT-VALUE}).")
  int stages;

  @Override
  Map<String, String> parameters() {
    return params("format", format.toLowerCase(), "saturate", saturate, "stages", stages);
  }

  @Override
  Module build() {
    Fp8Format f = Fp8Format.parse(choice("--format", format, "e4m3", "e5m2"));
    return new Fp8Quant(f, saturate, range("--stages", stages, 1, 2));
  }

  @Override
  Map<String, Object> manifestExtras(Design design) {
    return Fp8Manifest.extras("~1 GHz: decode and 32-bit alignment shift in stage 1; round, pack and"
        + " select in stage 2");
  }
}
