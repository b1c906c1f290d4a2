package io.hardformer.rtl;

import io.hardformer.dsl.elaborate.Design;
import io.hardformer.dsl.elaborate.ModuleDef;
import io.hardformer.dsl.ir.Assign;
import io.hardformer.dsl.ir.Expr;
import io.hardformer.dsl.ir.Instance;
import io.hardformer.dsl.ir.ModuleBody;
import io.hardformer.dsl.ir.Signal;
import io.hardformer.dsl.ir.SignalKind;
import io.hardformer.dsl.ir.SignalRef;
import io.hardformer.dsl.ir.SliceExpr;
import io.hardformer.dsl.ir.SourceLocation;
import io.hardformer.dsl.ir.Statement;
import io.hardformer.dsl.ir.Switch;
import io.hardformer.rtl.view.AssignView;
import io.hardformer.rtl.view.BlockView;
import io.hardformer.rtl.view.DeclarationView;
import io.hardformer.rtl.view.InstanceView;
import io.hardformer.rtl.view.ModuleView;
import io.hardformer.rtl.view.PortView;
import io.hardformer.rtl.view.StatementView;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@link ModuleView} of one module definition in short named steps: allocate names, count
 * expression uses, find used bits, classify drivers, then ports, declarations, assigns, always blocks
 * and instances. Every decision about names and widths is made here; the template only lays out.
 */
final class ModuleViewBuilder {
  private final Design design;
  private final ModuleDef def;
  private final ModuleBody body;
  private final EmitOptions options;
  private final Set<ModuleDef> clocked;
  private final NameAllocator names = new NameAllocator();
  private final Map<Expr, Integer> useCounts = new IdentityHashMap<>();
  private final Map<Signal, BitSet> usedBits = new IdentityHashMap<>();
  private final Map<Statement, Set<Signal>> targetsOf = new IdentityHashMap<>();
  private final Map<Signal, List<Statement>> topLevelTouching = new LinkedHashMap<>();
  private final Map<Signal, Integer> assignCount = new HashMap<>();
  private final Set<Signal> procedural = Collections.newSetFromMap(new IdentityHashMap<>());
  private ExpressionRenderer renderer;

  ModuleViewBuilder(Design design, ModuleDef def, EmitOptions options, Set<ModuleDef> clocked) {
    this.design = design;
    this.def = def;
    this.body = def.body();
    this.options = options;
    this.clocked = clocked;
  }

  ModuleView build() {
    allocateNames();
    countUses();
    findUsedBits();
    classifyDrivers();
    renderer = new ExpressionRenderer(names, this::signalName, useCounts);
    List<AssignView> assigns = new ArrayList<>();
    List<BlockView> blocks = new ArrayList<>();
    drivers(assigns, blocks);
    List<DeclarationView> declarations = declarations();
    declarations.addAll(renderer.tempDeclarations());
    List<AssignView> allAssigns = new ArrayList<>(renderer.tempAssigns());
    allAssigns.addAll(assigns);
    return new ModuleView(def.name(), header(), ports(), declarations, allAssigns, blocks, instances());
  }

  // ---- step: names ---------------------------------------------------------------------------------

  private boolean isClocked() {
    return clocked.contains(def);
  }

  private void allocateNames() {
    if (isClocked()) {
      names.reserve("clk");
      names.reserve("rst");
    }
    for (Signal s : body.allSignals()) {
      names.name(s, s.name());
    }
    for (Instance i : body.instances()) {
      names.name(i, i.name());
    }
    for (Instance i : body.instances()) {
      String inst = names.lookup(i);
      for (Signal p : i.body().ports()) {
        names.name(p, inst + "_" + p.name());
      }
    }
  }

  private String signalName(SignalRef ref) {
    String n = names.lookup(ref.signal());
    if (n == null) {
      throw new IllegalStateException("no name for " + ref.signal() + " in " + def.name()
          + " (a FOREIGN SIGNAL the checks should have stopped)");
    }
    return n;
  }

  // ---- step: expression uses and used bits ------------------------------------------------------

  private List<Expr> roots() {
    List<Expr> roots = new ArrayList<>();
    ArrayDeque<List<Statement>> blocks = new ArrayDeque<>();
    blocks.push(body.statements());
    while (!blocks.isEmpty()) {
      for (Statement s : blocks.pop()) {
        if (s instanceof Assign) {
          roots.add(((Assign) s).value());
        } else {
          Switch sw = (Switch) s;
          for (Switch.Branch b : sw.branches()) {
            roots.add(b.condition());
            blocks.push(b.body());
          }
          blocks.push(sw.otherwise());
        }
      }
    }
    return roots;
  }

