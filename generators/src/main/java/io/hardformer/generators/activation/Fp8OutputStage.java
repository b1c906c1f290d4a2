package io.hardformer.generators.activation;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.UInt;
import io.hardformer.generators.fp8.Fp8Quant;
import io.hardformer.generators.numerics.Fp8Format;

/**
 * The output of one activation lane: {@code q}, the saturating RNE of the FP32 result {@code y} to
 * FP8 by the fp8-quant unit ({@link Fp8Quant}, {@value GeluShape#FP8_QUANT_STAGES} stages), and
 * {@code y} delayed to meet it. Both leave {@value GeluShape#FP8_QUANT_STAGES} cycles after {@code
 * y} enters.
 */
public final class Fp8OutputStage extends Module {
  public final Bool valid = in("valid");
  public final UInt y = in("y", 32);
  public final UInt yOut = out("y_out", 32);
  public final UInt q = out("q", 8);
  public final Bool validOut = out("valid_out");

  public Fp8OutputStage(Fp8Format format) {
    param("format", format.cliName());
    Fp8Quant quant = instance("quant", new Fp8Quant(format, true, GeluShape.FP8_QUANT_STAGES));
    quant.in.valid().assign(valid);
    quant.in.payload().in.assign(y);
    q.assign(quant.out.payload().out);
    validOut.assign(quant.out.valid());
    yOut.assign(delay("y_d", y, GeluShape.FP8_QUANT_STAGES));
  }

  @Override
  public String kindName() {
    return "fp8_output_stage";
  }
}
