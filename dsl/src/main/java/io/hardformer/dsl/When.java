package io.hardformer.dsl;

import io.hardformer.dsl.ir.Expr;
import io.hardformer.dsl.ir.SourceLocation;
import io.hardformer.dsl.ir.Statement;
import io.hardformer.dsl.ir.Switch;
import java.util.ArrayList;
import java.util.List;

/**
 * An open {@code when / elseWhen / otherwise} chain. It lowers to one priority {@link Switch}.
 * {@code elseWhen} and {@code otherwise} must directly follow the previous arm of the same chain.
 */
public final class When {
  private final Module module;
  private final SourceLocation location;
  private final StatementBlock enclosing;
  private final List<StatementBlock> bodies = new ArrayList<>();
  private final List<Expr> conditions = new ArrayList<>();
  private final List<SourceLocation> locations = new ArrayList<>();
  private StatementBlock otherwise;

  When(Module module, SourceLocation location) {
    this.module = module;
    this.location = location;
    this.enclosing = module.currentBlock();
  }

  void addBranch(Expr condition, Runnable body, SourceLocation loc) {
    StatementBlock block = new StatementBlock();
    conditions.add(condition);
    bodies.add(block);
    locations.add(loc);
    module.runIn(block, body);
  }

  /** Another condition, tried when all earlier ones of this chain were false. */
  public When elseWhen(Bool condition, Runnable body) {
    SourceLocation loc = Locations.capture();
    checkContinuable(loc, "elseWhen");
    addBranch(condition.expr, body, loc);
    return this;
  }

  /** The arm taken when no condition of this chain holds. Ends the chain. */
  public void otherwise(Runnable body) {
    SourceLocation loc = Locations.capture();
    checkContinuable(loc, "otherwise");
    StatementBlock block = new StatementBlock();
    otherwise = block;
    module.runIn(block, body);
  }

  private void checkContinuable(SourceLocation loc, String what) {
    if (otherwise != null) {
      throw new HardwareMisuseException(
          loc,
          what
              + " after otherwise: otherwise must be the last arm"
              + " of a when chain (started at "
              + location
              + ")");
    }
    if (enclosing.last() != this || module.currentBlock() != enclosing) {
      throw new HardwareMisuseException(
          loc,
          what
              + " must directly follow its when (started at "
              + location
              + "), in the same block, with no statement in between");
    }
  }

  Statement freeze() {
    List<Switch.Branch> branches = new ArrayList<>();
    for (int i = 0; i < conditions.size(); i++) {
      branches.add(new Switch.Branch(conditions.get(i), bodies.get(i).freeze(), locations.get(i)));
    }
    List<Statement> other = otherwise == null ? List.of() : otherwise.freeze();
    return new Switch(branches, other, location);
  }
}