  private void countUses() {
    Set<Expr> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    ArrayDeque<Expr> work = new ArrayDeque<>();
    for (Expr r : roots()) {
      useCounts.merge(r, 1, Integer::sum);
      work.push(r);
      if (r instanceof SignalRef) {
        markAllUsed(((SignalRef) r).signal());
      }
    }
    while (!work.isEmpty()) {
      Expr e = work.pop();
      if (!seen.add(e)) {
        continue;
      }
      for (Expr c : e.operands()) {
        useCounts.merge(c, 1, Integer::sum);
        work.push(c);
      }
      if (e instanceof SliceExpr) {
        SliceExpr s = (SliceExpr) e;
        if (s.operand() instanceof SignalRef) {
          markUsed(((SignalRef) s.operand()).signal(), s.lo(), s.hi());
        }
      } else {
        for (Expr c : e.operands()) {
          if (c instanceof SignalRef) {
            markAllUsed(((SignalRef) c).signal());
          }
        }
      }
    }
  }

  private void findUsedBits() {
    for (Signal p : body.ports()) {
      if (p.kind() == SignalKind.OUTPUT) {
        markAllUsed(p);
      }
    }
    for (Instance i : body.instances()) {
      for (Signal p : i.body().ports()) {
        if (p.kind() == SignalKind.INPUT) {
          markAllUsed(p);
        }
      }
    }
  }

  private void markAllUsed(Signal s) {
    markUsed(s, 0, s.width() - 1);
  }

  private void markUsed(Signal s, int lo, int hi) {
    usedBits.computeIfAbsent(s, k -> new BitSet()).set(lo, hi + 1);
  }

  private boolean partlyUnused(Signal s) {
    BitSet b = usedBits.get(s);
    return b == null || b.cardinality() < s.width();
  }

  private boolean isRead(Signal s) {
    BitSet b = usedBits.get(s);
    return b != null && !b.isEmpty();
  }

  // ---- step: which signals need always blocks ----------------------------------------------------

  private void classifyDrivers() {
    for (Statement s : body.statements()) {
      for (Signal t : targets(s)) {
        topLevelTouching.computeIfAbsent(t, k -> new ArrayList<>()).add(s);
      }
    }
    for (Map.Entry<Signal, List<Statement>> e : topLevelTouching.entrySet()) {
      Signal t = e.getKey();
      List<Statement> touching = e.getValue();
      boolean single = touching.size() == 1 && touching.get(0) instanceof Assign;
      if (t.kind() == SignalKind.REGISTER || !single) {
        procedural.add(t);
      }
    }
  }

  private Set<Signal> targets(Statement s) {
    Set<Signal> known = targetsOf.get(s);
    if (known != null) {
      return known;
    }
    Set<Signal> out = new LinkedHashSet<>();
    if (s instanceof Assign) {
      out.add(((Assign) s).target());
      assignCount.merge(((Assign) s).target(), 1, Integer::sum);
    } else {
      Switch sw = (Switch) s;
      for (Switch.Branch b : sw.branches()) {
        for (Statement c : b.body()) {
          out.addAll(targets(c));
        }
      }
      for (Statement c : sw.otherwise()) {
        out.addAll(targets(c));
      }
    }
    targetsOf.put(s, out);
    return out;
  }

  // ---- step: drivers -----------------------------------------------------------------------------------

  private void drivers(List<AssignView> assigns, List<BlockView> blocks) {
    for (Map.Entry<Signal, List<Statement>> e : topLevelTouching.entrySet()) {
      Signal t = e.getKey();
      String name = names.lookup(t);
      if (!procedural.contains(t)) {
        Assign a = (Assign) e.getValue().get(0);
        assigns.add(new AssignView(name, renderer.render(a.value()), comment(a.location())));
        continue;
      }
      boolean seq = t.kind() == SignalKind.REGISTER;
      String op = seq ? "<=" : "=";
      List<StatementView> stmts = new ArrayList<>();
      for (Statement s : e.getValue()) {
        project(s, t, name, op, stmts);
      }
      List<StatementView> reset = List.of();
      if (seq && t.reset() != null) {
        reset = List.of(StatementView.assign(name, op, resetLiteral(t), ""));
      }
      blocks.add(new BlockView(name, seq, reset, stmts));
    }
    // registers that are never assigned but have a reset value: constant after reset
    for (Signal s : body.signals()) {
      if (s.kind() == SignalKind.REGISTER && s.reset() != null && !topLevelTouching.containsKey(s)
          && isRead(s)) {
        String name = names.lookup(s);
        procedural.add(s);
        blocks.add(new BlockView(name, true, List.of(StatementView.assign(name, "<=", resetLiteral(s), "")),
            List.of()));
      }
    }
  }

  private static String resetLiteral(Signal s) {
    java.math.BigInteger mask = java.math.BigInteger.ONE.shiftLeft(s.width()).subtract(java.math.BigInteger.ONE);
    return ExpressionRenderer.literal(s.width(), s.reset().and(mask));
  }

  private void project(Statement s, Signal target, String name, String op, List<StatementView> out) {
    if (s instanceof Assign) {
      Assign a = (Assign) s;
      if (a.target() == target) {
        out.add(StatementView.assign(name, op, renderer.render(a.value()), comment(a.location())));
      }
      return;
    }
    Switch sw = (Switch) s;
    if (!targets(sw).contains(target)) {
      return;
    }
    List<StatementView.ArmView> arms = new ArrayList<>();
    for (Switch.Branch b : sw.branches()) {
      List<StatementView> armBody = new ArrayList<>();
      for (Statement c : b.body()) {
        project(c, target, name, op, armBody);
      }
      arms.add(new StatementView.ArmView(renderer.render(b.condition()), comment(b.location()), armBody));
    }
    List<StatementView> other = new ArrayList<>();
    for (Statement c : sw.otherwise()) {
      project(c, target, name, op, other);
    }
    out.add(StatementView.chain(arms, other));
  }

