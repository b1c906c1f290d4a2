package io.hardformer.generators.fp8;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.StreamPorts;
import io.hardformer.dsl.UInt;
import io.hardformer.dsl.Valid;
import io.hardformer.generators.floating.Fp32;
import io.hardformer.generators.floating.InputWord;
import io.hardformer.generators.floating.OutputRow;
import io.hardformer.generators.numerics.Fp8Format;

/**
 * FP32 to FP8 quantizer, round-to-nearest-even. Ports {@code clk, rst, in_valid, in[31:0],
 * out_valid, out[7:0]}. Saturating (default): finite overflow and ±Inf give ±max normal; otherwise
 * overflow gives NaN (E4M3) or ±Inf (E5M2). NaN gives the canonical NaN (0x7F / 0x7E); the sign of
 * zero is kept; FP32 subnormals are converted exactly.
 *
 * <p>Stages: 1 = all in one cycle; 2 (default) = decode and alignment shift, then round, pack and
 * select. The default assumes ~1 GHz: a 32-bit barrel shift, or a 4-bit add plus selects, per
 * stage.
 */
public final class Fp8Quant extends Module {
  public final Valid<InputWord> in = inValid("in", InputWord.type(32), StreamPorts.DEFAULT.bareFields());
  public final Valid<OutputRow> out = outValid("out", OutputRow.type(8), StreamPorts.DEFAULT.bareFields());

  public Fp8Quant(Fp8Format f, boolean saturate, int stages) {
    if (stages < 1 || stages > 2) {
      throw new IllegalArgumentException("stages must be 1 or 2, got " + stages);
    }
    param("format", f.cliName());
    param("saturate", saturate);
    param("stages", stages);
    timing(stages, 1);
    int m = f.mantissaBits();
    int k = 128 - f.bias(); // FP32 exponent field of the FP8 minimum normal, plus one

    Fp32 fields = in.payload().in.as(Fp32.LAYOUT);
    Bool sign = fields.sign;
    UInt e = fields.exponent;
    UInt man = fields.fraction;
    Bool eZero = e.isZero();
    Bool eOnes = e.andR();
    Bool nan = eOnes.and(man.orR());
    Bool inf = eOnes.and(man.isZero());
    UInt significand = eZero.not().cat(man); // 24 bits
    UInt ee = mux(eZero, lit(1, 8), e).named("exp_eff"); // effective exponent field
    Bool below = ee.lt(lit(k, 8)).named("below"); // FP8 subnormal (or zero) range
    UInt extra = lit(k, 8).sub(ee).trunc(8); // extra right shift when below
    UInt shiftRaw = mux(below, extra.zext(9).add(lit(23 - m, 9)).trunc(9), lit(23 - m, 9));
    UInt shift = mux(shiftRaw.gt(lit(31, 9)), lit(31, 5), shiftRaw.trunc(5)).named("shift");
    UInt base = mux(below, lit(0, 8), ee.sub(lit(k, 8)).trunc(8)); // exponent field - 1 when normal

    UInt wide = significand.zext(32).named("mant");
    UInt kept = wide.shiftRight(shift);
    UInt ones = lit(0xFFFFFFFFL, 32);
    UInt low = wide.and(ones.shiftLeft(shift).not());
    UInt half = lit(1, 32).shiftLeft(shift.sub(lit(1, 5)).trunc(5));
    Bool valid = in.valid();
    if (stages >= 2) {
      kept = regNext("s1_kept", kept);
      low = regNext("s1_low", low);
      half = regNext("s1_half", half);
      base = regNext("s1_base", base);
      sign = regNext("s1_sign", sign);
      nan = regNext("s1_nan", nan);
      inf = regNext("s1_inf", inf);
      valid = regNext("s1_valid", valid, false);
    }
    Bool roundUp = low.gt(half).or(low.eq(half).and(kept.bit(0))).named("round_up");
    UInt rounded = kept.trunc(m + 2).add(roundUp.asUInt()).trunc(m + 2);
    UInt code =
        base.cat(lit(0, m))
            .zext(9 + m)
            .add(rounded.zext(9 + m))
            .trunc(9 + m) // carry moves into the exponent
            .named("code");
    Bool overflow = code.gt(lit(f.maxNormalCode(), 9 + m));
    UInt finite = sign.cat(code.bits(6, 0));
    UInt overflowValue =
        saturate
            ? sign.cat(lit(f.maxNormalCode(), 7))
            : f.hasInfinities() ? sign.cat(lit(0x7C, 7)) : lit(f.canonicalNaN(), 8);
    UInt result = mux(nan, lit(f.canonicalNaN(), 8), mux(inf.or(overflow), overflowValue, finite));
    out.payload().out.assign(regNext("out_r", result));
    out.valid().assign(regNext("out_valid_r", valid, false));
  }

  @Override
  public String kindName() {
    return "fp8_quant";
  }
}
