package io.hardformer.dsl;

import io.hardformer.dsl.check.VerilogKeywords;
import io.hardformer.dsl.ir.Assign;
import io.hardformer.dsl.ir.Expr;
import io.hardformer.dsl.ir.Instance;
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

/**
 * A hardware module: a Java class whose construction builds hardware. Ports, wires and registers are
 * declared with explicit names and widths (usually in field initializers), behaviour is described in the
 * constructor, and parameters are ordinary constructor arguments.
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
 * module is either instantiated once by a parent ({@link #instance}) or elaborated as a top; after that it
 * is frozen and further building fails at the call. {@code when} is followed by zero or more
 * {@code elseWhen} and at most one {@code otherwise}, each directly after the previous one.
 *
 * <p>Every module has an implicit clock {@code clk} and a synchronous, active-high reset {@code rst},
 * emitted as ports only when the module or one below it has registers.
 */
public abstract class Module {
  private final Scope scope;
  private final SourceLocation location;
  private final List<Signal> ports = new ArrayList<>();
  private final List<Signal> signals = new ArrayList<>();
  private final List<Instance> instances = new ArrayList<>();
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
   * The module kind: the base of its Verilog module name. Defaults to the class name; override to give
   * a generator's modules stable names independent of Java refactoring.
   */
  public String kindName() {
    return scope.kindName();
  }

  // ---- declarations --------------------------------------------------------------------------------

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
   * A register with a reset value. It holds its value in every cycle where {@code next} is not called
   * on the taken path, so a register with an enable is {@code when(en, () -> r.next(x))}.
   */
  protected final <T extends Data<T>> T reg(String name, HwType<T> type, BigInteger reset) {
    return declare(name, SignalKind.REGISTER, type, reset);
  }

  /** A register without reset: for datapath pipeline stages whose contents are qualified by a valid bit. */
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
  protected final <T extends Data<T>> Vec<T> regVec(String name, int count, HwType<T> type, long reset) {
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

  private <T extends Data<T>> T declare(String name, SignalKind kind, HwType<T> type, BigInteger reset) {
    SourceLocation loc = Locations.capture();
    checkOpen(loc);
    if (name == null || name.isEmpty()) {
      throw new HardwareMisuseException(loc, "a signal needs a non-empty name");
    }
    if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new HardwareMisuseException(loc, "'" + name + "' is not a legal signal name: use letters,"
          + " digits and '_', starting with a letter or '_'");
    }
    Signal s = new Signal(name, kind, type.kind(), type.width(), reset, loc, scope);
    (kind.isPort() ? ports : signals).add(s);
    return type.wrap(this, new SignalRef(s, loc));
  }

  /** Backs {@link Data#named}: a renamable wire, driven at the top level of the body by {@code value}. */
  final <T extends Data<T>> T nameValue(String name, HwType<T> type, Expr value, SourceLocation loc) {
    checkOpen(loc);
    if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new HardwareMisuseException(loc, "named(\"" + name + "\"): not a legal Verilog name; use letters,"
          + " digits and '_', starting with a letter or '_'");
    }
    if (VerilogKeywords.isKeyword(name)) {
      throw new HardwareMisuseException(loc, "named(\"" + name + "\"): '" + name + "' is a reserved word"
          + " (Verilog, SystemVerilog or C++); choose another name, e.g. '" + name + "_v'");
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

  // ---- constants -----------------------------------------------------------------------------------

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
    return new Bool(this, new Literal(value ? BigInteger.ONE : BigInteger.ZERO, 1, false,
        Locations.capture()));
  }

  // ---- operators that take several operands ------------------------------------------------------

  /** {@code select ? whenTrue : whenFalse}; both arms must have the same width. */
  protected static <T extends Data<T>> T mux(Bool select, T whenTrue, T whenFalse) {
    Expr e = new MuxExpr(select.expr, whenTrue.expr, whenFalse.expr, Locations.capture());
    return whenTrue.type().withWidth(e.width()).wrap(whenTrue.owner, e);
  }

  /** Concatenation, first argument in the most significant bits. */
  protected static UInt cat(Data<?> first, Data<?>... rest) {
    return first.cat(rest);
  }

  /** Number of bits needed to hold the values 0 to {@code n}: {@code bitsFor(8) == 4}, min 1. */
  public static int bitsFor(long n) {
    return Math.max(1, 64 - Long.numberOfLeadingZeros(n));
  }

  // ---- control ---------------------------------------------------------------------------------------

  /** Runs {@code body} under {@code condition}; chain {@code elseWhen} and {@code otherwise} on the result. */
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
      throw new HardwareMisuseException(loc, "module " + kindName() + " is already elaborated;"
          + " build all hardware before elaborating or instantiating it");
    }
    return m;
  }

  // ---- hierarchy, parameters, contracts -------------------------------------------------------------

  /**
   * Adopts {@code child} as an instance named {@code name}. The child is complete (constructed) and is
   * frozen here; connect its inputs with {@code child.port.assign(...)} and read its outputs directly.
   */
  protected final <M extends Module> M instance(String name, M child) {
    SourceLocation loc = Locations.capture();
    checkOpen(loc);
    if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new HardwareMisuseException(loc, "'" + name + "' is not a legal instance name: use letters,"
          + " digits and '_', starting with a letter or '_'");
    }
    Module c = child;
    if (c == this) {
      throw new HardwareMisuseException(loc, "a module cannot instantiate itself");
    }
    if (c.parent != null || c.frozen != null) {
      throw new HardwareMisuseException(loc, "this " + child.kindName() + " is already instantiated or"
          + " elaborated; construct a new one for instance '" + name + "'");
    }
    c.parent = this;
    instances.add(new Instance(name, c.freeze(), loc));
    return child;
  }

  /** Records a constructor parameter: shown in the Verilog header, the manifest and module names. */
  protected final void param(String name, Object value) {
    parameters.put(name, String.valueOf(value));
  }

  /** Declares the cycle contract: outputs follow inputs by {@code latency}, one input every {@code ii}. */
  protected final void timing(int latency, int initiationInterval) {
    this.timing = new Timing(latency, initiationInterval);
  }

  private void checkOpen(SourceLocation loc) {
    if (frozen != null) {
      throw new HardwareMisuseException(loc, "module " + kindName() + " is already elaborated;"
          + " build all hardware before elaborating or instantiating it");
    }
  }

  /** Freezes this module (and so its children) into its immutable IR body. Idempotent. */
  public final ModuleBody freeze() {
    if (frozen == null) {
      frozen = new ModuleBody(scope, kindName(), location, parameters, ports, signals, instances,
          root.freeze(), timing);
    }
    return frozen;
  }
}
