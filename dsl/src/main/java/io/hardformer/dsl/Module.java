package io.hardformer.dsl;

import io.hardformer.dsl.check.VerilogKeywords;
import io.hardformer.dsl.ir.Assign;
import io.hardformer.dsl.ir.Expr;
import io.hardformer.dsl.ir.Literal;
import io.hardformer.dsl.ir.ModuleBody;
import io.hardformer.dsl.ir.MuxExpr;
import io.hardformer.dsl.ir.Scope;
import io.hardformer.dsl.ir.Signal;
import io.hardformer.dsl.ir.SignalKind;
import io.hardformer.dsl.ir.SignalRef;
import io.hardformer.dsl.ir.SourceLocation;
import io.hardformer.dsl.ir.Statement;
import io.hardformer.dsl.ir.Timing;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A hardware module: a Java class whose construction builds hardware. Ports, wires and registers
 * are declared with explicit names and widths (usually in field initializers), behaviour is
 * described in the constructor, and parameters are ordinary constructor arguments.
 *
 * <pre>{@code
 * final class Mac extends Module {
 *   final UInt a = in("a", 8), b = in("b", 8);
 *   final Bool clear = in("clear");
 *   final UInt acc = out("acc", 24);
 *   Mac() {
 *     UInt sum = reg("sum", 24, 0);
 *     sum.next(mux(clear, a.mul(b).zext(24), sum.add(a.mul(b).zext(24)).trunc(24)));
 *     acc.assign(sum);
 *   }
 * }
 * }</pre>
 *
 * <p>Legal call order, as a grammar: {@code declaration* (statement | when | instance)*}, then the
 * module is either instantiated once by a parent ({@link #instance}) or elaborated as a top; after
 * that it is frozen and further building fails at the call. {@code when} is followed by zero or
 * more {@code elseWhen} and at most one {@code otherwise}, each directly after the previous one.
 *
 * <p>Every module has an implicit clock {@code clk} and a synchronous, active-high reset {@code
 * rst}, emitted as ports only when the module or one below it has registers.
 */
public abstract class Module {
  /** Legal signal and instance names (compiled once: a design declares hundreds of thousands). */
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Scope scope;
  private final SourceLocation location;
  private final List<Signal> ports = new ArrayList<>();
  private final List<Signal> signals = new ArrayList<>();
  private final List<io.hardformer.dsl.ir.Instance> instances = new ArrayList<>();
  private final Map<String, String> parameters = new LinkedHashMap<>();
  private final StatementBlock root = new StatementBlock();
  private StatementBlock current = root;
  private Timing timing;
  private Module parent;
  private ModuleBody frozen;

  protected Module() {
    String simple = getClass().getSimpleName();
    this.scope = new Scope(simple.isEmpty() ? "Module" : simple);
    this.location = Locations.capture();
  }

  /**
   * The module kind: the base of its Verilog module name. Defaults to the class name; override to
   * give a generator's modules stable names independent of Java refactoring.
   */
  public String kindName() {
    return scope.kindName();
  }

  // ---- declarations
  // --------------------------------------------------------------------------------

  protected final UInt in(String name, int width) {
    return in(name, HwType.uint(width));
  }

  protected final Bool in(String name) {
    return in(name, HwType.bool());
  }

  protected final <T extends Data<T>> T in(String name, HwType<T> type) {
    return declare(name, SignalKind.INPUT, type, null);
  }

  protected final UInt out(String name, int width) {
    return out(name, HwType.uint(width));
  }

  protected final Bool out(String name) {
    return out(name, HwType.bool());
  }

  protected final <T extends Data<T>> T out(String name, HwType<T> type) {
    return declare(name, SignalKind.OUTPUT, type, null);
  }

  /** A combinational signal; it must be assigned on every path before it is read. */
  protected final UInt wire(String name, int width) {
    return wire(name, HwType.uint(width));
  }

  protected final Bool wire(String name) {
    return wire(name, HwType.bool());
  }

  protected final <T extends Data<T>> T wire(String name, HwType<T> type) {
    return declare(name, SignalKind.WIRE, type, null);
  }

  /** A register clocked by {@code clk}, set to {@code reset} while {@code rst} is high. */
  protected final UInt reg(String name, int width, long reset) {
    return reg(name, HwType.uint(width), BigInteger.valueOf(reset));
  }

  protected final Bool reg(String name, boolean reset) {
    return reg(name, HwType.bool(), reset ? BigInteger.ONE : BigInteger.ZERO);
  }

  protected final <T extends Data<T>> T reg(String name, HwType<T> type, long reset) {
    return reg(name, type, BigInteger.valueOf(reset));
  }

  /**
   * A register with a reset value. It holds its value in every cycle where {@code next} is not
   * called on the taken path, so a register with an enable is {@code when(en, () -> r.next(x))}.
   */
  protected final <T extends Data<T>> T reg(String name, HwType<T> type, BigInteger reset) {
    return declare(name, SignalKind.REGISTER, type, reset);
  }

  /**
   * A register without reset: for datapath pipeline stages whose contents are qualified by a valid
   * bit.
   */
  protected final <T extends Data<T>> T regNoReset(String name, HwType<T> type) {
    return declare(name, SignalKind.REGISTER, type, null);
  }

  /** A pipeline stage: a register without reset that takes {@code value} every cycle. */
  protected final <T extends Data<T>> T regNext(String name, T value) {
    T r = declare(name, SignalKind.REGISTER, value.type(), null);
    r.next(value);
    return r;
  }

  /** A pipeline stage with a reset value, for valid bits: takes {@code value} every cycle. */
  protected final Bool regNext(String name, Bool value, boolean reset) {
    Bool r = reg(name, reset);
    r.next(value);
    return r;
  }

  protected final <T extends Data<T>> Vec<T> inVec(String name, int count, HwType<T> type) {
    return vec(name, count, SignalKind.INPUT, type);
  }

  protected final <T extends Data<T>> Vec<T> outVec(String name, int count, HwType<T> type) {
    return vec(name, count, SignalKind.OUTPUT, type);
  }

  protected final <T extends Data<T>> Vec<T> wireVec(String name, int count, HwType<T> type) {
    return vec(name, count, SignalKind.WIRE, type);
  }

  /** {@code count} registers named {@code name_0 ...}, each reset to {@code reset}. */
  protected final <T extends Data<T>> Vec<T> regVec(
      String name, int count, HwType<T> type, long reset) {
    List<T> items = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      items.add(declare(name + "_" + i, SignalKind.REGISTER, type, BigInteger.valueOf(reset)));
    }
    return new Vec<>(items);
  }

  private <T extends Data<T>> Vec<T> vec(String name, int count, SignalKind kind, HwType<T> type) {
    List<T> items = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      items.add(declare(name + "_" + i, kind, type, null));
    }
    return new Vec<>(items);
  }

  <T extends Data<T>> T declare(String name, SignalKind kind, HwType<T> type, BigInteger reset) {
    return declare(name, kind, type, reset, Locations.capture());
  }

  private <T extends Data<T>> T declare(
      String name, SignalKind kind, HwType<T> type, BigInteger reset, SourceLocation loc) {
    checkOpen(loc);
    if (name == null || name.isEmpty()) {
      throw new HardwareMisuseException(loc, "a signal needs a non-empty name");
    }
    if (!IDENTIFIER.matcher(name).matches()) {
      throw new HardwareMisuseException(
          loc,
          "'"
              + name
              + "' is not a legal signal name: use letters,"
              + " digits and '_', starting with a letter or '_'");
    }
    Signal s = new Signal(name, kind, type.kind(), type.width(), reset, loc, scope);
    (kind.isPort() ? ports : signals).add(s);
    return type.wrap(this, new SignalRef(s, loc));
  }

  // ---- bundles, valid and stream interfaces
  // ------------------------------------------------------

  /** An input bundle: one port {@code name_<field>} per leaf. */
  protected final <B extends Bundle<B>> B in(String name, BundleType<B> type) {
    return declareBundle(name, SignalKind.INPUT, type, null);
  }

  protected final <B extends Bundle<B>> B out(String name, BundleType<B> type) {
    return declareBundle(name, SignalKind.OUTPUT, type, null);
  }

  protected final <B extends Bundle<B>> B wire(String name, BundleType<B> type) {
    return declareBundle(name, SignalKind.WIRE, type, null);
  }

  /** A register bundle; every field resets to 0. */
  protected final <B extends Bundle<B>> B reg(String name, BundleType<B> type) {
    return declareBundle(name, SignalKind.REGISTER, type, BigInteger.ZERO);
  }

  /**
   * A register bundle with a reset value per field, chosen on the bundle's own fields: {@code
   * reg("state", State.TYPE, s -> Map.of(s.count, 3L, s.busy, 0L))}. Fields the map leaves out have
   * no reset.
   */
  protected final <B extends Bundle<B>> B reg(
      String name, BundleType<B> type, Function<B, Map<Data<?>, Long>> resets) {
    SourceLocation loc = Locations.capture();
    B fields = type.probe();
    List<Data<?>> leaves = fields.leaves();
    BigInteger[] values = new BigInteger[leaves.size()];
    for (Map.Entry<Data<?>, Long> e : resets.apply(fields).entrySet()) {
      int index = -1;
      for (int i = 0; i < leaves.size(); i++) {
        if (leaves.get(i) == e.getKey()) {
          index = i;
        }
      }
      if (index < 0) {
        throw new HardwareMisuseException(
            loc,
            "the reset map of register bundle '"
                + name
                + "' names a value"
                + " that is not one of its fields; use the fields of the bundle passed to the function");
      }
      values[index] = BigInteger.valueOf(e.getValue());
    }
    int[] next = {0};
    return type.build(
        name,
        new FieldMaker() {
          @Override
          public <T extends Data<T>> T make(String path, HwType<T> t) {
            return declare(path, SignalKind.REGISTER, t, values[next[0]++], loc);
          }
        });
  }

  /** A register bundle without reset (datapath contents qualified by a valid bit). */
  protected final <B extends Bundle<B>> B regNoReset(String name, BundleType<B> type) {
    return declareBundle(name, SignalKind.REGISTER, type, null);
  }

  /**
   * A pipeline stage of a whole bundle: registers without reset that take {@code value} every
   * cycle.
   */
  protected final <B extends Bundle<B>> B regNext(String name, B value) {
    B r = regNoReset(name, value.type());
    r.next(value);
    return r;
  }

  private <B extends Bundle<B>> B declareBundle(
      String prefix, SignalKind kind, BundleType<B> type, BigInteger reset) {
    SourceLocation loc = Locations.capture(); // the declaration's line, not the bundle class's
    return type.build(
        prefix,
        new FieldMaker() {
          @Override
          public <T extends Data<T>> T make(String path, HwType<T> t) {
            return declare(path, kind, t, reset, loc);
          }
        });
  }

  /**
   * A valid/ready input: this module consumes it and drives {@code ready} ({@link
   * Stream#driveReady}).
   */
  protected final <T extends Bundle<T>> Stream<T> inStream(
      String name, BundleType<T> payload, StreamPorts ports) {
    return (Stream<T>) declareInterface(name, payload, ports, true, true);
  }

  /**
   * A valid/ready output: this module produces it; the parent (or testbench) drives {@code ready}.
   */
  protected final <T extends Bundle<T>> Stream<T> outStream(
      String name, BundleType<T> payload, StreamPorts ports) {
    return (Stream<T>) declareInterface(name, payload, ports, false, true);
  }

  /** A valid-only input (no back-pressure). */
  protected final <T extends Bundle<T>> Valid<T> inValid(
      String name, BundleType<T> payload, StreamPorts ports) {
    return declareInterface(name, payload, ports, true, false);
  }

  /** A valid-only output: the consumer must take every beat. */
  protected final <T extends Bundle<T>> Valid<T> outValid(
      String name, BundleType<T> payload, StreamPorts ports) {
    return declareInterface(name, payload, ports, false, false);
  }

  private <T extends Bundle<T>> Valid<T> declareInterface(
      String name, BundleType<T> payload, StreamPorts ports, boolean input, boolean withReady) {
    SignalKind forward = input ? SignalKind.INPUT : SignalKind.OUTPUT;
    SignalKind backward = input ? SignalKind.OUTPUT : SignalKind.INPUT;
    Bool valid = declare(name + "_valid", forward, HwType.bool(), null);
    Bool ready = withReady ? declare(name + "_ready", backward, HwType.bool(), null) : null;
    Bool first = ports.first() ? declare(name + "_first", forward, HwType.bool(), null) : null;
    Bool last = ports.last() ? declare(name + "_last", forward, HwType.bool(), null) : null;
    T data = declareBundle(ports.prefixFields() ? name : "", forward, payload, null);
    return withReady
        ? new Stream<>(name, valid, ready, first, last, data)
        : new Valid<>(name, valid, first, last, data, 0);
  }

  // ---- pipeline helpers
  // --------------------------------------------------------------------------

  /**
   * Chisel's {@code Pipe}: {@code stages} register stages of {@code in}. The valid bit (and the
   * first/last markers) are registers with reset 0; the payload registers have no reset and load
   * only when valid is high. Stage registers are named {@code name_valid}, {@code name_<field>}
   * (with the stage number after {@code name} when {@code stages > 1}). The result's {@link
   * Valid#latency()} is {@code in}'s plus {@code stages}.
   */
  protected final <T extends Bundle<T>> Valid<T> pipe(String name, Valid<T> in, int stages) {
    if (stages < 0) {
      throw new HardwareMisuseException(
          Locations.capture(), "a pipe needs 0 or more stages, got " + stages);
    }
    Bool valid = in.valid();
    Bool first = in.hasFirst() ? in.first() : null;
    Bool last = in.hasLast() ? in.last() : null;
    T data = in.payload();
    for (int i = 0; i < stages; i++) {
      String stage = stages == 1 ? name : name + i;
      Bool v = valid;
      valid = regNext(stage + "_valid", v, false);
      first = first == null ? null : regNext(stage + "_first", first, false);
      last = last == null ? null : regNext(stage + "_last", last, false);
      T r = regNoReset(stage, data.type());
      T d = data;
      when(v, () -> r.next(d));
      data = r;
    }
    return new Valid<>(name, valid, first, last, data, in.latency() + stages);
  }

  /**
   * SpinalHDL's {@code Delay}: {@code value} through {@code cycles} registers without reset or
   * enable, named {@code prefix0 ... prefix<cycles-1>}. Zero cycles returns {@code value}.
   */
  protected final <T extends Data<T>> T delay(String prefix, T value, int cycles) {
    T d = value;
    for (int i = 0; i < cycles; i++) {
      d = regNext(prefix + i, d);
    }
    return d;
  }

  /**
   * A control bit through {@code cycles} registers that reset to {@code reset}, named {@code
   * prefix0 ...}.
   */
  protected final Bool delay(String prefix, Bool value, int cycles, boolean reset) {
    Bool d = value;
    for (int i = 0; i < cycles; i++) {
      d = regNext(prefix + i, d, reset);
    }
    return d;
  }

  /**
   * Backs {@link Data#named}: a renamable wire, driven at the top level of the body by {@code
   * value}.
   */
  final <T extends Data<T>> T nameValue(
      String name, HwType<T> type, Expr value, SourceLocation loc) {
    checkOpen(loc);
    if (name == null || !IDENTIFIER.matcher(name).matches()) {
      throw new HardwareMisuseException(
          loc,
          "named(\""
              + name
              + "\"): not a legal Verilog name; use letters,"
              + " digits and '_', starting with a letter or '_'");
    }
    if (VerilogKeywords.isKeyword(name)) {
      throw new HardwareMisuseException(
          loc,
          "named(\""
              + name
              + "\"): '"
              + name
              + "' is a reserved word"
              + " (Verilog, SystemVerilog or C++); choose another name, e.g. '"
              + name
              + "_v'");
    }
    Signal s = new Signal(name, SignalKind.WIRE, type.kind(), type.width(), null, loc, scope, true);
    signals.add(s);
    if (current == root) {
      root.add(new Assign(s, value, loc));
    } else { // inside a when body: drive it just before the outermost when being built
      root.addBeforeLast(new Assign(s, value, loc));
    }
    return type.wrap(this, new SignalRef(s, loc));
  }

  // ---- constants
  // -----------------------------------------------------------------------------------

  /** An unsigned constant of {@code width} bits. */
  protected final UInt lit(long value, int width) {
    return lit(BigInteger.valueOf(value), width);
  }

  protected final UInt lit(BigInteger value, int width) {
    return new UInt(this, new Literal(value, width, false, Locations.capture()));
  }

  /** A signed constant of {@code width} bits (two's complement). */
  protected final SInt slit(long value, int width) {
    return new SInt(this, new Literal(BigInteger.valueOf(value), width, true, Locations.capture()));
  }

  protected final Bool bool(boolean value) {
    return new Bool(
        this, new Literal(value ? BigInteger.ONE : BigInteger.ZERO, 1, false, Locations.capture()));
  }

  // ---- operators that take several operands
  // ------------------------------------------------------

  /** {@code select ? whenTrue : whenFalse}; both arms must have the same width. */
  protected static <T extends Data<T>> T mux(Bool select, T whenTrue, T whenFalse) {
    Expr e = new MuxExpr(select.expr, whenTrue.expr, whenFalse.expr, Locations.capture());
    return whenTrue.type().withWidth(e.width()).wrap(whenTrue.owner, e);
  }

  /**
   * {@code select ? whenTrue : whenFalse} field by field; both arms must be bundles of the same
   * class and layout (checked at the call).
   */
  protected static <B extends Bundle<B>> B mux(Bool select, B whenTrue, B whenFalse) {
    SourceLocation loc = Locations.capture();
    Bundle.checkSameLayout(loc, "mux", whenTrue, whenFalse);
    List<Expr> a = Bundle.exprs(whenTrue);
    List<Expr> b = Bundle.exprs(whenFalse);
    List<Expr> arms = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      arms.add(new MuxExpr(select.expr, a.get(i), b.get(i), loc));
    }
    return whenTrue.type().fromLeaves(select.owner, arms);
  }

  /** Concatenation, first argument in the most significant bits. */
  protected static UInt cat(Data<?> first, Data<?>... rest) {
    return first.cat(rest);
  }

  /** Number of bits needed to hold the values 0 to {@code n}: {@code bitsFor(8) == 4}, min 1. */
  public static int bitsFor(long n) {
    return Math.max(1, 64 - Long.numberOfLeadingZeros(n));
  }

  // ---- control
  // ---------------------------------------------------------------------------------------

  /**
   * Runs {@code body} under {@code condition}; chain {@code elseWhen} and {@code otherwise} on the
   * result.
   */
  protected final When when(Bool condition, Runnable body) {
    SourceLocation loc = Locations.capture();
    checkOpen(loc);
    When w = new When(this, loc);
    current.add(w);
    w.addBranch(condition.expr, body, loc);
    return w;
  }

  void runIn(StatementBlock block, Runnable body) {
    StatementBlock saved = current;
    current = block;
    try {
      body.run();
    } finally {
      current = saved;
    }
  }

  StatementBlock currentBlock() {
    return current;
  }

  void record(Statement statement) {
    current.add(statement);
  }

  /** The module that records statements made through a value owned by this module. */
  Module recorder(SourceLocation loc) {
    Module m = frozen == null ? this : parent;
    if (m == null || m.frozen != null) {
      throw new HardwareMisuseException(
          loc,
          "module "
              + kindName()
              + " is already elaborated;"
              + " build all hardware before elaborating or instantiating it");
    }
    return m;
  }

  // ---- hierarchy, parameters, contracts
  // -------------------------------------------------------------

  /**
   * Adopts {@code child} as an instance named {@code name}. The child is complete (constructed) and
   * is frozen here; connect its inputs with {@code child.port.assign(...)} and read its outputs
   * directly.
   */
  protected final <M extends Module> M instance(String name, M child) {
    SourceLocation loc = Locations.capture();
    checkOpen(loc);
    checkInstanceName(name, loc);
    Module c = child;
    if (c == this) {
      throw new HardwareMisuseException(loc, "a module cannot instantiate itself");
    }
    if (c.parent != null || c.frozen != null) {
      throw new HardwareMisuseException(
          loc,
          "this "
              + child.kindName()
              + " is already instantiated or"
              + " elaborated; construct a new one for instance '"
              + name
              + "'");
    }
    c.parent = this;
    instances.add(new io.hardformer.dsl.ir.Instance(name, c.freeze(), loc));
    return child;
  }

  /**
   * Constructs a module once, to be instantiated many times with {@link #instance(String,
   * Definition)}: {@code Definition<Cell> d = definition(() -> new Cell(cfg))}. Every instance
   * shares the one body (built, located and checked once); use it for arrays of identical cells.
   */
  protected static <M extends Module> Definition<M> definition(Supplier<M> constructor) {
    return Definition.of(constructor);
  }

  /**
   * An instance named {@code name} of a shared {@code definition}. Reach its ports with {@link
   * Instance#port}: {@code instance("cell_0_0", d).port(c -> c.xIn).assign(x)}. The Verilog is the
   * same as for {@code instance(name, new Cell(cfg))}: one module, one instance line each.
   */
  protected final <M extends Module> Instance<M> instance(String name, Definition<M> definition) {
    SourceLocation loc = Locations.capture();
    checkOpen(loc);
    checkInstanceName(name, loc);
    if (definition == null) {
      throw new HardwareMisuseException(
          loc, "instance '" + name + "' needs a definition; make one with definition(() -> ...)");
    }
    ModuleBody body = definition.body();
    Scope own = new Scope(body.kindName());
    List<Signal> mine = new ArrayList<>(body.ports().size());
    for (Signal p : body.ports()) {
      mine.add(new Signal(p.name(), p.kind(), p.type(), p.width(), null, p.location(), own));
    }
    instances.add(new io.hardformer.dsl.ir.Instance(name, body, loc, mine));
    return new Instance<>(name, definition, this, mine);
  }

  private static void checkInstanceName(String name, SourceLocation loc) {
    if (name == null || !IDENTIFIER.matcher(name).matches()) {
      throw new HardwareMisuseException(
          loc,
          "'"
              + name
              + "' is not a legal instance name: use letters,"
              + " digits and '_', starting with a letter or '_'");
    }
  }

  /**
   * Brings every port of {@code child}, an instance of this module, out as a port of this module
   * named {@code prefix + port name}, of the same type and width: each new input drives the child's
   * input, each new output reads the child's output. For a generic wrapper (a tile's top that
   * instantiates units it knows only as {@code Module}s).
   */
  protected final void exposePorts(String prefix, Module child) {
    SourceLocation loc = Locations.capture();
    checkOpen(loc);
    if (child.parent != this) {
      throw new HardwareMisuseException(
          loc,
          "exposePorts: this "
              + child.kindName()
              + " is not an instance of "
              + kindName()
              + "; adopt it with instance(name, child) first");
    }
    for (Signal p : child.freeze().ports()) {
      Signal outer = new Signal(prefix + p.name(), p.kind(), p.type(), p.width(), null, loc, scope);
      if (!IDENTIFIER.matcher(outer.name()).matches()) {
        throw new HardwareMisuseException(
            loc, "exposePorts: '" + outer.name() + "' is not a legal port name; change the prefix");
      }
      ports.add(outer);
      root.add(
          p.kind() == SignalKind.INPUT
              ? new Assign(p, new SignalRef(outer, loc), loc)
              : new Assign(outer, new SignalRef(p, loc), loc));
    }
  }

  /**
   * Records a constructor parameter: shown in the Verilog header, the manifest and module names.
   */
  protected final void param(String name, Object value) {
    parameters.put(name, String.valueOf(value));
  }

  /**
   * Declares the cycle contract: outputs follow inputs by {@code latency}, one input every {@code
   * ii}.
   */
  protected final void timing(int latency, int initiationInterval) {
    this.timing = new Timing(latency, initiationInterval);
  }

  private void checkOpen(SourceLocation loc) {
    if (frozen != null) {
      throw new HardwareMisuseException(
          loc,
          "module "
              + kindName()
              + " is already elaborated;"
              + " build all hardware before elaborating or instantiating it");
    }
  }

  boolean isFrozen() {
    return frozen != null;
  }

  boolean hasParent() {
    return parent != null;
  }

  /** Freezes this module (and so its children) into its immutable IR body. Idempotent. */
  public final ModuleBody freeze() {
    if (frozen == null) {
      frozen =
          new ModuleBody(
              scope,
              kindName(),
              location,
              parameters,
              ports,
              signals,
              instances,
              root.freeze(),
              timing);
    }
    return frozen;
  }
}
