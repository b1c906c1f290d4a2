package io.hardformer.generators.fp8;

import io.hardformer.dsl.Module;
import io.hardformer.dsl.SInt;
import io.hardformer.dsl.StreamPorts;
import io.hardformer.dsl.Valid;
import io.hardformer.generators.catalog.LaneUnits;
import io.hardformer.generators.floating.FixedToFloat;
import io.hardformer.generators.floating.OutputRow;
import io.hardformer.generators.numerics.Fp8Format;

/**
 * Exact FP8 dot product of N lanes: every product is exact in a fixed-point window (36 bits E4M3,
 * 64 bits E5M2), the N products are summed exactly in a {@code window + ceil(log2 N) + 1}-bit
 * accumulator, and the sum is rounded once (RNE) to FP32 or BF16. An exactly zero sum is +0. Ports
 * {@code clk, rst, in_valid, a[8N-1:0], b[8N-1:0], out_valid, out[31:0]} ({@code out[15:0]} for
 * BF16); lane i is bits [8i+7:8i].
 *
 * <p>Pipeline (latency {@code 3 + ceil(levels / 2)}, levels = ceil(log2 N)): products; adder tree,
 * two levels per stage; leading-zero count and normalizing shift; round, pack and special-value
 * select. The ~1 GHz assumption: an 8-bit product with its alignment shift, or two levels of
 * 40-70-bit adders, or one wide leading-zero count and shift, per stage.
 */
public final class Fp8Dot extends Module {
  final Valid<Fp8Operands> in;
  final Valid<OutputRow> out;

  public Fp8Dot(Fp8Format f, int lanes, FloatPacker outFormat) {
    this(f, lanes, outFormat, LaneUnits.BUILT);
  }

  /**
   * @param laneUnits {@link LaneUnits#PORTS_ONLY}: the tree's lanes without logic, for the area
   *     bill (never emitted)
   */
  public Fp8Dot(Fp8Format f, int lanes, FloatPacker outFormat, LaneUnits laneUnits) {
    if (lanes < 1 || lanes > 4096) {
      throw new IllegalArgumentException("lanes must be 1 to 4096, got " + lanes);
    }
    param("format", f.cliName());
    param("lanes", lanes);
    param("acc", "exact");
    param("out_format", outFormat.cliName());
    timing(latency(lanes), 1);
    in = inValid("in", Fp8Operands.type(lanes), StreamPorts.DEFAULT.bareFields());
    out = outValid("out", OutputRow.type(outFormat.width()), StreamPorts.DEFAULT.bareFields());
    int unit = 2 * f.quantumExponent();

    // exact products and their exact sum
    ExactDotTree tree = instance("tree", new ExactDotTree(f, lanes, true, laneUnits));
    tree.inValid.assign(in.valid());
    tree.a.assign(in.payload().a);
    tree.b.assign(in.payload().b);
    SInt sum = tree.sum;

    // normalize, round once and pack (two stages)
    FixedToFloat rounding = instance("rounding", new FixedToFloat(sum.width(), unit, outFormat));
    rounding.sum.assign(sum);
    rounding.nan.assign(tree.nan);
    rounding.posInf.assign(tree.posInf);
    rounding.negInf.assign(tree.negInf);
    out.payload().out.assign(rounding.out);
    // the valid bit beside FixedToFloat's two register stages
    out.valid().assign(delay("n_valid", tree.outValid, 2, false));
  }

  /**
   * Pipeline latency for {@code lanes}: products + ceil(levels / 2) tree stages + normalize +
   * round.
   */
  public static int latency(int lanes) {
    return ExactDotTree.latency(lanes) + FixedToFloat.LATENCY;
  }

  @Override
  public String kindName() {
    return "fp8_dot";
  }
}
