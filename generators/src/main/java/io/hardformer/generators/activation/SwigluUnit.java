package io.hardformer.generators.activation;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.Stream;
import io.hardformer.dsl.StreamPorts;
import io.hardformer.dsl.UInt;
import io.hardformer.dsl.Valid;
import io.hardformer.generators.numerics.Fp8Format;
import java.util.Arrays;

/**
 * SwiGLU's gating, elementwise: y = SiLU(gate) x up = gate sigmoid(gate) up on L FP32 lane pairs
 * per beat, with q = y as FP8 (saturating RNE). Golden model {@link SwigluGolden}, accuracy {@link
 * SwigluAccuracy}.
 *
 * <p>Protocol: a valid/ready input stream ({@code in_valid}, {@code in_ready}, {@code
 * gate[32L-1:0]}, {@code up[32L-1:0]}, {@code in_last}); {@code in_ready} is always high. A
 * valid-only output ({@code out_valid}, {@code y[32L-1:0]}, {@code q[8L-1:0]}, {@code out_last} =
 * the beat's {@code in_last}), exactly {@link SwigluShape#latency()} cycles after each accepted
 * beat: initiation interval 1, no stalls. Stages: {@link GatedProductCore} on gate (12, up decoded
 * beside it), {@link ExtendedFloatMultiplier} (2), packing to FP32 (1), {@link Fp8OutputStage} (2).
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
    for (int e = 0; e < lanes; e++) {
      SwigluLane lane = instance("lane" + e, new SwigluLane(f));
      lane.gate.assign(in.payload().gate.bits(32 * e + 31, 32 * e));
      lane.up.assign(in.payload().up.bits(32 * e + 31, 32 * e));
      lane.valid.assign(validPacked);
      ys[lanes - 1 - e] = lane.y;
      qs[lanes - 1 - e] = lane.q;
    }
    out.payload().y.assign(lanes == 1 ? ys[0] : ys[0].cat(Arrays.copyOfRange(ys, 1, lanes)));
    out.payload().q.assign(lanes == 1 ? qs[0] : qs[0].cat(Arrays.copyOfRange(qs, 1, lanes)));
    out.valid().assign(delay("valid_out_d", validPacked, GeluShape.FP8_QUANT_STAGES, false));
    out.last().assign(delay("last_d", in.valid().and(in.last()), s.latency(), false));
    timing(s.latency(), 1);
  }

  @Override
  public String kindName() {
    return "swiglu";
  }
}
