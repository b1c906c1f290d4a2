package io.hardformer.area;

import io.hardformer.dsl.analysis.IrWalk;
import io.hardformer.dsl.elaborate.Design;
import io.hardformer.dsl.elaborate.ModuleDef;
import io.hardformer.dsl.ir.BinaryExpr;
import io.hardformer.dsl.ir.BinaryOp;
import io.hardformer.dsl.ir.Expr;
import io.hardformer.dsl.ir.Literal;
import io.hardformer.dsl.ir.MuxExpr;
import io.hardformer.dsl.ir.Signal;
import io.hardformer.dsl.ir.SignalKind;
import io.hardformer.dsl.ir.UnaryExpr;
import io.hardformer.dsl.ir.UnaryOp;
import io.hardformer.generators.numerics.IntLog2;

/**
 * A pre-synthesis area estimate in NAND2 equivalents, from the IR alone: each operator node costs a
 * textbook static-CMOS gate count (ripple-carry adders at 7 per bit, array multipliers, 2.33 per
 * multiplexed bit, 5.67 per flip-flop; ratios of {@code hardformer_nand2.lib}), times the instances
 * of its module. Operators with a constant operand are counted at a reduced rate, as synthesis
 * folds them. Compared against Yosys in the tests; the FMA-array estimate replaces it with per-cell
 * synthesis.
 */
public final class GateEstimate {
  static final double FLIP_FLOP = 5.67;
  static final double FULL_ADDER = 7.0;
  static final double AND2 = 1.33;
  static final double XOR2 = 2.0;
  static final double MUX2 = 2.33;
  static final double INV = 0.67;

  /** Share of an operator's cost kept when one operand is a constant (synthesis folds the rest). */
  static final double CONSTANT_OPERAND = 0.5;

  private GateEstimate() {}

  public static double nand2(Design design) {
    double total = 0;
    for (ModuleDef def : design.modules()) {
      total += def.instanceCount() * module(def);
    }
    return total;
  }

  static double module(ModuleDef def) {
    double sum = 0;
    for (Signal s : def.body().signals()) {
      if (s.kind() == SignalKind.REGISTER) {
        sum += s.width() * FLIP_FLOP + (s.reset() != null ? s.width() * AND2 : 0);
      }
    }
    for (Expr e : IrWalk.distinctExpressions(def.body())) {
      sum += cost(e);
    }
    return sum;
  }

  static double cost(Expr e) {
    if (e instanceof BinaryExpr) {
      BinaryExpr b = (BinaryExpr) e;
      double c = binary(b);
      boolean constant = b.left() instanceof Literal || b.right() instanceof Literal;
      return constant ? c * CONSTANT_OPERAND : c;
    }
    if (e instanceof MuxExpr) {
      MuxExpr m = (MuxExpr) e;
      double c = e.width() * MUX2;
      return m.whenTrue() instanceof Literal || m.whenFalse() instanceof Literal
          ? c * CONSTANT_OPERAND
          : c;
    }
    if (e instanceof UnaryExpr) {
      UnaryExpr u = (UnaryExpr) e;
      int w = u.operand().width();
      return u.op() == UnaryOp.NOT
          ? w * INV
          : (w - 1) * (u.op() == UnaryOp.XOR_REDUCE ? XOR2 : AND2);
    }
    return 0; // literals, signals, slices, concatenations, extensions are wiring
  }

  private static double binary(BinaryExpr b) {
    int wl = b.left().width();
    int wr = b.right().width();
    int w = Math.max(wl, wr);
    switch (b.op()) {
      case ADD:
      case SUB:
        return w * FULL_ADDER;
      case MUL:
        return wl * wr * AND2 + (wl - 1) * wr * FULL_ADDER;
      case AND:
      case OR:
        return w * AND2;
      case XOR:
        return w * XOR2;
      case EQ:
      case NE:
        return w * (XOR2 + AND2);
      case SHIFT_LEFT:
      case SHIFT_RIGHT:
        int stages = Math.min(wr, Math.max(1, IntLog2.ceil(wl)));
        return (double) wl * stages * MUX2;
      default: // LT, LE, GT, GE: a carry chain
        return w * 4.0;
    }
  }

  /**
   * Area figures from this estimate: FMA count = multiplier nodes, register bits counted from the
   * IR, NAND2 equivalents from the operator costs.
   */
  public static AreaFigures figures(Design design, double density) {
    long regBits = io.hardformer.dsl.analysis.DesignStats.of(design).registerBits();
    return new AreaFigures(
        multipliers(design),
        regBits,
        nand2(design),
        density,
        "pre-synthesis IR estimate (operator gate counts x instances); conservative: 1.4-2.0x a Yosys"
            + " synthesis against hardformer_nand2.lib for the FP8 units (docs/BENCHMARKS.md)");
  }

  /** Multiplier nodes, each an FP8 significand product or FMA multiplier, over the whole design. */
  public static long multipliers(Design design) {
    long n = 0;
    for (ModuleDef def : design.modules()) {
      for (Expr e : IrWalk.distinctExpressions(def.body())) {
        if (e instanceof BinaryExpr && ((BinaryExpr) e).op() == BinaryOp.MUL) {
          n += def.instanceCount();
        }
      }
    }
    return n;
  }
}
