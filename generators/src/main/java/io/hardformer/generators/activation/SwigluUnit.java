package io.hardformer.generators.activation;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.Stream;
import io.hardformer.dsl.StreamPorts;
import io.hardformer.dsl.UInt;
import io.hardformer.dsl.Valid;
import io.hardformer.generators.numerics.Fp8Format;

/**
 * SwiGLU's gating, elementwise: y = SiLU(gate) x up = gate sigmoid(gate) up on L FP32 lane pairs per
 * beat, with q = y as FP8 (saturating RNE). Golden model {@link SwigluGolden}, accuracy {@link
 * SwigluAccuracy}.
 *
 * <p>Protocol: a valid/ready input stream ({@code in_valid}, {@code in_ready}, {@code
 * gate[32L-1:0]}, {@code up[32L-1:0]}, {@code in_last}); {@code in_ready} is always high. A
 * valid-only output ({@code out_valid}, {@code y[32L-1:0]}, {@code q[8L-1:0]}, {@code out_last} =
 * the beat's {@code in_last}), exactly {@link SwigluShape#latency()} cycles after each accepted
 * beat: initiation interval 1, no stalls. Stages: {@link GatedProductCore} on gate (12, up decoded
 * beside it), {@link ExtendedFloatMultiplier} (2), packing to FP32 (1), {@link Fp8OutputStage}
 * (2).
 */
public final class SwigluUnit extends Module {
  /** Ports {@code in_valid}, {@code in_ready}, {@code gate}, {@code up}, {@code in_last}. */
  public final Stream<SwigluInputBeat> in;

  /** Ports {@code out_valid}, {@code y}, {@code q}, {@code out_last}. */
  public final Valid<ActivationOutputBeat> out;

  public SwigluUnit(SwigluShape s) {
    int lanes = s.lanes();
    Fp8Format f = s.format();
    param("lanes", lanes);
    param("format", f.cliName());
    in = inStream("in", SwigluInputBeat.type(lanes), StreamPorts.DEFAULT.withLast().bareFields());
    out =
        outValid(
            "out", ActivationOutputBeat.type(lanes), StreamPorts.DEFAULT.withLast().bareFields());
    in.driveReady(bool(true));
    int packed = GatedProductCore.LATENCY + ExtendedFloatMultiplier.LATENCY + 1;
    Bool validPacked = delay("valid_d", in.valid(), packed, false);
    UInt[] ys = new UInt[lanes];
    UInt[] qs = new UInt[lanes];
    Bool validOut = null;
    for (int e = 0; e < lanes; e++) {
      GatedProductCore silu = instance("silu" + e, new GatedProductCore(GatingFunction.SIGMOID));
      silu.x.assign(in.payload().gate.bits(32 * e + 31, 32 * e));
      // up waits beside the core; its decode (a normalizing shift) is the core's last stage
      Fp32Unpack upUnpack = instance("up_unpack" + e, new Fp32Unpack());
      upUnpack.in.assign(
          delay("up" + e + "_d", in.payload().up.bits(32 * e + 31, 32 * e), GatedProductCore.LATENCY - 1));
      ExtendedFloatMultiplier mul = instance("mul" + e, new ExtendedFloatMultiplier());
      mul.aNegative.assign(silu.negative);
      mul.aSignificand.assign(silu.significand);
      mul.aExponent.assign(silu.exponent);
      mul.aZero.assign(silu.zero);
      mul.aInf.assign(silu.inf);
      mul.aNan.assign(silu.nan);
      mul.bNegative.assign(regNext("up_neg" + e, upUnpack.negative));
      mul.bSignificand.assign(regNext("up_sig" + e, upUnpack.significand));
      mul.bExponent.assign(regNext("up_exp" + e, upUnpack.exponent));
      mul.bZero.assign(regNext("up_zero" + e, upUnpack.zero));
      mul.bInf.assign(regNext("up_inf" + e, upUnpack.inf));
      mul.bNan.assign(regNext("up_nan" + e, upUnpack.nan));
      Fp32Pack pack = instance("pack" + e, new Fp32Pack());
      pack.negative.assign(mul.negative);
      pack.significand.assign(mul.significand);
      pack.exponent.assign(mul.exponent);
      pack.zero.assign(mul.zero);
      pack.inf.assign(mul.inf);
      pack.nan.assign(mul.nan);
      Fp8OutputStage output = instance("out" + e, new Fp8OutputStage(f));
      output.valid.assign(validPacked);
      output.y.assign(regNext("y" + e, pack.out));
      ys[lanes - 1 - e] = output.yOut;
      qs[lanes - 1 - e] = output.q;
      validOut = e == 0 ? output.validOut : validOut;
    }
    out.payload().y.assign(lanes == 1 ? ys[0] : ys[0].cat(java.util.Arrays.copyOfRange(ys, 1, lanes)));
    out.payload().q.assign(lanes == 1 ? qs[0] : qs[0].cat(java.util.Arrays.copyOfRange(qs, 1, lanes)));
    out.valid().assign(validOut);
    out.last().assign(delay("last_d", in.valid().and(in.last()), s.latency(), false));
    timing(s.latency(), 1);
  }

  @Override
  public String kindName() {
    return "swiglu";
  }
}
