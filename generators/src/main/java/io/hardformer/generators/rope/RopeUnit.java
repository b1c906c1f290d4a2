package io.hardformer.generators.rope;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.HwType;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.Stream;
import io.hardformer.dsl.StreamPorts;
import io.hardformer.dsl.UInt;
import io.hardformer.dsl.Valid;
import io.hardformer.dsl.Vec;
import io.hardformer.generators.activation.ActivationOutputBeat;
import io.hardformer.generators.activation.Fp8OutputStage;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * The rotary embedding of one head row (HF Llama convention: element i pairs with i + D/2),
 * bit-exact to {@link RopeGolden}: FP32 y and q = y as FP8 (saturating RNE). Accuracy {@link
 * RopeAccuracy}.
 *
 * <p>Protocol: a valid/ready input ({@code in_valid}, {@code in_ready} (always 1), {@code
 * x[32L-1:0]}, {@code position[W-1:0]}); a row is 2H beats, H = D/(2L), elements in order, and
 * {@code position} is read on its first beat. The first H beats go to a row buffer; each
 * second-half beat j, with buffered beat j, issues the first-half outputs {@code y_i = x_i cos -
 * x_{i+D/2} sin}; after the row's last beat the unit issues the second-half outputs {@code
 * y_{i+D/2} = x_{i+D/2} cos + x_i sin} from the buffers on its own, one beat a cycle for H cycles,
 * while the next row's first half may already stream in. A valid-only output ({@code out_valid},
 * {@code y[32L-1:0]}, {@code q[8L-1:0]}, {@code out_last} on a row's last beat), {@link
 * RopeShape#latency()} cycles after each issue, in element order: rows back to back take 2H cycles
 * each, no stalls.
 *
 * <p>Stages after an issue: issue register; angle step F_i look-up (per lane, H entries); phase =
 * bits 63..32 of position × F_i; {@link RopeSinCos} (4); {@link RopeRotationLane} (10); the FP8
 * quantizer (2).
 */
public final class RopeUnit extends Module {
  /** Stages of the FP8 quantizer on y. */
  public static final int FP8_QUANT_STAGES = 2;

  /** Ports {@code in_valid}, {@code in_ready}, {@code x}, {@code position}. */
  public final Stream<RopeInputBeat> in;

  /** Ports {@code out_valid}, {@code y}, {@code q}, {@code out_last}. */
  public final Valid<ActivationOutputBeat> out;

