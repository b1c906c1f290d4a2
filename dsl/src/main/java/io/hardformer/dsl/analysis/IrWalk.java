package io.hardformer.dsl.analysis;

import io.hardformer.dsl.ir.Assign;
import io.hardformer.dsl.ir.Expr;
import io.hardformer.dsl.ir.ModuleBody;
import io.hardformer.dsl.ir.Statement;
import io.hardformer.dsl.ir.StatementVisitor;
import io.hardformer.dsl.ir.Switch;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** Walks over the IR that analyses share. */
public final class IrWalk {
  private IrWalk() {}

  /** Every distinct expression node of a body (values and conditions), each once. */
  public static Set<Expr> distinctExpressions(ModuleBody body) {
    Set<Expr> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    ArrayDeque<Expr> work = new ArrayDeque<>();
    ArrayDeque<List<Statement>> blocks = new ArrayDeque<>();
    blocks.push(body.statements());
    while (!blocks.isEmpty()) {
      for (Statement s : blocks.pop()) {
        s.accept(
            new StatementVisitor<Void>() {
              @Override
              public Void visitAssign(Assign a) {
                work.push(a.value());
                return null;
              }

              @Override
              public Void visitSwitch(Switch sw) {
                for (Switch.Branch b : sw.branches()) {
                  work.push(b.condition());
                  blocks.push(b.body());
                }
                blocks.push(sw.otherwise());
                return null;
              }
            });
      }
    }
    while (!work.isEmpty()) {
      Expr e = work.pop();
      if (seen.add(e)) {
        e.operands().forEach(work::push);
      }
    }
    return seen;
  }
}
