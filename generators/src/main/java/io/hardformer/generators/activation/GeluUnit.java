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
 * GELU, erf form, elementwise: y = x Phi(x) = x (1 + erf(x / sqrt 2)) / 2 on L FP32 lanes per beat,
 * with q = y as FP8 (saturating RNE). Golden model {@link GeluGolden}, accuracy {@link
 * GeluAccuracy}.
 *
 * <p>Protocol: a valid/ready input stream ({@code in_valid}, {@code in_ready}, {@code x[32L-1:0]},
 * {@code in_last}); {@code in_ready} is always high. A valid-only output ({@code out_valid}, {@code
 * y[32L-1:0]}, {@code q[8L-1:0]}, {@code out_last} = the beat's {@code in_last}), exactly {@link
 * GeluShape#latency()} cycles after each accepted beat: initiation interval 1, no stalls. Stages:
 * {@link GatedProductCore} (12), packing to FP32 (1), {@link Fp8OutputStage} (2).
 */
public final class GeluUnit extends Module {
  /** Ports {@code in_valid}, {@code in_ready}, {@code x}, {@code in_last}. */
  public final Stream<GeluInputBeat> in;

  /** Ports {@code out_valid}, {@code y}, {@code q}, {@code out_last}. */
  public final Valid<ActivationOutputBeat> out;

  public GeluUnit(GeluShape s) {
    int lanes = s.lanes();
    Fp8Format f = s.format();
    param("lanes", lanes);
    param("format", f.cliName());
    in = inStream("in", GeluInputBeat.type(lanes), StreamPorts.DEFAULT.withLast().bareFields());
    out =
        outValid(
            "out", ActivationOutputBeat.type(lanes), StreamPorts.DEFAULT.withLast().bareFields());
    in.driveReady(bool(true));
    int packed = GatedProductCore.LATENCY + 1;
    Bool validPacked = delay("valid_d", in.valid(), packed, false);
    UInt[] ys = new UInt[lanes];
    UInt[] qs = new UInt[lanes];
    for (int e = 0; e < lanes; e++) {
      GeluLane lane = instance("lane" + e, new GeluLane(f));
      lane.x.assign(in.payload().x.bits(32 * e + 31, 32 * e));
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
    return "gelu";
  }
}
