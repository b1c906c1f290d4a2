package io.hardformer.cli.designs;

import io.hardformer.dsl.Module;
import io.hardformer.dsl.elaborate.Design;
import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.fp8.Fp8Dot;
import io.hardformer.generators.numerics.Fp8Arithmetic;
import io.hardformer.generators.numerics.Fp8Format;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "fp8-dot", mixinStandardHelpOptions = true,
    description = "Exact FP8 dot product of N lanes, rounded once to FP32 or BF16. Ports: clk, rst, in_valid, "
        + "a[8N-1:0], b[8N-1:0], out_valid, out[31:0] (out[15:0] for bf16); lane i is bits [8i+7:8i]; II 1.",
    footer = {"", "Example:", "  ./hardformer generate fp8-dot --format e4m3 --lanes 32 --acc exact --out build/dot"})
final class Fp8DotDesign extends DesignCommand {
  @Option(names = "--format", required = true, description = "e4m3 or e5m2 (OCP OFP8).")
  String format;

  @Option(names = "--lanes", required = true, description = "Number of products N, 1..4096.")
  int lanes;

  @Option(names = "--acc", defaultValue = "exact", description = "Accumulation: exact (the only mode of fp8-dot).")
  String acc;

  @Option(names = "--out-format", defaultValue = "fp32", description = "fp32 or bf16 (default: ${DEFAULT-VALUE}).")
  String outFormat;

  @Override
  Map<String, String> parameters() {
    return params("format", format.toLowerCase(), "lanes", lanes, "acc", acc.toLowerCase(), "out-format",
        outFormat.toLowerCase());
  }

  @Override
  Module build() {
    Fp8Format f = Fp8Format.parse(choice("--format", format, "e4m3", "e5m2"));
    choice("--acc", acc, "exact");
    FloatPacker out = FloatPacker.parse(choice("--out-format", outFormat, "fp32", "bf16"));
    return new Fp8Dot(f, range("--lanes", lanes, 1, 4096), out);
  }

  @Override
  Map<String, Object> manifestExtras(Design design) {
    Fp8Format f = Fp8Format.parse(format);
    Map<String, Object> m = new LinkedHashMap<>(Fp8Manifest.extras("~1 GHz: products with alignment shift; two adder-tree levels per stage; leading-zero count and"
            + " normalizing shift; round and pack"));
    Map<String, Object> numerics = new LinkedHashMap<>();
    numerics.put("productWindowBits", Fp8Arithmetic.productWindowBits(f));
    numerics.put("accumulatorBits", Fp8Arithmetic.accumulatorBits(f, lanes));
    numerics.put("rounding", "exact sum, rounded once to " + outFormat.toLowerCase() + " (RNE); exact zero is +0");
    m.put("numerics", numerics);
    return m;
  }
}
