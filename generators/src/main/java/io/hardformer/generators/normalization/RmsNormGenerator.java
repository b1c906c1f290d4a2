package io.hardformer.generators.normalization;

import io.hardformer.dsl.Module;
import io.hardformer.generators.catalog.BillOfMaterials;
import io.hardformer.generators.catalog.Generator;
import io.hardformer.generators.catalog.Param;
import io.hardformer.generators.catalog.ParameterCheck;
import io.hardformer.generators.catalog.SelfCheckPlan;
import io.hardformer.generators.numerics.Fp8Format;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@code rmsnorm} generator: {@link NormalizationUnit} without the mean, its manifest, area
 * bill and self-check against {@link RmsNormGolden}.
 */
public final class RmsNormGenerator implements Generator<RmsNormGenerator.Parameters> {
  /** The options of {@code rmsnorm}; {@link #shape} is the design's own parameter object. */
  public record Parameters(
      @Param(description = "N: elements per row, a multiple of --lanes, 1..8192.") int dim,
      @Param(
              description = "L: elements per beat, 1..32 (default: ${DEFAULT-VALUE}).",
              defaultValue = "4")
          int lanes,
      @Param(
              description =
                  "eps, added to the mean square; FP32 in [2^-126, 1] (default: ${DEFAULT-VALUE}).",
              defaultValue = "1e-5")
          String eps,
      @Param(
              description = "e4m3 or e5m2 (OCP OFP8) for the q output (default: ${DEFAULT-VALUE}).",
              defaultValue = "e4m3")
          String format) {
    public Parameters {
      format = ParameterCheck.choice("--format", format, "e4m3", "e5m2");
      shapeOf(dim, lanes, eps, format); // checks the sizes and eps
    }

    public RmsNormShape shape() {
      return shapeOf(dim, lanes, eps, format);
    }

    private static RmsNormShape shapeOf(int dim, int lanes, String eps, String format) {
      return new RmsNormShape(
          dim,
          lanes,
          Float.intBitsToFloat(NormalizationShape.parseEps(eps)),
          Fp8Format.parse(format));
    }
  }

  @Override
  public String name() {
    return "rmsnorm";
  }

  @Override
  public int catalogOrder() {
    return 160;
  }

  @Override
  public Class<Parameters> parameterType() {
    return Parameters.class;
  }

  @Override
  public List<String> description() {
    return List.of(
        "y = x / sqrt(mean(x^2) + eps) x gamma over each row of N FP32 elements (Llama-3; eps default 1e-5); each row is streamed twice (statistics pass, output pass), no row buffer.",
        "Ports: in_valid, in_ready, in_last, x, gamma (L FP32 lanes); out_valid, out_last, y (L FP32"
            + " lanes), q (L FP8 codes, saturating RNE of y). Cycle contract and numerics in"
            + " manifest.json.");
  }

  @Override
  public List<String> examples() {
    return List.of(
        "./hardformer generate rmsnorm --dim 512 --out build/rmsnorm",
        "./hardformer generate rmsnorm --dim 3 --lanes 1 --eps 1e-6 --format e5m2 --out build/rmsnorm-small");
  }

  @Override
  public Module build(Parameters p) {
    return new NormalizationUnit(p.shape().core());
  }

  @Override
  public Map<String, Object> manifest(Parameters p) {
    return NormalizationDescriptors.manifest(p.shape().core());
  }

  @Override
  public BillOfMaterials area(Parameters p) {
    return NormalizationDescriptors.area(p.shape().core());
  }

  @Override
  public Optional<Supplier<SelfCheckPlan>> selfCheck(Parameters p) {
    return Optional.of(() -> NormalizationDescriptors.plan(p.shape().core()));
  }
}
