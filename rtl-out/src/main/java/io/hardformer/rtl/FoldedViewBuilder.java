package io.hardformer.rtl;

import static java.util.stream.Collectors.joining;

import io.hardformer.dsl.elaborate.Design;
import io.hardformer.dsl.elaborate.ModuleDef;
import io.hardformer.dsl.ir.Assign;
import io.hardformer.dsl.ir.ConcatExpr;
import io.hardformer.dsl.ir.Expr;
import io.hardformer.dsl.ir.Instance;
import io.hardformer.dsl.ir.Literal;
import io.hardformer.dsl.ir.ModuleBody;
import io.hardformer.dsl.ir.Signal;
import io.hardformer.dsl.ir.SignalKind;
import io.hardformer.dsl.ir.SignalRef;
import io.hardformer.dsl.ir.SliceExpr;
import io.hardformer.dsl.ir.Statement;
import io.hardformer.dsl.ir.Switch;
import io.hardformer.rtl.view.AssignView;
import io.hardformer.rtl.view.DeclarationView;
import io.hardformer.rtl.view.FoldedModuleView;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a folded simulation view ({@link VerilogEmitter#foldedView}): the whole design flattened
 * into one module, with the instances of one repeated clocked definition (the <em>folded</em>
 * definition: an array's cell) turned into arrays of their registers and one loop that steps them
 * all, so that Verilator writes the cell's C++ once instead of once per instance.
 *
 * <p>Semantics. Verilator orders the logic of a clocked block freely around variables that the
 * block assigns with blocking assignments, so everything that reads a register is inside one {@code
 * always @(posedge clk)} block, in program order: every combinational signal in dependency order,
 * then every other register's next value into {@code *_nx}, then the loop, then the commits. The
 * loop steps the instances downwards and updates their register arrays in place when every
 * neighbour it reads has a lower index (read before its own update, as in a systolic array);
 * otherwise it writes next-value arrays, committed by a second loop. Wiring (instance ports, slices
 * of concatenations) is not copied: a read of a wire that is only another signal, or a folded
 * instance's output, reads that signal or array element. The top's outputs follow its inputs
 * between clock edges through a copy of their combinational cone in an {@code always @*} block.
 *
 * <p>A folded instance's input port is read in the loop from a neighbour's output through a
 * constant table ({@code *_src}) when its driver resolves, through wires, slices and
 * concatenations, to the whole of one output port of another folded instance; otherwise from a
 * boundary array filled before the loop. Folding needs: every output of the definition a function
 * of its registers alone (a Moore machine, so no instance reads another's combinational logic),
 * only combinational children, and every instance input driven by one plain assignment.
 *
 * <p>Two threads. From {@code splitFrom} instances the loop is split in two halves over two clocked
 * blocks that share no variable either assigns with blocking assignments, so Verilator ({@code
 * --threads 2}) may run them at once: the first block is everything else and the lower half, the
 * second ({@code step_h}) the upper half on arrays of its own ({@code *_h}). What one block needs
 * of the other's registers goes through non-blocking copies written after the update, which hold in
 * each cycle what the register holds: the upper half's boundary values ({@code *_bnd_h}, from the
 * lower half's registers and the design's other registers) and the upper cells' outputs that the
 * rest of the design reads ({@code *_sh}). When a value the upper half needs is not a register (a
 * top input, combinational logic) or the registers do not update in place, the view keeps one
 * block. Instance indices stay as they are, so one set of neighbour tables serves both.
 */
final class FoldedViewBuilder {
  private final Design design;
  private final ModuleBody folded;
  private final Set<String> used = new HashSet<>();
  private final Map<ModuleBody, Map<Signal, Integer>> portIndex = new IdentityHashMap<>();
  private final Map<ModuleBody, Map<Expr, Integer>> useCounts = new IdentityHashMap<>();
  private final List<Ctx> contexts = new ArrayList<>();
  private final List<FoldedInstance> instances = new ArrayList<>();
  private final Map<Instance, Map<Ctx, Integer>> instanceIndex = new IdentityHashMap<>();

  /** Where a flat signal's single plain driver lives, for resolving neighbours. */
  private final Map<String, Driver> drivers = new HashMap<>();

  /** Flat names of the folded instances' output ports: instance index and port index. */
  private final Map<String, int[]> foldedOutputs = new HashMap<>();

  private record Driver(Ctx ctx, Expr value) {}

  private record FoldedInstance(int index, Ctx parent, Instance instance) {}

  /**
   * One instance of a non-folded definition, or the folded definition's loop body (and its kids).
   */
  private static final class Ctx {
    final Ctx parent;
    final Instance instance;
    final ModuleBody body;
    final NameAllocator names;
    ExpressionRenderer renderer;

    Ctx(Ctx parent, Instance instance, ModuleBody body, NameAllocator names) {
      this.parent = parent;
      this.instance = instance;
      this.body = body;
      this.names = names;
    }
  }

  /**
   * The folded definition's name: its instances are found by definition, since instances built
   * separately have bodies of their own that elaboration merged into one definition.
   */
  private final String foldedName;

  /** Instances from which the loop is split over two clocked blocks (0: never). */
  private final int splitFrom;

  private FoldedViewBuilder(Design design, ModuleDef folded, int splitFrom) {
    this.design = design;
    this.splitFrom = splitFrom;
    this.folded = folded.body(); // the representative: every instance's body has its structure
    this.foldedName = folded.name();
  }

  /**
   * The folded view of {@code design}, folding its most repeated foldable definition when it has at
   * least {@code minInstances} instances; empty otherwise.
   */
  static Optional<FoldedText> build(Design design, int minInstances, int splitFrom) {
    ModuleDef best = null;
    for (ModuleDef def : design.modules()) {
      if (!def.name().equals(design.top().name())
          && def.instanceCount() >= minInstances
          && (best == null || def.instanceCount() > best.instanceCount())
          && foldable(def.body())) {
        best = def;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    try {
      try {
        return new FoldedViewBuilder(design, best, splitFrom).render(minInstances);
      } catch (NoSplit e) {
        return new FoldedViewBuilder(design, best, 0).render(minInstances);
      }
    } catch (NameClash e) {
      return Optional.empty(); // a name the view derives is taken by the design: the modules, then
    }
  }

  /** A view's text, and how many clocked blocks Verilator may run on threads of their own. */
  record FoldedText(String text, int blocks) {}

  /** The loop cannot be split (a value the upper half needs is not a register): one block. */
  private static final class NoSplit extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NoSplit() {
      super(null, null, false, false);
    }
  }

  /** Clocked, Moore outputs, combinational children only. */
  private static boolean foldable(ModuleBody body) {
    boolean hasRegister = false;
    Set<Signal> registers = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Signal s : body.signals()) {
      if (s.kind() == SignalKind.REGISTER) {
        hasRegister = true;
        registers.add(s);
      }
    }
    if (!hasRegister) {
      return false;
    }
    for (Instance i : body.instances()) {
      if (i.body().isClocked()) {
        return false;
      }
    }
    Map<Signal, Expr> outputs = new IdentityHashMap<>();
    for (Statement st : body.statements()) {
      if (st instanceof Assign a && a.target().kind() == SignalKind.OUTPUT) {
        outputs.put(a.target(), a.value());
      }
    }
    for (Signal p : body.ports()) {
      if (p.kind() == SignalKind.OUTPUT) {
        Expr v = outputs.get(p);
        if (v == null || !readsOnly(v, registers)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean readsOnly(Expr e, Set<Signal> registers) {
    if (e instanceof SignalRef r) {
      return registers.contains(r.signal());
    }
    for (Expr o : e.operands()) {
      if (!readsOnly(o, registers)) {
        return false;
      }
    }
    return true;
  }

  // ---- the instance tree
  // -------------------------------------------------------------------------

  private Ctx context(Ctx parent, Instance instance, ModuleBody body, String prefix) {
    Ctx c = new Ctx(parent, instance, body, new NameAllocator(used, prefix));
    allocateNames(c.names, body, parent == null);
    return c; // its renderers come with its declarations (declare)
  }

  /**
   * Names as the emitter gives them: declared names first, then {@code .named} wires, then instance
   * ports as {@code inst_port}; a body's own ports only when it is a root (a child's ports are its
   * parent's instance ports).
   */
  private static void allocateNames(NameAllocator names, ModuleBody body, boolean root) {
    for (Signal s : body.allSignals()) {
      if (!s.renamable() && (root || !s.kind().isPort())) {
        names.name(s, s.kind().isPort() ? ModuleViewBuilder.portName(s) : s.name());
      }
    }
    for (Signal s : body.signals()) {
      if (s.renamable()) {
        names.name(s, s.name());
      }
    }
    for (Instance i : body.instances()) {
      for (Signal p : i.ports()) {
        names.name(p, i.name() + "_" + p.name());
      }
    }
  }

  private void walk(Ctx c) {
    contexts.add(c);
    for (Instance i : c.body.instances()) {
      if (design.defOf(i.body()).name().equals(foldedName)) {
        int k = instances.size();
        instances.add(new FoldedInstance(k, c, i));
        instanceIndex.computeIfAbsent(i, x -> new IdentityHashMap<>()).put(c, k);
      } else {
        walk(context(c, i, i.body(), prefixOf(c) + i.name() + "__"));
      }
    }
  }

  private String prefixOf(Ctx c) {
    StringBuilder b = new StringBuilder();
    for (Ctx x = c; x.parent != null; x = x.parent) {
      b.insert(0, x.instance.name() + "__");
    }
    return b.toString();
  }

  /** The name of {@code s} seen from {@code c}: a child's port is its parent's instance port. */
  private String flat(Ctx c, Signal s) {
    while (c.parent != null) {
      Integer k = ports(c.body).get(s);
      if (k == null) {
        break;
      }
      s = c.instance.ports().get(k);
      c = c.parent;
    }
    String n = c.names.lookup(s);
    if (n == null) {
      throw new IllegalStateException("no name for " + s + " in the folded view");
    }
    return n;
  }

  private Map<Signal, Integer> ports(ModuleBody body) {
    return portIndex.computeIfAbsent(
        body,
        b -> {
          Map<Signal, Integer> m = new IdentityHashMap<>();
          for (int k = 0; k < b.ports().size(); k++) {
            m.put(b.ports().get(k), k);
          }
          return m;
        });
  }

  private Map<Expr, Integer> uses(ModuleBody body) {
    return useCounts.computeIfAbsent(
        body,
        b -> {
          Map<Expr, Integer> counts = new IdentityHashMap<>();
          Set<Expr> seen = Collections.newSetFromMap(new IdentityHashMap<>());
          ArrayDeque<Expr> work = new ArrayDeque<>();
          forEachRoot(
              b.statements(),
              r -> {
                counts.merge(r, 1, Integer::sum);
                work.push(r);
              });
          while (!work.isEmpty()) {
            Expr e = work.pop();
            if (seen.add(e)) {
              for (Expr o : e.operands()) {
                counts.merge(o, 1, Integer::sum);
                work.push(o);
              }
            }
          }
          return counts;
        });
  }

  private static void forEachRoot(List<Statement> statements, java.util.function.Consumer<Expr> f) {
    for (Statement s : statements) {
      if (s instanceof Assign a) {
        f.accept(a.value());
      } else if (s instanceof Switch sw) {
        for (Switch.Branch br : sw.branches()) {
          f.accept(br.condition());
          forEachRoot(br.body(), f);
        }
        forEachRoot(sw.otherwise(), f);
      }
    }
  }

  // ---- rendering
  // ---------------------------------------------------------------------------------

  private final List<String[]> declarations = new ArrayList<>(); // {range, name}
  private final Set<String> outputPorts = new HashSet<>();
  private final Set<String> state = new HashSet<>(); // registers and the top's inputs
  private final Set<String> clocked = new HashSet<>(); // the registers outside the loop
  private final List<String> combinational = new ArrayList<>(); // in the block, before the loop
  private final List<String> sequential = new ArrayList<>();
  private final List<String> resets = new ArrayList<>();
  private final List<String> commits = new ArrayList<>();
  private final List<String> outputLogic = new ArrayList<>(); // always @*, the outputs' cone
  private final Map<Ctx, ExpressionRenderer> outputRenderers = new IdentityHashMap<>();

  /** A name the view derives ({@code *_nx}, {@code o__*}, ...) is one of the design's. */
  private static final class NameClash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NameClash(String name) {
      super(name, null, false, false);
    }
  }

  /** Claims a derived name for the view; a design signal of that name makes the view give up. */
  private String claim(String name) {
    if (!used.add(name)) {
      throw new NameClash(name);
    }
    return name;
  }

  private Optional<FoldedText> render(int minInstances) {
    for (String fixed : List.of("clk", "rst", "j", "step", "step_h")) {
      claim(fixed); // the ports the view adds, its loop index and its block's name
    }
    Ctx root = context(null, null, design.top().body(), "");
    walk(root);
    if (instances.size() < Math.max(1, minInstances)) {
      return Optional.empty();
    }
    for (Ctx c : contexts) {
      indexDrivers(c);
    }
    for (FoldedInstance fi : instances) {
      for (int q = 0; q < folded.ports().size(); q++) {
        if (folded.ports().get(q).kind() == SignalKind.OUTPUT) {
          foldedOutputs.put(
              flat(fi.parent(), fi.instance().ports().get(q)), new int[] {fi.index(), q});
        }
      }
    }
    for (Signal p : root.body.ports()) {
      (p.kind() == SignalKind.OUTPUT ? outputPorts : state).add(flat(root, p));
    }
    for (Ctx c : contexts) {
      declare(c);
    }
    Loop loop = new Loop();
    if (!loop.build()) {
      return Optional.empty();
    }
    logic();
    loop.upperBlock(List.of(combinational, sequential, resets, commits, outputLogic, loop.gather));
    return Optional.of(new FoldedText(layout(root, loop), loop.m > 0 ? 2 : 1));
  }

  private void indexDrivers(Ctx c) {
    Map<String, Integer> count = new HashMap<>();
    for (Statement s : c.body.statements()) {
      for (Signal t : targets(s)) {
        count.merge(flat(c, t), 1, Integer::sum);
      }
    }
    for (Statement s : c.body.statements()) {
      if (s instanceof Assign a && a.target().kind() != SignalKind.REGISTER) {
        String n = flat(c, a.target());
        if (count.get(n) == 1) {
          drivers.put(n, new Driver(c, a.value()));
        }
      }
    }
  }

  /** A flat name in the clocked block: the top's outputs get a copy of their own there. */
  private String blockOf(String n) {
    return outputPorts.contains(n) ? n + "_b" : n;
  }

  /** A flat name in the outputs' {@code always @*} block: a copy, but for state and ports. */
  private String outputOf(String n) {
    return state.contains(n) || outputPorts.contains(n) ? n : "o__" + n;
  }

  /** A signal read in the clocked block: what it aliases, if it is only wiring. */
  private String blockName(Ctx c, Signal s) {
    String n = flat(c, s);
    Alias a = alias(n);
    return a == null ? blockOf(n) : a.array() != null ? a.array() : blockOf(a.signal());
  }

  /** A signal read in the outputs' block: what it aliases, if it is only wiring. */
  private String outputName(Ctx c, Signal s) {
    String n = flat(c, s);
    Alias a = alias(n);
    return a == null ? outputOf(n) : a.array() != null ? a.array() : outputOf(a.signal());
  }

  /**
   * What a flat name stands for when it is only wiring (instance ports, slices of concatenations):
   * one whole signal, or one folded instance's output read from its arrays.
   */
  private record Alias(String signal, String array, int[] folded) {}

  private final Map<String, Optional<Alias>> aliases = new HashMap<>();

  /** The folded instances' output ports the design reads: their values from the arrays. */
  private final Map<String, String> foldedValues = new HashMap<>();

  private Alias alias(String n) {
    Optional<Alias> known = aliases.get(n);
    if (known != null) {
      return known.orElse(null);
    }
    aliases.put(n, Optional.empty()); // a guard; wiring has no loops
    Alias a = null;
    String v = foldedValues.get(n);
    if (v != null) {
      a = new Alias(null, v, foldedOutputs.get(n)); // {instance, output port}
    } else if (!outputPorts.contains(n)) {
      Driver d = drivers.get(n);
      if (d != null) {
        a = whole(d.ctx(), d.value(), d.value().width() - 1, 0, 0);
      }
    }
    aliases.put(n, Optional.ofNullable(a));
    return a;
  }

  /** The one whole signal (or folded output) that bits [hi:lo] of {@code e} are, or null. */
  private Alias whole(Ctx c, Expr e, int hi, int lo, int depth) {
    if (depth > 64) {
      return null;
    }
    if (e instanceof SignalRef r) {
      String m = flat(c, r.signal());
      if (lo == 0 && hi == r.width() - 1) {
        Alias a = alias(m);
        return a != null ? a : new Alias(m, null, null);
      }
      Driver d = drivers.get(m);
      return d == null || foldedValues.containsKey(m) || outputPorts.contains(m)
          ? null
          : whole(d.ctx(), d.value(), hi, lo, depth + 1);
    }
    if (e instanceof SliceExpr sl) {
      return whole(c, sl.operand(), sl.lo() + hi, sl.lo() + lo, depth + 1);
    }
    if (e instanceof ConcatExpr cat) {
      int top = cat.width();
      for (Expr part : cat.parts()) { // most significant first
        int partLo = top - part.width();
        if (lo >= partLo && hi < top) {
          return whole(c, part, hi - partLo, lo - partLo, depth + 1);
        }
        top = partLo;
      }
    }
    return null;
  }

  /** A statement that only drives an alias: dropped, its readers read the aliased value. */
  private boolean onlyWiring(Ctx c, Statement s) {
    return s instanceof Assign a
        && a.target().kind() != SignalKind.REGISTER
        && alias(flat(c, a.target())) != null;
  }

  private void declare(Ctx c) {
    for (Signal s : c.body.signals()) {
      String n = flat(c, s);
      declarations.add(new String[] {ExpressionRenderer.range(s.width()), n});
      if (s.kind() == SignalKind.REGISTER) {
        // its next value, computed before any register of the block changes, then committed
        state.add(n);
        clocked.add(n);
        declarations.add(new String[] {ExpressionRenderer.range(s.width()), claim(n + "_nx")});
        if (!assignedEveryCycle(c.body, s)) {
          sequential.add("    " + n + "_nx = " + n + ";");
        }
        commits.add("    " + n + " = " + n + "_nx;");
        if (s.reset() != null) {
          resets.add("      " + n + "_nx = " + resetLiteral(s) + ";");
        }
      }
    }
    for (Instance i : c.body.instances()) { // a child's ports are these
      for (Signal p : i.ports()) {
        declarations.add(new String[] {ExpressionRenderer.range(p.width()), flat(c, p)});
      }
    }
    if (c.parent == null) {
      for (Signal p : c.body.ports()) {
        if (p.kind() == SignalKind.OUTPUT) {
          declarations.add(
              new String[] {ExpressionRenderer.range(p.width()), claim(flat(c, p) + "_b")});
        }
      }
    }
    c.renderer =
        new ExpressionRenderer(c.names, r -> blockName(c, r.signal()), uses(c.body), l -> "");
    NameAllocator copies = new NameAllocator(used, "o__" + prefixOf(c));
    outputRenderers.put(
        c, new ExpressionRenderer(copies, r -> outputName(c, r.signal()), uses(c.body), l -> ""));
  }

  /** Whether {@code r} is assigned by one plain top-level statement and nothing else. */
  private boolean assignedEveryCycle(ModuleBody body, Signal r) {
    int touching = 0;
    boolean plain = false;
    for (Statement st : body.statements()) {
      if (targets(st).contains(r)) {
        touching++;
        plain = st instanceof Assign;
      }
    }
    return touching == 1 && plain;
  }

  /**
   * The design's logic outside the loop: in the clocked block every combinational signal in
   * dependency order (read by the registers' next values and the loop's boundary arrays), then the
   * registers' next values; in an {@code always @*} block a copy of the cone of logic behind the
   * top's outputs, so that an output follows an input between clock edges.
   */
  private void logic() {
    List<Node> comb = new ArrayList<>();
    List<Node> regs = new ArrayList<>();
    for (Ctx c : contexts) {
      for (Statement s : c.body.statements()) {
        if (onlyWiring(c, s)) {
          continue;
        }
        boolean anyComb = false;
        for (Signal t : targets(s)) {
          anyComb |= t.kind() != SignalKind.REGISTER;
        }
        (anyComb ? comb : regs).add(new Node(comb.size() + regs.size(), c, s));
      }
    }
    List<Node> order = order(comb);
    for (Node x : order) {
      emit(x, x.ctx().renderer, t -> true, "    ", combinational);
    }
    for (Node x : regs) {
      emit(x, x.ctx().renderer, t -> true, "    ", sequential);
    }
    // the outputs' cone
    Map<String, List<Node>> writers = new HashMap<>();
    for (Node x : order) {
      for (Signal t : targets(x.statement())) {
        if (t.kind() != SignalKind.REGISTER) {
          writers.computeIfAbsent(flat(x.ctx(), t), k -> new ArrayList<>()).add(x);
        }
      }
    }
    Set<Node> cone = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<String> coneReads = new HashSet<>();
    ArrayDeque<String> work = new ArrayDeque<>(outputPorts);
    Set<String> seen = new HashSet<>(outputPorts);
    while (!work.isEmpty()) {
      String n = work.pop();
      coneReads.add(n);
      for (Node x : writers.getOrDefault(n, List.of())) {
        if (cone.add(x)) {
          Set<String> r = new HashSet<>();
          reads(x.ctx(), x.statement(), r);
          for (String m : r) {
            if (seen.add(m)) {
              work.push(m);
            }
          }
        }
      }
    }
    Set<String> copies = new HashSet<>();
    for (Node x : order) {
      if (cone.contains(x)) {
        for (Signal t : targets(x.statement())) {
          String n = outputOf(flat(x.ctx(), t));
          if (t.kind() != SignalKind.REGISTER && !outputPorts.contains(n) && copies.add(n)) {
            declarations.add(new String[] {ExpressionRenderer.range(t.width()), claim(n)});
          }
        }
        emit(
            x,
            outputRenderers.get(x.ctx()),
            t -> t.kind() != SignalKind.REGISTER,
            "    ",
            outputLogic);
      }
    }
  }

  private final Map<ExpressionRenderer, Integer> hoisted = new IdentityHashMap<>();

  /** One statement, after the temporaries its expressions made (declared, set just before). */
  private void emit(
      Node x, ExpressionRenderer r, Predicate<Signal> include, String indent, List<String> out) {
    boolean copy = r != x.ctx().renderer;
    List<String> lines = new ArrayList<>();
    statement(
        r,
        x.statement(),
        include,
        t ->
            copy
                ? outputOf(flat(x.ctx(), t))
                : t.kind() == SignalKind.REGISTER
                    ? flat(x.ctx(), t) + "_nx"
                    : blockOf(flat(x.ctx(), t)),
        "=",
        indent,
        lines);
    hoist(r, (range, name) -> declarations.add(new String[] {range, name}), indent, out);
    out.addAll(lines);
  }

  /**
   * The temporaries {@code r} made since the last call: each declared through {@code declare}
   * (range, name) and set in {@code out} before the statement that needs it.
   */
  private void hoist(
      ExpressionRenderer r, BiConsumer<String, String> declare, String indent, List<String> out) {
    int from = hoisted.getOrDefault(r, 0);
    List<AssignView> all = r.tempAssigns();
    List<DeclarationView> decls = r.tempDeclarations();
    for (int k = from; k < all.size(); k++) {
      declare.accept(decls.get(k).range(), decls.get(k).name());
      out.add(indent + all.get(k).lhs() + " = " + all.get(k).rhs() + ";");
    }
    hoisted.put(r, all.size());
  }

  static String resetLiteral(Signal s) {
    BigInteger mask = BigInteger.ONE.shiftLeft(s.width()).subtract(BigInteger.ONE);
    return ExpressionRenderer.literal(s.width(), s.reset().and(mask));
  }

  /**
   * Renders {@code s} restricted to the targets {@code include} accepts (empty arms stay legal).
   */
  private void statement(
      ExpressionRenderer r,
      Statement s,
      Predicate<Signal> include,
      Function<Signal, String> target,
      String op,
      String indent,
      List<String> out) {
    if (s instanceof Assign a) {
      if (include.test(a.target())) {
        out.add(indent + target.apply(a.target()) + " " + op + " " + r.render(a.value()) + ";");
      }
      return;
    }
    Switch sw = (Switch) s;
    List<String> inner = new ArrayList<>();
    boolean any = false;
    for (int k = 0; k < sw.branches().size(); k++) {
      Switch.Branch br = sw.branches().get(k);
      String cond = Conditions.bare(r.render(br.condition()));
      inner.add(indent + (k == 0 ? "if (" : "end else if (") + cond + ") begin");
      int before = inner.size();
      for (Statement x : br.body()) {
        statement(r, x, include, target, op, indent + "  ", inner);
      }
      any |= inner.size() > before;
    }
    if (!sw.otherwise().isEmpty()) {
      inner.add(indent + "end else begin");
      int before = inner.size();
      for (Statement x : sw.otherwise()) {
        statement(r, x, include, target, op, indent + "  ", inner);
      }
      any |= inner.size() > before;
    }
    inner.add(indent + "end");
    if (any) {
      out.addAll(inner);
    }
  }

  private final Map<Statement, Set<Signal>> targetCache = new IdentityHashMap<>();

  private Set<Signal> targets(Statement s) {
    if (s instanceof Assign a) {
      return Set.of(a.target());
    }
    return targetCache.computeIfAbsent(
        s,
        x -> {
          Set<Signal> out = new LinkedHashSet<>();
          Switch sw = (Switch) x;
          for (Switch.Branch b : sw.branches()) {
            for (Statement c : b.body()) {
              out.addAll(targets(c));
            }
          }
          for (Statement c : sw.otherwise()) {
            out.addAll(targets(c));
          }
          return out;
        });
  }

  // ---- the loop
  // ----------------------------------------------------------------------------------

  /** The loop over the folded instances. */
  private final class Loop {
    final int n = instances.size();
    final Ctx body = new Ctx(null, null, folded, new NameAllocator(used, folded.kindName() + "__"));
    final List<Ctx> parts = new ArrayList<>();
    final Set<Signal> registers = new LinkedHashSet<>(); // Signal keeps identity equality
    final List<String> locals = new ArrayList<>();
    final List<String> clear = new ArrayList<>();
    final List<String> tables = new ArrayList<>();
    final List<String> tableInit = new ArrayList<>();
    final List<String> gather = new ArrayList<>();
    final List<String> step = new ArrayList<>();
    final List<String> commit = new ArrayList<>();
    boolean inPlace = true;
    final List<String> arrays = new ArrayList<>();

    /**
     * Where the instances split over two clocked blocks, or 0 for one block. The lower block
     * (everything else, then instances below {@code m}) and the upper one (instances {@code m} and
     * up, arrays {@code *_h}) share no variable they assign with blocking assignments, so Verilator
     * may run them on two threads: the upper block reads its boundary values from arrays the lower
     * block writes with non-blocking assignments after its update, and the rest of the design reads
     * the upper instances' outputs from shadow arrays ({@code *_sh}) the upper block writes so.
     * Each holds in a cycle what the register it mirrors holds.
     */
    final int m = splitFrom > 0 && n >= Math.max(2, splitFrom) ? n / 2 : 0;

    /** The upper block's boundary values, from the lower block's non-blocking assignments. */
    final List<String> handover = new ArrayList<>();

    /** Array names the upper block has copies of, and their copies' names. */
    final Map<String, String> upper = new LinkedHashMap<>();

    /** The upper block, whole. */
    final List<String> second = new ArrayList<>();

    boolean build() {
      for (Signal s : folded.signals()) {
        if (s.kind() == SignalKind.REGISTER) {
          registers.add(s);
        }
      }
      name(body, folded, true);
      partsOf(body);
      Map<Signal, Expr> outputValue = new IdentityHashMap<>();
      for (Statement st : folded.statements()) {
        if (st instanceof Assign a && a.target().kind() == SignalKind.OUTPUT) {
          outputValue.put(a.target(), a.value());
        }
      }
      if (m > 0) {
        for (Signal r : registers) {
          String a = body.names.lookup(r);
          upper.put(a, claim(a + "_h"));
          claim(a + "_sh");
        }
      }
      for (FoldedInstance fi : instances) {
        ExpressionRenderer at =
            m > 0 && fi.index() >= m
                ? indexed(String.valueOf(fi.index()), "_sh")
                : indexed(String.valueOf(fi.index()));
        for (int q = 0; q < folded.ports().size(); q++) {
          Signal p = folded.ports().get(q);
          if (p.kind() == SignalKind.OUTPUT) {
            String n = flat(fi.parent(), fi.instance().ports().get(q));
            foldedValues.put(n, at.render(outputValue.get(p)));
          }
        }
        if (!at.tempAssigns().isEmpty()) {
          return false; // an output that needs temporaries: not folded (none of ours does)
        }
      }
      // inputs: neighbour tables or boundary arrays
      for (int q = 0; q < folded.ports().size(); q++) {
        Signal p = folded.ports().get(q);
        if (p.kind() != SignalKind.INPUT) {
          continue;
        }
        if (!input(q, p, outputValue)) {
          return false;
        }
      }
      // the registers: updated in place when every neighbour has a lower index (the loop runs
      // down, so a neighbour is read before its update), else through next-value arrays
      Map<Signal, String> next = new IdentityHashMap<>();
      for (Signal r : registers) {
        String a = body.names.lookup(r);
        String range = ExpressionRenderer.range(r.width());
        if (m > 0) {
          if (!inPlace) {
            throw new NoSplit(); // the halves would read each other's next values
          }
          arrays.add("reg " + range + upper.get(a) + " [" + m + ":" + (n - 1) + "];");
        }
        // with two blocks, entries m and up unused: the loop's indices are as wide as for n
        arrays.add("reg " + range + a + " [0:" + (n - 1) + "];");
        if (inPlace) {
          local(range, claim(a + "_next"));
          next.put(r, a + "_next");
        } else {
          arrays.add("reg " + range + claim(a + "_nx") + " [0:" + (n - 1) + "];");
          commit.add("      " + a + "[j] = " + a + "_nx[j];");
          next.put(r, a + "_nx[j]");
        }
      }
      // the body: combinational statements in dependency order, then the registers' next values
      List<Node> nodes = new ArrayList<>();
      for (Ctx c : parts) {
        for (Statement s : c.body.statements()) {
          nodes.add(new Node(nodes.size(), c, s));
        }
      }
      List<Node> order = order(nodes);
      for (Signal r : registers) {
        String a = body.names.lookup(r);
        step.add("      " + next.get(r) + " = " + a + "[j];");
      }
      for (Node node : order) {
        List<String> lines = new ArrayList<>();
        statement(
            node.ctx.renderer,
            node.statement,
            t -> true,
            t -> registers.contains(t) && node.ctx == body ? next.get(t) : flat(node.ctx, t),
            "=",
            "      ",
            lines);
        hoistTemps(node.ctx.renderer);
        step.addAll(lines);
      }
      List<String> resetLines = new ArrayList<>();
      for (Signal r : registers) {
        if (r.reset() != null) {
          resetLines.add("        " + next.get(r) + " = " + resetLiteral(r) + ";");
        }
      }
      if (!resetLines.isEmpty()) {
        step.add("      if (rst) begin");
        step.addAll(resetLines);
        step.add("      end");
      }
      if (inPlace) {
        for (Signal r : registers) {
          step.add("      " + body.names.lookup(r) + "[j] = " + next.get(r) + ";");
        }
      }
      return true;
    }

    /**
     * A block local of the loop body, declared and cleared before the loop. Verilator keeps a
     * variable in a C++ local only when it is assigned at the top level of its function, before any
     * read; one first set inside the loop stays a member of the model, and every use goes through
     * memory (the 64 x 64 FMA array ran 25 % slower, docs/BENCHMARKS.md "Loop locals").
     */
    private void local(String range, String name) {
      locals.add("reg " + range + name + ";");
      int width =
          range.isEmpty() ? 1 : Integer.parseInt(range.substring(1, range.indexOf(':'))) + 1;
      clear.add("    " + name + " = " + ExpressionRenderer.literal(width, BigInteger.ZERO) + ";");
    }

    /** The loop's header: downwards when the registers update in place. */
    String header() {
      return inPlace
          ? "for (j = " + ((m > 0 ? m : n) - 1) + "; j >= 0; j = j - 1) begin"
          : "for (j = 0; j < " + n + "; j = j + 1) begin";
    }

    /**
     * The upper block ({@link #m}): the loop body over instances {@code m} and up with the upper
     * arrays, then the shadows of the registers that {@code rest} (the rest of the design, as text)
     * reads.
     */
    void upperBlock(List<List<String>> rest) {
      if (m == 0) {
        return;
      }
      Set<String> shadowed = new TreeSet<>();
      Pattern read = Pattern.compile("\\b(\\w+)_sh\\[(\\d+)\\]");
      for (List<String> part : rest) {
        for (String line : part) {
          Matcher x = read.matcher(line);
          while (x.find()) {
            if (upper.containsKey(x.group(1))) {
              shadowed.add(x.group(1) + "_sh[" + x.group(2) + "]");
            }
          }
        }
      }
      Set<String> declared = new HashSet<>();
      List<String> outbox = new ArrayList<>();
      for (Signal r : registers) {
        String a = body.names.lookup(r);
        for (int k = m; k < n; k++) {
          if (shadowed.contains(a + "_sh[" + k + "]")) {
            if (declared.add(a)) {
              arrays.add(
                  "reg "
                      + ExpressionRenderer.range(r.width())
                      + a
                      + "_sh ["
                      + m
                      + ":"
                      + (n - 1)
                      + "];");
            }
            outbox.add("    " + a + "_sh[" + k + "] <= " + upper.get(a) + "[" + k + "];");
          }
        }
      }
      Pattern arrayRead =
          Pattern.compile(
              "\\b(" + upper.keySet().stream().map(Pattern::quote).collect(joining("|")) + ")\\[");
      second.add("  always @(posedge clk) begin : step_h");
      second.add("    integer j;");
      for (String l : locals) {
        second.add("    " + l);
      }
      second.addAll(clear);
      second.add("    for (j = " + (n - 1) + "; j >= " + m + "; j = j - 1) begin");
      for (String line : step) {
        Matcher x = arrayRead.matcher(line);
        StringBuilder b = new StringBuilder();
        while (x.find()) {
          x.appendReplacement(b, Matcher.quoteReplacement(upper.get(x.group(1)) + "["));
        }
        x.appendTail(b);
        second.add(b.toString());
      }
      second.add("    end");
      second.addAll(outbox);
      second.add("  end");
    }

    /** Temporaries of the loop body: block locals, set just before the statement. */
    private void hoistTemps(ExpressionRenderer r) {
      hoist(r, this::local, "      ", step);
    }

    /**
     * What the upper block reads for {@code s}: a register outside the loop or a lower instance's
     * output, read at the end of the lower block (its value in the next cycle); anything else keeps
     * the loop in one block.
     */
    private String afterLower(Ctx c, Signal s) {
      String n = flat(c, s);
      Alias a = alias(n);
      String v = a == null ? n : a.signal();
      if (a != null && a.folded() != null) {
        if (a.folded()[0] >= m) {
          throw new NoSplit(); // an upper instance's output: a cycle late through its shadow
        }
        return a.array();
      }
      if (v == null || !clocked.contains(v)) {
        throw new NoSplit();
      }
      return v;
    }

    /** A renderer of the folded body's expressions with its registers at index {@code idx}. */
    private ExpressionRenderer indexed(String idx) {
      return indexed(idx, "");
    }

    /** As {@link #indexed(String)}, with the arrays' names ending in {@code suffix}. */
    private ExpressionRenderer indexed(String idx, String suffix) {
      NameAllocator names = new NameAllocator(used, folded.kindName() + "__at" + idx + "_");
      return new ExpressionRenderer(
          names,
          r ->
              registers.contains(r.signal())
                  ? body.names.lookup(r.signal()) + suffix + "[" + idx + "]"
                  : flat(body, r.signal()),
          uses(folded),
          l -> "");
    }

    private void name(Ctx c, ModuleBody b, boolean top) {
      allocateNames(c.names, b, top);
      c.renderer =
          new ExpressionRenderer(
              c.names,
              r ->
                  c == body && registers.contains(r.signal())
                      ? body.names.lookup(r.signal()) + "[j]"
                      : flat(c, r.signal()),
              uses(b),
              l -> "");
      for (Signal s : b.allSignals()) {
        if (s.kind() != SignalKind.REGISTER && (top || !s.kind().isPort())) {
          local(ExpressionRenderer.range(s.width()), c.names.lookup(s));
        }
      }
      for (Instance i : b.instances()) {
        for (Signal p : i.ports()) {
          local(ExpressionRenderer.range(p.width()), c.names.lookup(p));
        }
      }
    }

    private void partsOf(Ctx c) {
      parts.add(c);
      for (Instance i : c.body.instances()) {
        Ctx child =
            new Ctx(c, i, i.body(), new NameAllocator(used, prefixWithin(c) + i.name() + "__"));
        name(child, i.body(), false);
        partsOf(child);
      }
    }

    private String prefixWithin(Ctx c) {
      StringBuilder b = new StringBuilder(folded.kindName() + "__");
      List<String> path = new ArrayList<>();
      for (Ctx x = c; x.parent != null; x = x.parent) {
        path.add(0, x.instance.name() + "__");
      }
      path.forEach(b::append);
      return b.toString();
    }

    /** Reads input port {@code q} in the loop: a neighbour table, or a boundary array. */
    private boolean input(int q, Signal p, Map<Signal, Expr> outputValue) {
      String local = body.names.lookup(p);
      int[] src = new int[n];
      int source = -1;
      List<FoldedInstance> boundary = new ArrayList<>();
      Map<FoldedInstance, Integer> fromLower = new IdentityHashMap<>();
      for (FoldedInstance fi : instances) {
        String n0 = flat(fi.parent(), fi.instance().ports().get(q));
        Driver d = drivers.get(n0);
        if (d == null) {
          return false; // driven in a when block or more than once: not folded
        }
        Alias whole = whole(d.ctx(), d.value(), p.width() - 1, 0, 0);
        int[] hit = whole == null ? null : whole.folded();
        if (hit != null && (source == -1 || source == hit[1])) {
          source = hit[1];
          inPlace &= hit[0] < fi.index();
          if (m > 0 && fi.index() >= m && hit[0] < m) {
            // a lower neighbour of an upper instance: handed over as a boundary value
            src[fi.index()] = -1 - boundary.size();
            boundary.add(fi);
            fromLower.put(fi, hit[0]);
          } else {
            src[fi.index()] = hit[0];
          }
        } else {
          src[fi.index()] = -1 - boundary.size();
          boundary.add(fi);
        }
      }
      String range = ExpressionRenderer.range(p.width());
      String bnd = claim(local + "_bnd");
      if (!boundary.isEmpty()) {
        // indexed by the table's own values, n and up (no index arithmetic in the loop); with two
        // blocks the lower instances' slots first, then the upper's in an array of their own
        int base = source == -1 ? 0 : n;
        int lower = 0;
        while (lower < boundary.size() && (m == 0 || boundary.get(lower).index() < m)) {
          lower++;
        }
        arrays.add(
            "reg " + range + bnd + " [" + base + ":" + (base + Math.max(lower, 1) - 1) + "];");
        if (m > 0) {
          String high = claim(bnd + "_h");
          upper.put(bnd, high);
          int top = base + Math.max(boundary.size(), lower + 1) - 1;
          arrays.add("reg " + range + high + " [" + (base + lower) + ":" + top + "];");
        }
        Expr out = source == -1 ? null : outputValue.get(folded.ports().get(source));
        for (int b = 0; b < boundary.size(); b++) {
          FoldedInstance fi = boundary.get(b);
          if (b < lower) {
            gather.add(
                "    "
                    + bnd
                    + "["
                    + (base + b)
                    + "] = "
                    + blockName(fi.parent(), fi.instance().ports().get(q))
                    + ";");
            continue;
          }
          Integer k = fromLower.get(fi);
          String value;
          if (k != null) {
            ExpressionRenderer at = indexed(String.valueOf(k));
            value = at.render(out);
            if (!at.tempAssigns().isEmpty()) {
              throw new NoSplit();
            }
          } else {
            value = afterLower(fi.parent(), fi.instance().ports().get(q));
          }
          handover.add("    " + upper.get(bnd) + "[" + (base + b) + "] <= " + value + ";");
        }
      }
      if (source == -1) {
        step.add("      " + local + " = " + bnd + "[j];");
        return true;
      }
      int bits = bitsFor(n + boundary.size() - 1);
      int inside = bitsFor(n - 1); // a neighbour's index, below n
      String table = claim(local + "_src");
      tables.add("reg [" + (bits - 1) + ":0] " + table + " [0:" + (n - 1) + "];");
      for (int k = 0; k < n; k++) {
        int v = src[k] >= 0 ? src[k] : n + (-1 - src[k]);
        tableInit.add("    " + table + "[" + k + "] = " + bits + "'d" + v + ";");
      }
      ExpressionRenderer at =
          indexed(table + "[j]" + (inside < bits ? "[" + (inside - 1) + ":0]" : ""));
      String neighbour = at.render(outputValue.get(folded.ports().get(source)));
      hoistTemps(at);
      if (boundary.isEmpty()) {
        step.add("      " + local + " = " + neighbour + ";");
      } else {
        step.add(
            "      if ("
                + table
                + "[j] >= "
                + bits
                + "'d"
                + n
                + ") "
                + local
                + " = "
                + bnd
                + "["
                + table
                + "[j]];");
        step.add("      else " + local + " = " + neighbour + ";");
      }
      return true;
    }
  }

  private static int bitsFor(int max) {
    return Math.max(1, 32 - Integer.numberOfLeadingZeros(max));
  }

  private record Node(int index, Ctx ctx, Statement statement) {}

  /** The statements with every combinational signal's writers before its readers, stable. */
  private List<Node> order(List<Node> nodes) {
    Map<String, List<Node>> writers = new HashMap<>();
    for (Node x : nodes) {
      for (Signal t : targets(x.statement())) {
        if (t.kind() != SignalKind.REGISTER) {
          writers.computeIfAbsent(flat(x.ctx(), t), k -> new ArrayList<>()).add(x);
        }
      }
    }
    Map<Node, Set<Node>> after = new IdentityHashMap<>();
    Map<Node, Integer> indegree = new IdentityHashMap<>();
    for (Node x : nodes) {
      indegree.put(x, 0);
      after.put(x, new LinkedHashSet<>());
    }
    for (List<Node> ws : writers.values()) {
      for (int k = 1; k < ws.size(); k++) {
        after.get(ws.get(k - 1)).add(ws.get(k));
      }
    }
    for (Node x : nodes) {
      Set<String> reads = new HashSet<>();
      reads(x.ctx(), x.statement(), reads);
      for (String r : reads) {
        for (Node w : writers.getOrDefault(r, List.of())) {
          if (w.index() != x.index()) {
            after.get(w).add(x);
          }
        }
      }
    }
    for (Set<Node> succ : after.values()) {
      for (Node s : succ) {
        indegree.merge(s, 1, Integer::sum);
      }
    }
    PriorityQueue<Node> ready =
        new PriorityQueue<>((a, b) -> Integer.compare(a.index(), b.index()));
    for (Node x : nodes) {
      if (indegree.get(x) == 0) {
        ready.add(x);
      }
    }
    List<Node> out = new ArrayList<>();
    while (!ready.isEmpty()) {
      Node x = ready.poll();
      out.add(x);
      for (Node s : after.get(x)) {
        if (indegree.merge(s, -1, Integer::sum) == 0) {
          ready.add(s);
        }
      }
    }
    if (out.size() != nodes.size()) {
      throw new IllegalStateException("combinational loop in the folded definition");
    }
    return out;
  }

  private void reads(Ctx c, Statement s, Set<String> out) {
    forEachRoot(
        List.of(s), e -> readsOf(c, e, out, Collections.newSetFromMap(new IdentityHashMap<>())));
  }

  private void readsOf(Ctx c, Expr e, Set<String> out, Set<Expr> seen) {
    if (!seen.add(e)) {
      return;
    }
    if (e instanceof SignalRef r) {
      if (r.signal().kind() != SignalKind.REGISTER) {
        String n = flat(c, r.signal());
        Alias a = alias(n);
        if (a == null) {
          out.add(n);
        } else if (a.signal() != null) {
          out.add(a.signal());
        }
      }
      return;
    }
    if (e instanceof Literal) {
      return;
    }
    for (Expr o : e.operands()) {
      readsOf(c, o, out, seen);
    }
  }

  // ---- layout
  // ------------------------------------------------------------------------------------

  private String layout(Ctx root, Loop loop) {
    FoldedModuleView view =
        new FoldedModuleView(
            design.top().name(),
            folded.kindName(),
            loop.n,
            loop.header(),
            ports(root),
            declarations(),
            loop.arrays,
            loop.tables,
            loop.tableInit,
            combinational,
            outputLogic,
            sequential,
            resets,
            commits,
            loop.gather,
            loop.locals,
            loop.clear,
            loop.step,
            loop.commit,
            loop.handover,
            loop.second);
    return TemplateRenderer.folded(view);
  }

  private List<String> declarations() {
    List<String> out = new ArrayList<>(declarations.size());
    Set<String> once = new HashSet<>();
    for (String[] d : declarations) {
      if (!once.add(d[1])) {
        throw new NameClash(d[1]); // two signals of one name: never merged silently
      }
      out.add("reg " + d[0] + d[1] + ";");
    }
    return out;
  }

  private List<String> ports(Ctx root) {
    List<String> out = new ArrayList<>();
    out.add("input wire clk");
    out.add("input wire rst");
    for (Signal p : design.top().body().ports()) {
      String n = flat(root, p);
      out.add(
          (p.kind() == SignalKind.INPUT ? "input wire " : "output reg ")
              + ExpressionRenderer.range(p.width())
              + n);
    }
    return out;
  }
}