  public RopeUnit(RopeShape s) {
    int lanes = s.lanes();
    int h = s.beatsPerHalf();
    int pw = s.positionBits();
    int ib = bitsFor(h - 1);
    int w = 32 * lanes;
    param("head_dim", s.headDim());
    param("theta", s.theta());
    param("max_position", s.maxPosition());
    param("lanes", lanes);
    param("format", s.format().cliName());
    in = inStream("in", RopeInputBeat.type(lanes, pw), StreamPorts.DEFAULT.bareFields());
    out =
        outValid(
            "out", ActivationOutputBeat.type(lanes), StreamPorts.DEFAULT.withLast().bareFields());
    in.driveReady(bool(true));
    UInt x = in.payload().x;
    Bool accept = in.valid();

    // ---- row control: beat index within the half, which half, the drain of second-half outputs
    UInt idx = reg("beat_index", ib, 0);
    Bool secondHalf = reg("second_half", false);
    Bool draining = reg("draining", false);
    UInt drainIdx = reg("drain_index", ib, 0);
    UInt rowPos = reg("row_position", pw, 0);
    UInt drainPos = reg("drain_position", pw, 0);
    Bool endOfHalf = idx.eq(lit(h - 1, ib));
    Bool drainEnd = drainIdx.eq(lit(h - 1, ib));
    when(
        accept,
        () -> {
          idx.next(mux(endOfHalf, lit(0, ib), idx.inc()));
          when(endOfHalf, () -> secondHalf.next(secondHalf.not()));
          when(secondHalf.not().and(idx.isZero()), () -> rowPos.next(in.payload().position));
        });
    Bool rowEnd = accept.and(secondHalf).and(endOfHalf);
    when(
            rowEnd,
            () -> {
              draining.next(bool(true));
              drainIdx.next(lit(0, ib));
              drainPos.next(rowPos);
            })
        .elseWhen(
            draining,
            () -> {
              drainIdx.next(mux(drainEnd, lit(0, ib), drainIdx.inc()));
              when(drainEnd, () -> draining.next(bool(false)));
            });

    // ---- row buffers: the first half (x_i) and the second half (x_{i+D/2}), H beats each
    Vec<UInt> lo = regVec("lo", h, HwType.uint(w), 0);
    Vec<UInt> hi = regVec("hi", h, HwType.uint(w), 0);
    for (int i = 0; i < h; i++) {
      UInt loEntry = lo.get(i);
      UInt hiEntry = hi.get(i);
      Bool here = accept.and(idx.eq(lit(i, ib)));
      when(here.and(secondHalf.not()), () -> loEntry.next(x));
      when(here.and(secondHalf), () -> hiEntry.next(x));
    }
    UInt rd = mux(draining, drainIdx, idx);
    UInt loR = RopeSinCos.lookUp(padded(lo.toArray(new UInt[0]), ib, w), rd);
    UInt hiR = RopeSinCos.lookUp(padded(hi.toArray(new UInt[0]), ib, w), rd);

    // ---- issue: a first-half output on each second-half beat, a second-half output while draining
    Bool issue = accept.and(secondHalf).or(draining);
    UInt i0j = regNext("i_index", rd);
    UInt i0pos = regNext("i_position", mux(draining, drainPos, rowPos));
    UInt i0u = regNext("i_u", mux(draining, hiR, loR));
    UInt i0v = regNext("i_v", mux(draining, loR, x));
    Bool i0neg = regNext("i_neg_sin", draining.not());
    // angle step look-up
    UInt[] f = new UInt[lanes];
    for (int l = 0; l < lanes; l++) {
      UInt[] table = new UInt[1 << ib];
      for (int j = 0; j < table.length; j++) {
        table[j] = lit(j < h ? RopeGolden.frequency(s, j * lanes + l) : 0, 62);
      }
      f[l] = regNext("f_step" + l, RopeSinCos.lookUp(table, i0j));
    }
    UInt posF = regNext("f_position", i0pos);
    // phase, then sin/cos, then rotation (operands delayed to meet them)
    int toTrig = 1 + RopeSinCos.LATENCY;
    UInt uT = delay("u_d", i0u, 1 + toTrig);
    UInt vT = delay("v_d", i0v, 1 + toTrig);
    Bool negT = delay("neg_d", i0neg, 1 + toTrig);
    UInt[] ys = new UInt[lanes];
    UInt[] qs = new UInt[lanes];
    for (int l = 0; l < lanes; l++) {
      UInt phase = regNext("phase" + l, posF.mul(f[l]).resize(64).bits(63, 32));
      RopeSinCos trig = instance("trig" + l, new RopeSinCos());
      trig.inValid.assign(bool(true));
      trig.phase.assign(phase);
      RopeRotationLane rot = instance("rot" + l, new RopeRotationLane());
      rot.u.assign(uT.bits(32 * l + 31, 32 * l));
      rot.v.assign(vT.bits(32 * l + 31, 32 * l));
      rot.c.assign(trig.cos);
      rot.s.assign(mux(negT, trig.sin.not().add(lit(1, 32)).trunc(32), trig.sin));
      Fp8OutputStage q = instance("quant" + l, new Fp8OutputStage(s.format()));
      q.valid.assign(bool(true));
      q.y.assign(rot.y);
      ys[lanes - 1 - l] = q.yOut;
      qs[lanes - 1 - l] = q.q;
    }
    out.payload().y.assign(lanes == 1 ? ys[0] : ys[0].cat(Arrays.copyOfRange(ys, 1, lanes)));
    out.payload().q.assign(lanes == 1 ? qs[0] : qs[0].cat(Arrays.copyOfRange(qs, 1, lanes)));
    out.valid().assign(delay("valid_d", issue, s.latency(), false));
    out.last().assign(delay("last_d", draining.and(drainEnd), s.latency(), false));
    timing(s.latency(), 1);
  }

  /** {@code entries} padded with zeros to 2^bits. */
  private UInt[] padded(UInt[] entries, int bits, int width) {
    UInt[] t = Arrays.copyOf(entries, 1 << bits);
    for (int i = entries.length; i < t.length; i++) {
      t[i] = lit(BigInteger.ZERO, width);
    }
    return t;
  }

  @Override
  public String kindName() {
    return "rope";
  }
}