  private String comment(SourceLocation loc) {
    return options.sourceComments() && !SourceLocation.UNKNOWN.equals(loc) ? " // " + loc : "";
  }

  // ---- step: ports, declarations, instances, header ---------------------------------------------

  private List<PortView> ports() {
    List<PortView> ports = new ArrayList<>();
    if (isClocked()) {
      ports.add(new PortView("input", "wire", "", "clk", false));
      ports.add(new PortView("input", "wire", "", "rst", !usesReset()));
    }
    for (Signal p : body.ports()) {
      boolean out = p.kind() == SignalKind.OUTPUT;
      String net = out && procedural.contains(p) ? "reg" : "wire";
      ports.add(new PortView(out ? "output" : "input", net, ExpressionRenderer.range(p.width()),
          names.lookup(p), !out && partlyUnused(p)));
    }
    return ports;
  }

  private boolean usesReset() {
    for (Signal s : body.signals()) {
      if (s.kind() == SignalKind.REGISTER && s.reset() != null && procedural.contains(s)) {
        return true;
      }
    }
    for (Instance i : body.instances()) {
      if (clocked.contains(design.defOf(i.body()))) {
        return true;
      }
    }
    return false;
  }

  private List<DeclarationView> declarations() {
    List<DeclarationView> out = new ArrayList<>();
    for (Signal s : body.signals()) {
      boolean driven = topLevelTouching.containsKey(s) || procedural.contains(s);
      if (!driven && !isRead(s)) {
        continue; // declared but never used: nothing to emit
      }
      String net = procedural.contains(s) ? "reg" : "wire";
      out.add(new DeclarationView(net, ExpressionRenderer.range(s.width()), names.lookup(s),
          partlyUnused(s), comment(s.location())));
    }
    for (Instance i : body.instances()) {
      for (Signal p : i.body().ports()) {
        String net = procedural.contains(p) ? "reg" : "wire";
        out.add(new DeclarationView(net, ExpressionRenderer.range(p.width()), names.lookup(p),
            p.kind() == SignalKind.OUTPUT && partlyUnused(p), ""));
      }
    }
    return out;
  }

  private List<InstanceView> instances() {
    List<InstanceView> out = new ArrayList<>();
    for (Instance i : body.instances()) {
      ModuleDef child = design.defOf(i.body());
      List<InstanceView.Connection> conns = new ArrayList<>();
      if (clocked.contains(child)) {
        conns.add(new InstanceView.Connection("clk", "clk"));
        conns.add(new InstanceView.Connection("rst", "rst"));
      }
      List<Signal> childPorts = i.body().ports();
      List<Signal> defPorts = child.body().ports();
      for (int k = 0; k < childPorts.size(); k++) {
        conns.add(new InstanceView.Connection(portName(defPorts.get(k)), names.lookup(childPorts.get(k))));
      }
      out.add(new InstanceView(child.name(), names.lookup(i), comment(i.location()), conns));
    }
    return out;
  }

  /** A port's name inside its own module: its own name, keyword-escaped. */
  static String portName(Signal port) {
    return io.hardformer.dsl.check.VerilogKeywords.isKeyword(port.name())
        ? io.hardformer.dsl.check.VerilogKeywords.escape(port.name()) : port.name();
  }

  private List<String> header() {
    List<String> h = new ArrayList<>();
    StringBuilder gen = new StringBuilder("Generated by Hardformer from generator '")
        .append(options.generator()).append('\'');
    if (!options.parameters().isEmpty()) {
      gen.append(" with ");
      int k = 0;
      for (Map.Entry<String, String> p : options.parameters().entrySet()) {
        gen.append(k++ > 0 ? ", " : "").append(p.getKey()).append('=').append(p.getValue());
      }
    }
    h.add(gen.append(". Do not edit.").toString());
    StringBuilder mod = new StringBuilder("Module ").append(def.name()).append(": ")
        .append(body.kindName());
    if (!body.parameters().isEmpty()) {
      mod.append(body.parameters().toString().replace('{', '(').replace('}', ')'));
    }
    mod.append(", ").append(def.instanceCount()).append(def.instanceCount() == 1 ? " instance" : " instances")
        .append(" in this design");
    h.add(mod.toString());
    if (body.timing() != null) {
      h.add("Timing: latency " + body.timing().latency() + " cycles, initiation interval "
          + body.timing().initiationInterval());
    }
    h.replaceAll(ModuleViewBuilder::commentSafe);
    return h;
  }

  /** Header text is user data: no line breaks or control characters may end the comment. */
  static String commentSafe(String text) {
    return text.replaceAll("[\\p{Cntrl}]", " ");
  }
}
