package io.hardformer.generators.vector;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.Stream;
import io.hardformer.dsl.StreamPorts;
import io.hardformer.dsl.UInt;
import io.hardformer.dsl.Valid;
import io.hardformer.generators.fp8.Fp8Quant;
import java.util.Arrays;

/**
 * The vector unit: per lane {@code y = RNE_fp32(a × 2^scale_exp + b)} and {@code q = saturating
 * RNE_fp8(y × 2^-qexp)}, L lanes per beat ({@link VectorGolden} is its bit-exact model).
 *
 * <p>Ports: input stream {@code in_valid, in_ready, in_last, a[32L-1:0], b[32L-1:0],
 * scale_exp[8L-1:0], qexp[7:0]}; output {@code out_valid, out_last, y[32L-1:0], q[8L-1:0]}. {@code
 * in_ready} is always high (II 1); {@code out_last} is {@code in_last} of the same beat. Latency
 * {@link #LATENCY} = {@link ScaledAdder#LATENCY} + {@link ExponentShift#LATENCY} + 2 (the {@link
 * Fp8Quant} stages); {@code y} is delayed to leave with its {@code q}.
 */
public final class VectorUnit extends Module {
  public static final int LATENCY = ScaledAdder.LATENCY + ExponentShift.LATENCY + 2;

  public final Stream<VectorBeat> in;
  public final Valid<VectorResult> out;

  public VectorUnit(VectorShape shape) {
    int lanes = shape.lanes();
    param("lanes", lanes);
    param("format", shape.format().cliName());
    in = inStream("in", VectorBeat.type(lanes), StreamPorts.DEFAULT.withLast().bareFields());
    out = outValid("out", VectorResult.type(lanes), StreamPorts.DEFAULT.withLast().bareFields());
    in.driveReady(bool(true));
    Bool valid = in.valid();
    UInt qexp = delay("qexp_d", in.payload().qexp, ScaledAdder.LATENCY);
    Bool quantValid =
        delay("quant_valid_d", valid, ScaledAdder.LATENCY + ExponentShift.LATENCY, false);
    UInt[] y = new UInt[lanes];
    UInt[] q = new UInt[lanes];
    for (int e = 0; e < lanes; e++) {
      ScaledAdder add = instance("add" + e, new ScaledAdder());
      add.a.assign(in.payload().a.bits(32 * e + 31, 32 * e));
      add.b.assign(in.payload().b.bits(32 * e + 31, 32 * e));
      add.s.assign(in.payload().scaleExp.bits(8 * e + 7, 8 * e));
      ExponentShift shift = instance("shift" + e, new ExponentShift());
      shift.y.assign(add.y);
      shift.qexp.assign(qexp);
      Fp8Quant quant = instance("quant" + e, new Fp8Quant(shape.format(), true, 2));
      quant.in.valid().assign(quantValid);
      quant.in.payload().in.assign(shift.z);
      y[lanes - 1 - e] = delay("y" + e + "_d", add.y, LATENCY - ScaledAdder.LATENCY);
      q[lanes - 1 - e] = quant.out.payload().out;
      if (e == 0) {
        out.valid().assign(quant.out.valid());
      }
    }
    out.payload().y.assign(concat(y));
    out.payload().q.assign(concat(q));
    out.last().assign(delay("last_d", valid.and(in.last()), LATENCY, false));
    timing(LATENCY, 1);
  }

  private static UInt concat(UInt[] highFirst) {
    return highFirst.length == 1
        ? highFirst[0]
        : highFirst[0].cat(Arrays.copyOfRange(highFirst, 1, highFirst.length));
  }

  @Override
  public String kindName() {
    return "vector_unit";
  }
}
