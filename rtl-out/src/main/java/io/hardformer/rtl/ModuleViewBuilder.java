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
import io.hardformer.dsl.ir.StatementVisitor;
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
 * Builds the {@link ModuleView} of one module definition in short named steps: allocate names,
 * count expression uses, find used bits, classify drivers, then ports, declarations, assigns,
 * always blocks and instances. Every decision about names and widths is made here; the template
 * only lays out.
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
  private final Set<Signal> allBitsUsed = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<Statement, Set<Signal>> targetsOf = new IdentityHashMap<>();
  private final Map<Signal, List<Statement>> topLevelTouching = new LinkedHashMap<>();
  private final Map<Statement, Integer> topLevelIndex = new IdentityHashMap<>();
  private final Map<Expr, Integer> enableIds = new IdentityHashMap<>();
  private final Set<Signal> procedural = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<SourceLocation, String> comments = new HashMap<>();
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
    renderer = new ExpressionRenderer(names, this::signalName, useCounts, this::comment);
    List<AssignView> assigns = new ArrayList<>();
    List<BlockView> blocks = new ArrayList<>();
    drivers(assigns, blocks);
    List<DeclarationView> declarations = declarations();
    declarations.addAll(renderer.tempDeclarations());
    List<AssignView> allAssigns = new ArrayList<>(renderer.tempAssigns());
    allAssigns.addAll(assigns);
    return new ModuleView(
        def.name(), header(), ports(), declarations, allAssigns, blocks, instances());
  }

  // ---- step: names
  // ---------------------------------------------------------------------------------

  private boolean isClocked() {
    return clocked.contains(def);
  }

  private void allocateNames() {
    if (isClocked()) {
      names.reserve("clk");
      names.reserve("rst");
    }
    for (Signal s : body.allSignals()) {
      if (!s.renamable()) {
        names.name(s, s.name());
      }
    }
    for (Signal s : body.signals()) { // .named(...) wires yield to declared names
      if (s.renamable()) {
        names.name(s, s.name());
      }
    }
    for (Instance i : body.instances()) {
      names.name(i, i.name());
    }
    for (Instance i : body.instances()) {
      String inst = names.lookup(i);
      for (Signal p : i.ports()) {
        names.name(p, inst + "_" + p.name());
      }
    }
  }

  private String signalName(SignalRef ref) {
    String n = names.lookup(ref.signal());
    if (n == null) {
      throw new IllegalStateException(
          "no name for "
              + ref.signal()
              + " in "
              + def.name()
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
        s.accept(
            new StatementVisitor<Void>() {
              @Override
              public Void visitAssign(Assign a) {
                roots.add(a.value());
                return null;
              }

              @Override
              public Void visitSwitch(Switch sw) {
                for (Switch.Branch b : sw.branches()) {
                  roots.add(b.condition());
                  blocks.push(b.body());
                }
                blocks.push(sw.otherwise());
                return null;
              }
            });
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
      List<Expr> operands = e.operands(); // indexed: a flat top has many leaves, no iterators
      for (int k = 0, n = operands.size(); k < n; k++) {
        Expr c = operands.get(k);
        useCounts.merge(c, 1, Integer::sum);
        work.push(c);
      }
      if (e instanceof SliceExpr) {
        SliceExpr s = (SliceExpr) e;
        if (s.operand() instanceof SignalRef) {
          markUsed(((SignalRef) s.operand()).signal(), s.lo(), s.hi());
        }
      } else {
        for (int k = 0, n = operands.size(); k < n; k++) {
          Expr c = operands.get(k);
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
      for (Signal p : i.ports()) {
        if (p.kind() == SignalKind.INPUT) {
          markAllUsed(p);
        }
      }
    }
  }

  private void markAllUsed(Signal s) {
    if (s.width() > 0) {
      allBitsUsed.add(s); // most signals: no bit set of their own
    } else {
      markUsed(s, 0, s.width() - 1);
    }
  }

  private void markUsed(Signal s, int lo, int hi) {
    if (!allBitsUsed.contains(s)) {
      usedBits.computeIfAbsent(s, k -> new BitSet()).set(lo, hi + 1);
    }
  }

  private boolean partlyUnused(Signal s) {
    if (allBitsUsed.contains(s)) {
      return false;
    }
    BitSet b = usedBits.get(s);
    return b == null || b.cardinality() < s.width();
  }

  private boolean isRead(Signal s) {
    if (allBitsUsed.contains(s)) {
      return true;
    }
    BitSet b = usedBits.get(s);
    return b != null && !b.isEmpty();
  }

  // ---- step: which signals need always blocks
  // ----------------------------------------------------

  private void classifyDrivers() {
    for (Statement s : body.statements()) {
      topLevelIndex.put(s, topLevelIndex.size());
      for (Signal t : targets(s)) {
        topLevelTouching.computeIfAbsent(t, k -> new ArrayList<>(1)).add(s);
      }
    }
    for (Map.Entry<Signal, List<Statement>> e : topLevelTouching.entrySet()) {
      Signal t = e.getKey();
      List<Statement> touching = e.getValue();
      boolean single = touching.size() == 1 && touching.get(0).accept(AS_ASSIGN) != null;
      if (t.kind() == SignalKind.REGISTER || !single) {
        procedural.add(t);
      }
    }
  }

  private Set<Signal> targets(Statement s) {
    Assign plain = s.accept(AS_ASSIGN);
    if (plain != null) { // most statements: nothing worth caching
      return Set.of(plain.target());
    }
    Set<Signal> known = targetsOf.get(s);
    if (known != null) {
      return known;
    }
    Set<Signal> out = new LinkedHashSet<>();
    s.accept(
        new StatementVisitor<Void>() {
          @Override
          public Void visitAssign(Assign a) {
            out.add(a.target());
            return null;
          }

          @Override
          public Void visitSwitch(Switch sw) {
            for (Switch.Branch b : sw.branches()) {
              for (Statement c : b.body()) {
                out.addAll(targets(c));
              }
            }
            for (Statement c : sw.otherwise()) {
              out.addAll(targets(c));
            }
            return null;
          }
        });
    targetsOf.put(s, out);
    return out;
  }

  /** The statement itself when it is an assignment, else null. */
  private static final StatementVisitor<Assign> AS_ASSIGN =
      new StatementVisitor<>() {
        @Override
        public Assign visitAssign(Assign a) {
          return a;
        }

        @Override
        public Assign visitSwitch(Switch sw) {
          return null;
        }
      };

  // ---- step: drivers
  // -----------------------------------------------------------------------------------

  /**
   * Continuous assignments for signals driven by one plain assignment, one {@code always @*} block
   * per other combinational signal, and one {@code always @(posedge clk)} block per register group:
   * the registers with the same reset kind (with or without a reset value) touched by the same
   * top-level statements, a plain assignment counting as "every cycle". A block emits the touching
   * statements in source order, projected onto its registers, which keeps last-assignment-wins per
   * register.
   */
  private void drivers(List<AssignView> assigns, List<BlockView> blocks) {
    Map<String, List<Signal>> groups = new LinkedHashMap<>();
    Map<String, Integer> groupSlot = new HashMap<>();
    for (Map.Entry<Signal, List<Statement>> e : topLevelTouching.entrySet()) {
      Signal t = e.getKey();
      if (!procedural.contains(t)) {
        Assign a = e.getValue().get(0).accept(AS_ASSIGN);
        assigns.add(
            new AssignView(names.lookup(t), renderer.render(a.value()), comment(a.location())));
      } else if (t.kind() != SignalKind.REGISTER) {
        blocks.add(null);
        groupSlot.put("comb:" + groups.size(), blocks.size() - 1);
        groups.put("comb:" + groups.size(), List.of(t));
      } else {
        String key = groupKey(t, e.getValue());
        if (!groups.containsKey(key)) {
          blocks.add(null);
          groupSlot.put(key, blocks.size() - 1);
          groups.put(key, new ArrayList<>());
        }
        groups.get(key).add(t);
      }
    }
    // registers that are never assigned but have a reset value: constant after reset
    List<Signal> constant = new ArrayList<>();
    for (Signal s : body.signals()) {
      if (s.kind() == SignalKind.REGISTER
          && s.reset() != null
          && !topLevelTouching.containsKey(s)
          && isRead(s)) {
        procedural.add(s);
        constant.add(s);
      }
    }
    if (!constant.isEmpty()) {
      blocks.add(null);
      groupSlot.put("constant", blocks.size() - 1);
      groups.put("constant", constant);
    }
    for (Map.Entry<String, List<Signal>> g : groups.entrySet()) { // render in source order
      blocks.set(groupSlot.get(g.getKey()), block(g.getValue()));
    }
  }

  /**
   * Registers share a block when their reset kind and enables agree: per touching top-level
   * statement, "every cycle" for a plain assignment, the condition for a one-arm {@code when} (an
   * enable), else the statement itself.
   */
  private String groupKey(Signal register, List<Statement> touching) {
    StringBuilder key = new StringBuilder(register.reset() != null ? "reset" : "noreset");
    for (Statement s : touching) {
      Switch enable = s.accept(AS_ENABLE);
      if (s.accept(AS_ASSIGN) != null) {
        key.append(",every");
      } else if (enable != null) {
        Expr condition = enable.branches().get(0).condition();
        key.append(",e").append(enableIds.computeIfAbsent(condition, k -> enableIds.size()));
      } else {
        key.append(",s").append(topLevelIndex.get(s));
      }
    }
    return key.toString();
  }

  /** A one-arm {@code when} without {@code otherwise}, else null. */
  private static final StatementVisitor<Switch> AS_ENABLE =
      new StatementVisitor<>() {
        @Override
        public Switch visitAssign(Assign a) {
          return null;
        }

        @Override
        public Switch visitSwitch(Switch sw) {
          return sw.branches().size() == 1 && sw.otherwise().isEmpty() ? sw : null;
        }
      };

  /**
   * Adjacent one-arm ifs with the same condition become one: with nonblocking assignments an arm
   * cannot change the condition of the next, so {@code if (c) A; if (c) B;} is {@code if (c) A;
   * B;}.
   */
  private static List<StatementView> mergeEnables(List<StatementView> stmts) {
    List<StatementView> out = new ArrayList<>();
    for (StatementView s : stmts) {
      StatementView prev = out.isEmpty() ? null : out.get(out.size() - 1);
      if (prev != null
          && isEnable(prev)
          && isEnable(s)
          && prev.arms().get(0).condition().equals(s.arms().get(0).condition())) {
        StatementView.ArmView a = prev.arms().get(0);
        List<StatementView> body = new ArrayList<>(a.body());
        body.addAll(s.arms().get(0).body());
        out.set(
            out.size() - 1,
            StatementView.chain(
                List.of(new StatementView.ArmView(a.condition(), a.comment(), body)), List.of()));
      } else {
        out.add(s);
      }
    }
    return out;
  }

  private static boolean isEnable(StatementView s) {
    return !s.isAssign() && s.arms().size() == 1 && !s.hasOtherwise();
  }

  private BlockView block(List<Signal> group) {
    boolean seq = group.get(0).kind() == SignalKind.REGISTER;
    String op = seq ? "<=" : "=";
    Set<Signal> members = Collections.newSetFromMap(new IdentityHashMap<>());
    members.addAll(group);
    Set<Statement> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<Statement> touching = new ArrayList<>();
    for (Signal t : group) {
      for (Statement s : topLevelTouching.getOrDefault(t, List.of())) {
        if (seen.add(s)) {
          touching.add(s);
        }
      }
    }
    touching.sort(java.util.Comparator.comparing(topLevelIndex::get));
    List<StatementView> reset = new ArrayList<>();
    if (seq) {
      for (Signal t : group) {
        if (t.reset() != null) {
          reset.add(StatementView.assign(names.lookup(t), op, resetLiteral(t), ""));
        }
      }
    }
    List<StatementView> stmts = new ArrayList<>();
    for (Statement s : touching) {
      project(s, members, op, stmts);
    }
    return new BlockView(names.lookup(group.get(0)), seq, reset, seq ? mergeEnables(stmts) : stmts);
  }

  private static String resetLiteral(Signal s) {
    java.math.BigInteger mask =
        java.math.BigInteger.ONE.shiftLeft(s.width()).subtract(java.math.BigInteger.ONE);
    return ExpressionRenderer.literal(s.width(), s.reset().and(mask));
  }

  /**
   * Appends {@code s} restricted to the assignments of {@code members}; nothing when it has none.
   */
  private void project(Statement s, Set<Signal> members, String op, List<StatementView> out) {
    s.accept(
        new StatementVisitor<Void>() {
          @Override
          public Void visitAssign(Assign a) {
            if (members.contains(a.target())) {
              out.add(
                  StatementView.assign(
                      names.lookup(a.target()),
                      op,
                      renderer.render(a.value()),
                      comment(a.location())));
            }
            return null;
          }

          @Override
          public Void visitSwitch(Switch sw) {
            if (!Collections.disjoint(targets(sw), members)) {
              projectSwitch(sw, members, op, out);
            }
            return null;
          }
        });
  }

  /**
   * An if/else-if/else chain without empty arms: an arm with nothing to assign for these members is
   * dropped, and its negated condition guards every later arm (and turns the else into a guarded
   * arm), which keeps the priority semantics.
   */
  private void projectSwitch(Switch sw, Set<Signal> members, String op, List<StatementView> out) {
    List<StatementView.ArmView> arms = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Switch.Branch b : sw.branches()) {
      List<StatementView> armBody = new ArrayList<>();
      for (Statement c : b.body()) {
        project(c, members, op, armBody);
      }
      String condition = Conditions.bare(renderer.render(b.condition()));
      if (armBody.isEmpty()) {
        skipped.add(Conditions.not(condition));
      } else {
        arms.add(
            new StatementView.ArmView(
                Conditions.and(skipped, condition), comment(b.location()), armBody));
      }
    }
    List<StatementView> other = new ArrayList<>();
    for (Statement c : sw.otherwise()) {
      project(c, members, op, other);
    }
    if (!other.isEmpty() && !skipped.isEmpty()) {
      arms.add(
          new StatementView.ArmView(
              Conditions.and(
                  skipped.subList(0, skipped.size() - 1), skipped.get(skipped.size() - 1)),
              "",
              other));
      other = List.of();
    }
    if (arms.isEmpty()) {
      out.addAll(other);
    } else {
      out.add(StatementView.chain(arms, other));
    }
  }

  private String comment(SourceLocation loc) {
    if (!options.sourceComments() || SourceLocation.UNKNOWN.equals(loc)) {
      return "";
    }
    // locations are shared per source line: an array of cells repeats a few comments many times
    return comments.computeIfAbsent(loc, l -> " // " + l);
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
      ports.add(
          new PortView(
              out ? "output" : "input",
              net,
              ExpressionRenderer.range(p.width()),
              names.lookup(p),
              !out && partlyUnused(p)));
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
      out.add(
          new DeclarationView(
              net,
              ExpressionRenderer.range(s.width()),
              names.lookup(s),
              partlyUnused(s),
              comment(s.location())));
    }
    for (Instance i : body.instances()) {
      for (Signal p : i.ports()) {
        String net = procedural.contains(p) ? "reg" : "wire";
        out.add(
            new DeclarationView(
                net,
                ExpressionRenderer.range(p.width()),
                names.lookup(p),
                p.kind() == SignalKind.OUTPUT && partlyUnused(p),
                ""));
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
      List<Signal> childPorts = i.ports();
      List<Signal> defPorts = child.body().ports();
      for (int k = 0; k < childPorts.size(); k++) {
        conns.add(
            new InstanceView.Connection(
                portName(defPorts.get(k)), names.lookup(childPorts.get(k))));
      }
      out.add(new InstanceView(child.name(), names.lookup(i), comment(i.location()), conns));
    }
    return out;
  }

  /** A port's name inside its own module: its own name, keyword-escaped. */
  static String portName(Signal port) {
    return io.hardformer.dsl.check.VerilogKeywords.isKeyword(port.name())
        ? io.hardformer.dsl.check.VerilogKeywords.escape(port.name())
        : port.name();
  }

  private List<String> header() {
    List<String> h = new ArrayList<>();
    StringBuilder gen =
        new StringBuilder("Generated by Hardformer from generator '")
            .append(options.generator())
            .append('\'');
    if (!options.parameters().isEmpty()) {
      gen.append(" with ");
      int k = 0;
      for (Map.Entry<String, String> p : options.parameters().entrySet()) {
        gen.append(k++ > 0 ? ", " : "").append(p.getKey()).append('=').append(p.getValue());
      }
    }
    h.add(gen.append(". Do not edit.").toString());
    StringBuilder mod =
        new StringBuilder("Module ").append(def.name()).append(": ").append(body.kindName());
    if (!body.parameters().isEmpty()) {
      mod.append(body.parameters().toString().replace('{', '(').replace('}', ')'));
    }
    mod.append(", ")
        .append(def.instanceCount())
        .append(def.instanceCount() == 1 ? " instance" : " instances")
        .append(" in this design");
    h.add(mod.toString());
    if (body.timing() != null) {
      h.add(
          "Timing: latency "
              + body.timing().latency()
              + " cycles, initiation interval "
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
