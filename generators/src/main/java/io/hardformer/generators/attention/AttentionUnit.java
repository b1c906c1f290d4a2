package io.hardformer.generators.attention;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.HwType;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.SInt;
import io.hardformer.dsl.Stream;
import io.hardformer.dsl.StreamPorts;
import io.hardformer.dsl.UInt;
import io.hardformer.dsl.Valid;
import io.hardformer.generators.catalog.LaneUnits;
import io.hardformer.generators.floating.OutputRow;
import io.hardformer.generators.fp8.Fp8Code;
import io.hardformer.generators.numerics.Fp8Format;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming grouped-query attention for one KV head: G query heads share one stream of key/value
 * rows, each computing o = softmax(q . K^T / sqrt(D)) . V with an online softmax, so S is not
 * bounded by any buffer (there is none: no scores are stored).
 *
 * <p>Protocol: one valid/ready input stream, one key/value pair per beat: {@code k[8D-1:0]}, {@code
 * v[8D-1:0]} (element d in bits [8d+7:8d]); {@code in_first} marks a step's first pair and loads
 * {@code q[8GD-1:0]} (head h, element d in bits [8(hD+d)+7 : 8(hD+d)]); {@code in_last} marks its
 * last pair (S = 1: both). After the last pair {@code in_ready} stays low while the heads finish
 * (reciprocal and drain); outputs leave one head per cycle, heads 0..G-1, on {@code out[D*W-1:0]}
 * with {@code out_valid}, {@code out_last} on head G-1. Cycle contract in {@link AttentionShape}.
 */
public final class AttentionUnit extends Module {
  /**
   * Ports {@code in_valid}, {@code in_ready}, {@code in_first}, {@code in_last}, {@code q}, {@code
   * k}, {@code v}.
   */
  public final Stream<KeyValueBeat> in;

  /** Ports {@code out_valid}, {@code out_last}, {@code out}. */
  public final Valid<OutputRow> out;

  public AttentionUnit(AttentionShape s) {
    this(s, LaneUnits.BUILT);
  }

  /**
   * @param laneUnits {@link LaneUnits#PORTS_ONLY}: the heads' q . k lanes without logic, for the
   *     area bill (never emitted)
   */
  public AttentionUnit(AttentionShape s, LaneUnits laneUnits) {
    Fp8Format f = s.format();
    int dim = s.headDim();
    int g = s.qHeads();
    param("head_dim", dim);
    param("q_heads", g);
    param("format", f.cliName());
    param("out_format", s.outFormat().cliName());
    in =
        inStream(
            "in",
            KeyValueBeat.type(dim, g),
            StreamPorts.DEFAULT.withFirst().withLast().bareFields());
    int w = s.outFormat().width();
    out = outValid("out", OutputRow.type(dim * w), StreamPorts.DEFAULT.withLast().bareFields());
    Bool inFirst = in.first();
    Bool inLast = in.last();
    UInt q = in.payload().q;
    UInt k = in.payload().k;
    UInt v = in.payload().v;
    List<AttentionHead> heads = new ArrayList<>();
    for (int h = 0; h < g; h++) {
      heads.add(new AttentionHead(s, laneUnits));
    }
    AttentionHead head0 = heads.get(0); // every head has the same stages

    Bool busy = reg("busy", false);
    in.driveReady(busy.not());
    Bool accept = in.valid().and(busy.not());
    UInt qR = reg("q_r", HwType.uint(8 * g * dim), 0);
    when(accept.and(inFirst), () -> qR.next(q));
    UInt kR = regNext("k_r", k);
    UInt vR = regNext("v_r", v);
    Bool validR = regNext("valid_r", accept, false);
    Bool firstR = regNext("first_r", accept.and(inFirst), false);
    Bool lastR = regNext("last_r", accept.and(inLast), false);

    // V meets p where the heads read it; the step ends when its last pair is accumulated
    UInt vD = delay("v_d", vR, head0.vStage);
    Bool vBad = bool(false);
    for (int d = 0; d < dim; d++) {
      Fp8Code code = vD.bits(8 * d + 7, 8 * d).as(Fp8Code.layout(f));
      // E5M2: Inf or NaN; E4M3: NaN (exponent and mantissa all ones)
      Bool special =
          f.hasInfinities() ? code.exponent.andR() : code.exponent.andR().and(code.mantissa.andR());
      vBad = vBad.or(special);
    }
    Bool done = delay("done_d", lastR, head0.accumulateStage, false);

    // finish: phase 0 idle; the done cycle normalizes; phases 1..27 divide; 28..27+G drain head
    // phase-28
    int divCycles = AttentionShape.RECIPROCAL_BITS;
    int lastPhase = divCycles + g;
    int phaseBits = bitsFor(lastPhase);
    UInt phase = reg("phase", phaseBits, 0);
    Bool running = phase.ne(lit(0, phaseBits));
    Bool dividing = running.and(phase.le(lit(divCycles, phaseBits)));
    Bool draining = phase.gt(lit(divCycles, phaseBits));
    Bool finalPhase = phase.eq(lit(lastPhase, phaseBits));
    when(done, () -> phase.next(lit(1, phaseBits)))
        .elseWhen(finalPhase, () -> phase.next(lit(0, phaseBits)))
        .elseWhen(running, () -> phase.next(phase.inc()));
    when(accept.and(inLast), () -> busy.next(bool(true)))
        .elseWhen(finalPhase, () -> busy.next(bool(false)));

    for (int h = 0; h < g; h++) {
      AttentionHead head = instance("head" + h, heads.get(h));
      head.valid.assign(validR);
      head.first.assign(firstR);
      head.q.assign(qR.bits(8 * dim * (h + 1) - 1, 8 * dim * h));
      head.k.assign(kR);
      head.v.assign(vD);
      head.vBad.assign(vBad);
      head.norm.assign(done);
      head.div.assign(dividing);
    }

    // drain one head per cycle: acc x reciprocal over drainStages stages, then one rounding to the
    // output format, in one lane module per element
    int headBits = Math.max(1, bitsFor(g - 1));
    UInt head = phase.sub(lit(divCycles + 1, phaseBits)).trunc(phaseBits).resize(headBits);
    UInt recip = pick(head, heads, hd -> hd.recip);
    UInt lzSel = pick(head, heads, hd -> hd.lz);
    Bool badSel = pick(head, heads, hd -> hd.bad.asUInt()).bit(0);
    int stages = s.drainProductLatency();
    Bool badR = delay("o_bad", badSel, stages);
    UInt lzR = delay("o_lz", lzSel, stages);
    UInt[] lanes = new UInt[dim];
    int laneLatency = 0;
    for (int d = 0; d < dim; d++) {
      final int dd = d;
      SInt acc = pick(head, heads, hd -> hd.acc.get(dd).asUInt()).asSInt();
      AttentionDrainLane lane =
          instance("drain" + d, new AttentionDrainLane(s, lzR.width(), laneUnits));
      lane.acc.assign(acc);
      lane.recip.assign(s.deep() ? recipFor(d, recip, head, heads) : recip);
      lane.nan.assign(badR);
      lane.lz.assign(lzR);
      lanes[dim - 1 - d] = lane.out;
      laneLatency = lane.latency;
    }
    out.payload()
        .out
        .assign(dim == 1 ? lanes[0] : lanes[0].cat(java.util.Arrays.copyOfRange(lanes, 1, dim)));
    int outputStages = laneLatency; // product stages, rounding
    out.valid().assign(delay("out_valid_d", draining, outputStages, false));
    out.last().assign(delay("out_last_d", finalPhase, outputStages, false));
    // last pair accepted -> last_r (1) -> accumulated (done) -> normalize and divide -> head 0
    // drains
    timing(1 + head0.accumulateStage + divCycles + 1 + outputStages, 1);
  }

  /**
   * One output element's drain lane ({@code drain<d>}, D per unit) as the unit builds it: for the
   * area bill, which prices D copies of it when the unit is built with {@link
   * LaneUnits#PORTS_ONLY}. Its exponent adjustment is a head's {@code lz}.
   */
  public static AttentionDrainLane drainLane(AttentionShape s) {
    return new AttentionDrainLane(s, bitsFor(s.sumBits()));
  }

  private interface Field {
    UInt of(AttentionHead head);
  }

  /** heads[index].field as a binary multiplexer tree. */
  private UInt pick(UInt index, List<AttentionHead> heads, Field field) {
    List<UInt> level = new ArrayList<>();
    for (AttentionHead h : heads) {
      level.add(field.of(h));
    }
    for (int bit = 0; level.size() > 1; bit++) {
      List<UInt> next = new ArrayList<>();
      for (int i = 0; i < level.size(); i += 2) {
        next.add(
            i + 1 < level.size()
                ? mux(index.bit(bit), level.get(i + 1), level.get(i))
                : level.get(i));
      }
      level = next;
    }
    return level.get(0);
  }

  @Override
  public String kindName() {
    return "attention";
  }

  /** Drain lanes that one copy of the reciprocal's head multiplexer feeds under deep. */
  private static final int LANES_PER_RECIP = 16;

  private final java.util.Map<Integer, UInt> recipCopies = new java.util.HashMap<>();

  /**
   * Drain lane d's reciprocal: {@code shared}, or with {@code --pipeline deep}, past the first
   * {@link #LANES_PER_RECIP} lanes, one {@link ReciprocalSelect} per that many lanes, so that no
   * gate drives all D lanes' input registers (a net between modules that hierarchical synthesis
   * leaves unbuffered: 38.6 FO4 at D = 128). The default keeps one multiplexer.
   */
  private UInt recipFor(int d, UInt shared, UInt head, List<AttentionHead> heads) {
    int copy = d / LANES_PER_RECIP;
    if (copy == 0) {
      return shared;
    }
    return recipCopies.computeIfAbsent(
        copy,
        c -> {
          ReciprocalSelect sel =
              instance("recip_select" + c, new ReciprocalSelect(heads.size(), head.width()));
          sel.head.assign(head);
          for (int h = 0; h < heads.size(); h++) {
            sel.recips.get(h).assign(heads.get(h).recip);
          }
          return sel.recip;
        });
  }
}
