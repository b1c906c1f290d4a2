package io.hardformer.jit;

import io.hardformer.dsl.ir.Assign;
import io.hardformer.dsl.ir.BinaryExpr;
import io.hardformer.dsl.ir.BinaryOp;
import io.hardformer.dsl.ir.ConcatExpr;
import io.hardformer.dsl.ir.Expr;
import io.hardformer.dsl.ir.ExprVisitor;
import io.hardformer.dsl.ir.ExtendExpr;
import io.hardformer.dsl.ir.Literal;
import io.hardformer.dsl.ir.MuxExpr;
import io.hardformer.dsl.ir.Signal;
import io.hardformer.dsl.ir.SignalRef;
import io.hardformer.dsl.ir.SliceExpr;
import io.hardformer.dsl.ir.Statement;
import io.hardformer.dsl.ir.Switch;
import io.hardformer.dsl.ir.UnaryExpr;
import io.hardformer.dsl.sim.SimulationSchedule;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Translates a {@link SimulationSchedule} into JVM bytecode with ASM: the combinational drivers in
 * dependency order and the register next-states, split into {@link JitChunk} classes of at most
 * {@link #CHUNK_BYTES} bytes of code each, small enough for HotSpot to compile (it skips methods
 * over 8000 bytes) and far below the JVM's 64 KB method limit. Signals of at most 64 bits are
 * {@code long}s in one array, wider ones {@code long[]} words in another (see {@link JitOps});
 * narrow operations are inline bytecode, wide ones calls to {@link JitOps}.
 */
final class JitCompiler {
  /** Estimated bytecode bytes per generated method before a new chunk starts. */
  static final int CHUNK_BYTES = 6000;

  private static final String OPS = "io/hardformer/jit/JitOps";
  private static final String CLASS_NAME = "io/hardformer/jit/JitChunkCode";
  private static final String RUN_DESC = "([J[[J[J[[JZ)V";
  private static final int NARROW = 1;
  private static final int WIDE = 2;
  private static final int NEXT_NARROW = 3;
  private static final int NEXT_WIDE = 4;
  private static final int RESET = 5;
  private static final int TEMP_LONG = 6;
  private static final int TEMP_WIDE = 8;

  /** Index of each signal in the narrow or wide array; registers first, in schedule order. */
  final Map<Signal, Integer> index = new IdentityHashMap<>();

  final int narrowRegisters;
  final int wideRegisters;
  int narrowCount;
  int wideCount;

  /** Wide literals, each in its own slot of the wide array (set once, never written). */
  final Map<Integer, long[]> wideConstants = new HashMap<>();

  private final Map<BigInteger, Integer> constantSlots = new HashMap<>();
  final List<byte[]> combChunks = new ArrayList<>();
  final List<byte[]> registerChunks = new ArrayList<>();

  private ClassWriter cw;
  private MethodVisitor mv;
  private int size;

  JitCompiler(SimulationSchedule schedule) {
    int nr = 0;
    int wr = 0;
    for (SimulationSchedule.Driver d : schedule.registers) {
      Signal r = d.target();
      if (!index.containsKey(r)) {
        index.put(r, wide(r.width()) ? wr++ : nr++);
      }
    }
    narrowRegisters = nr;
    wideRegisters = wr;
    narrowCount = nr;
    wideCount = wr;
    for (Signal s : schedule.signals) {
      if (!index.containsKey(s)) {
        index.put(s, wide(s.width()) ? wideCount++ : narrowCount++);
      }
    }
    begin();
    for (SimulationSchedule.Driver d : schedule.combOrder) {
      driver(d, false, 0);
      maybeSplit(combChunks);
    }
    finish(combChunks);
    begin();
    for (SimulationSchedule.Driver d : schedule.registers) {
      driver(d, true, index.get(d.target()));
      maybeSplit(registerChunks);
    }
    finish(registerChunks);
  }

  static boolean wide(int width) {
    return width > 64;
  }

  static long[] words(BigInteger v, int width) {
    long[] r = new long[JitOps.words(width)];
    for (int i = 0; i < r.length; i++) {
      r[i] = v.shiftRight(64 * i).longValue();
    }
    return r;
  }

  // ---- class and method frames -------------------------------------------------------------

  private void begin() {
    cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    cw.visit(
        Opcodes.V1_6,
        Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER,
        CLASS_NAME,
        null,
        "java/lang/Object",
        new String[] {"io/hardformer/jit/JitChunk"});
    MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
    init.visitCode();
    init.visitVarInsn(Opcodes.ALOAD, 0);
    init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    init.visitInsn(Opcodes.RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();
    mv = cw.visitMethod(Opcodes.ACC_PUBLIC, "run", RUN_DESC, null, null);
    mv.visitCode();
    size = 0;
  }

  private void maybeSplit(List<byte[]> out) {
    if (size >= CHUNK_BYTES) {
      finish(out);
      begin();
    }
  }

  private void finish(List<byte[]> out) {
    mv.visitInsn(Opcodes.RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    cw.visitEnd();
    try {
      out.add(cw.toByteArray());
    } catch (MethodTooLargeException e) {
      throw new IllegalStateException(
          "the JIT backend cannot compile this design: one signal's logic needs more than 64 KB of"
              + " bytecode; run it on the IR interpreter (backend java) or Verilator",
          e);
    }
  }

  // ---- instruction helpers that track the code size ----------------------------------------

  private void insn(int op) {
    mv.visitInsn(op);
    size += 1;
  }

  private void var(int op, int slot) {
    mv.visitVarInsn(op, slot);
    size += 2;
  }

  private void pushInt(int v) {
    if (v >= -1 && v <= 5) {
      mv.visitInsn(Opcodes.ICONST_0 + v);
      size += 1;
    } else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
      mv.visitIntInsn(Opcodes.BIPUSH, v);
      size += 2;
    } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
      mv.visitIntInsn(Opcodes.SIPUSH, v);
      size += 3;
    } else {
      mv.visitLdcInsn(v);
      size += 3;
    }
  }

  private void pushLong(long v) {
    if (v == 0 || v == 1) {
      mv.visitInsn(Opcodes.LCONST_0 + (int) v);
      size += 1;
    } else {
      mv.visitLdcInsn(v);
      size += 3;
    }
  }

  private void pushBool(boolean b) {
    insn(b ? Opcodes.ICONST_1 : Opcodes.ICONST_0);
  }

  private void jump(int op, Label l) {
    mv.visitJumpInsn(op, l);
    size += 3;
  }

  private void label(Label l) {
    mv.visitLabel(l);
  }

  private void call(String owner, String name, String desc) {
    mv.visitMethodInsn(Opcodes.INVOKESTATIC, owner, name, desc, false);
    size += 3;
  }

  private void ops(String name, String desc) {
    call(OPS, name, desc);
  }

  private static long mask(int width) {
    return width >= 64 ? -1L : (1L << width) - 1;
  }

  /** Masks the long on the stack to {@code width} bits. */
  private void maskTo(int width) {
    if (width < 64) {
      pushLong(mask(width));
      insn(Opcodes.LAND);
    }
  }

  /** Sign-extends the {@code width}-bit long on the stack to 64 bits. */
  private void signExtend(int width) {
    if (width < 64) {
      pushInt(64 - width);
      insn(Opcodes.LSHL);
      pushInt(64 - width);
      insn(Opcodes.LSHR);
    }
  }

  /** Replaces the int comparison result on the stack by 1L or 0L for relation {@code op}. */
  private void relation(BinaryOp op) {
    int jumpIfFalse;
    switch (op) {
      case EQ:
        jumpIfFalse = Opcodes.IFNE;
        break;
      case NE:
        jumpIfFalse = Opcodes.IFEQ;
        break;
      case LT:
        jumpIfFalse = Opcodes.IFGE;
        break;
      case LE:
        jumpIfFalse = Opcodes.IFGT;
        break;
      case GT:
        jumpIfFalse = Opcodes.IFLE;
        break;
      default:
        jumpIfFalse = Opcodes.IFLT;
    }
    Label no = new Label();
    Label end = new Label();
    jump(jumpIfFalse, no);
    insn(Opcodes.LCONST_1);
    jump(Opcodes.GOTO, end);
    label(no);
    insn(Opcodes.LCONST_0);
    label(end);
  }

  // ---- statements --------------------------------------------------------------------------

  private void loadSignal(Signal s) {
    if (wide(s.width())) {
      var(Opcodes.ALOAD, WIDE);
      pushInt(index.get(s));
      insn(Opcodes.AALOAD);
    } else {
      var(Opcodes.ALOAD, NARROW);
      pushInt(index.get(s));
      insn(Opcodes.LALOAD);
    }
  }

  /**
   * Code computing one driver's value: a combinational signal (default 0) into its slot, or a
   * register's next state (default its value, the reset value while reset is high) into slot {@code
   * next} of the next-state arrays.
   */
  private void driver(SimulationSchedule.Driver d, boolean register, int next) {
    Signal t = d.target();
    boolean w = wide(t.width());
    int array = register ? (w ? NEXT_WIDE : NEXT_NARROW) : (w ? WIDE : NARROW);
    int slot = register ? next : index.get(t);
    Label end = new Label();
    if (register && t.reset() != null) {
      Label run = new Label();
      var(Opcodes.ILOAD, RESET);
      jump(Opcodes.IFEQ, run);
      var(Opcodes.ALOAD, array);
      pushInt(slot);
      pushConstant(t.reset(), t.width());
      insn(w ? Opcodes.AASTORE : Opcodes.LASTORE);
      jump(Opcodes.GOTO, end);
      label(run);
    }
    List<Statement> sts = d.statements();
    if (sts.size() == 1 && sts.get(0) instanceof Assign a && a.target() == t) {
      var(Opcodes.ALOAD, array);
      pushInt(slot);
      value(a.value(), t.width());
      insn(w ? Opcodes.AASTORE : Opcodes.LASTORE);
    } else {
      if (register) {
        loadSignal(t);
      } else if (w) {
        pushInt(JitOps.words(t.width()));
        mv.visitIntInsn(Opcodes.NEWARRAY, Opcodes.T_LONG);
        size += 2;
      } else {
        insn(Opcodes.LCONST_0);
      }
      var(w ? Opcodes.ASTORE : Opcodes.LSTORE, w ? TEMP_WIDE : TEMP_LONG);
      statements(sts, t);
      var(Opcodes.ALOAD, array);
      pushInt(slot);
      var(w ? Opcodes.ALOAD : Opcodes.LLOAD, w ? TEMP_WIDE : TEMP_LONG);
      insn(w ? Opcodes.AASTORE : Opcodes.LASTORE);
    }
    label(end);
  }

  /** Last assignment to {@code t} on the taken path wins. */
  private void statements(List<Statement> sts, Signal t) {
    for (Statement st : sts) {
      if (st instanceof Assign a) {
        if (a.target() == t) {
          value(a.value(), t.width());
          boolean w = wide(t.width());
          var(w ? Opcodes.ASTORE : Opcodes.LSTORE, w ? TEMP_WIDE : TEMP_LONG);
        }
      } else if (st instanceof Switch sw && SimulationSchedule.targets(sw).contains(t)) {
        Label end = new Label();
        for (Switch.Branch b : sw.branches()) {
          Label next = new Label();
          condition(b.condition());
          jump(Opcodes.IFEQ, next);
          statements(b.body(), t);
          jump(Opcodes.GOTO, end);
          label(next);
        }
        statements(sw.otherwise(), t);
        label(end);
      }
    }
  }

  /** Pushes an int that is nonzero when {@code e} is nonzero. */
  private void condition(Expr e) {
    if (wide(e.width())) {
      expr(e);
      pushInt(e.width());
      ops("orReduce", "([JI)J");
    } else {
      expr(e);
    }
    insn(Opcodes.LCONST_0);
    insn(Opcodes.LCMP);
  }

  /** Pushes {@code e} as a value of {@code width} bits (truncated or zero-extended). */
  private void value(Expr e, int width) {
    expr(e);
    convert(e.width(), width);
  }

  private void convert(int from, int to) {
    if (wide(from) && !wide(to)) {
      pushInt(to);
      ops("narrow", "([JI)J");
    } else if (!wide(from) && wide(to)) {
      ops("widen", "(J)[J");
    } else if (from > to) {
      if (wide(to)) {
        pushInt(0);
        pushInt(to);
        ops("slice", "([JII)[J");
      } else {
        maskTo(to);
      }
    }
  }

  /** Pushes {@code e} as a wide value (a narrow one is widened). */
  private void asWide(Expr e) {
    expr(e);
    if (!wide(e.width())) {
      ops("widen", "(J)[J");
    }
  }

  private void pushConstant(BigInteger bits, int width) {
    BigInteger v = bits.and(BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE));
    if (!wide(width)) {
      pushLong(v.longValue());
      return;
    }
    int slot =
        constantSlots.computeIfAbsent(
            v,
            k -> {
              int s = wideCount++;
              wideConstants.put(s, words(k, width));
              return s;
            });
    var(Opcodes.ALOAD, WIDE);
    pushInt(slot);
    insn(Opcodes.AALOAD);
  }

  // ---- expressions -------------------------------------------------------------------------

  private void expr(Expr e) {
    e.accept(exprs);
  }

  private final ExprVisitor<Void> exprs =
      new ExprVisitor<>() {
        @Override
        public Void visitLiteral(Literal e) {
          pushConstant(e.bits(), e.width());
          return null;
        }

        @Override
        public Void visitSignal(SignalRef e) {
          loadSignal(e.signal());
          return null;
        }

        @Override
        public Void visitUnary(UnaryExpr e) {
          unary(e);
          return null;
        }

        @Override
        public Void visitBinary(BinaryExpr e) {
          binary(e);
          return null;
        }

        @Override
        public Void visitSlice(SliceExpr e) {
          slice(e);
          return null;
        }

        @Override
        public Void visitConcat(ConcatExpr e) {
          concat(e);
          return null;
        }

        @Override
        public Void visitMux(MuxExpr e) {
          Label no = new Label();
          Label end = new Label();
          condition(e.select());
          jump(Opcodes.IFEQ, no);
          value(e.whenTrue(), e.width());
          jump(Opcodes.GOTO, end);
          label(no);
          value(e.whenFalse(), e.width());
          label(end);
          return null;
        }

        @Override
        public Void visitExtend(ExtendExpr e) {
          int from = e.operand().width();
          if (wide(e.width())) {
            asWide(e.operand());
            pushInt(from);
            pushInt(e.width());
            pushBool(e.signed());
            ops("ext", "([JIIZ)[J");
          } else {
            expr(e.operand());
            if (e.signed() && from < e.width()) {
              signExtend(from);
              maskTo(e.width());
            }
          }
          return null;
        }
      };

  private void unary(UnaryExpr e) {
    int w = e.operand().width();
    if (wide(w)) {
      expr(e.operand());
      pushInt(w);
      switch (e.op()) {
        case NOT:
          ops("not", "([JI)[J");
          break;
        case AND_REDUCE:
          ops("andReduce", "([JI)J");
          break;
        case OR_REDUCE:
          ops("orReduce", "([JI)J");
          break;
        default:
          ops("xorReduce", "([JI)J");
      }
      return;
    }
    expr(e.operand());
    switch (e.op()) {
      case NOT:
        pushLong(mask(w));
        insn(Opcodes.LXOR);
        break;
      case AND_REDUCE:
        pushLong(mask(w));
        insn(Opcodes.LCMP);
        relation(BinaryOp.EQ);
        break;
      case OR_REDUCE:
        insn(Opcodes.LCONST_0);
        insn(Opcodes.LCMP);
        relation(BinaryOp.NE);
        break;
      default:
        call("java/lang/Long", "bitCount", "(J)I");
        insn(Opcodes.ICONST_1);
        insn(Opcodes.IAND);
        insn(Opcodes.I2L);
    }
  }

  private void binary(BinaryExpr e) {
    Expr l = e.left();
    Expr r = e.right();
    int wl = l.width();
    int wr = r.width();
    int w = e.width();
    boolean s = e.signed();
    BinaryOp op = e.op();
    if (op.isShift()) {
      shift(e);
      return;
    }
    boolean anyWide = wide(wl) || wide(wr) || wide(w);
    if (anyWide) {
      asWide(l);
      if (op.isBitwise()) {
        asWide(r);
        pushInt(w);
        ops(op == BinaryOp.AND ? "and" : op == BinaryOp.OR ? "or" : "xor", "([J[JI)[J");
      } else if (op.isArithmetic()) {
        pushInt(wl);
        asWide(r);
        pushInt(wr);
        pushInt(w);
        pushBool(s);
        ops(op == BinaryOp.ADD ? "add" : op == BinaryOp.SUB ? "sub" : "mul", "([JI[JIIZ)[J");
      } else {
        pushInt(wl);
        asWide(r);
        pushInt(wr);
        pushBool(s);
        ops("compare", "([JI[JIZ)I");
        relation(op);
        return;
      }
      if (!wide(w)) {
        pushInt(w);
        ops("narrow", "([JI)J");
      }
      return;
    }
    expr(l);
    if (s && (op.isArithmetic() || op.isComparison())) {
      signExtend(wl);
    }
    expr(r);
    if (s && (op.isArithmetic() || op.isComparison())) {
      signExtend(wr);
    }
    switch (op) {
      case ADD:
        insn(Opcodes.LADD);
        maskTo(w);
        break;
      case SUB:
        insn(Opcodes.LSUB);
        maskTo(w);
        break;
      case MUL:
        insn(Opcodes.LMUL);
        maskTo(w);
        break;
      case AND:
        insn(Opcodes.LAND);
        break;
      case OR:
        insn(Opcodes.LOR);
        break;
      case XOR:
        insn(Opcodes.LXOR);
        break;
      default:
        if (s || op == BinaryOp.EQ || op == BinaryOp.NE) {
          insn(Opcodes.LCMP);
        } else {
          call("java/lang/Long", "compareUnsigned", "(JJ)I");
        }
        relation(op);
    }
  }

  private void shift(BinaryExpr e) {
    Expr l = e.left();
    Expr r = e.right();
    int wl = l.width();
    boolean left = e.op() == BinaryOp.SHIFT_LEFT;
    expr(l);
    pushInt(wl);
    expr(r);
    if (wide(r.width())) {
      ops("amount", "([J)J");
    }
    if (wide(wl)) {
      if (left) {
        ops("shlWide", "([JIJ)[J");
      } else {
        pushBool(e.signed());
        ops("shrWide", "([JIJZ)[J");
      }
    } else if (left) {
      ops("shl", "(JIJ)J");
    } else {
      pushBool(e.signed());
      ops("shr", "(JIJZ)J");
    }
  }

  private void slice(SliceExpr e) {
    int wo = e.operand().width();
    int w = e.width();
    expr(e.operand());
    if (wide(wo)) {
      pushInt(e.lo());
      pushInt(w);
      ops(wide(w) ? "slice" : "sliceNarrow", wide(w) ? "([JII)[J" : "([JII)J");
      return;
    }
    if (e.lo() > 0) {
      pushInt(e.lo());
      insn(Opcodes.LUSHR);
    }
    if (e.lo() + w < wo) {
      maskTo(w);
    }
  }

  private void concat(ConcatExpr e) {
    List<Expr> parts = e.parts();
    if (!wide(e.width())) {
      boolean first = true;
      for (Expr p : parts) {
        if (!first) {
          pushInt(p.width());
          insn(Opcodes.LSHL);
        }
        expr(p);
        if (!first) {
          insn(Opcodes.LOR);
        }
        first = false;
      }
      return;
    }
    pushInt(JitOps.words(e.width()));
    mv.visitIntInsn(Opcodes.NEWARRAY, Opcodes.T_LONG);
    size += 2;
    int lo = e.width();
    for (Expr p : parts) {
      lo -= p.width();
      insn(Opcodes.DUP);
      pushInt(lo);
      expr(p);
      pushInt(p.width());
      if (wide(p.width())) {
        ops("placeWide", "([JI[JI)V");
      } else {
        ops("place", "([JIJI)V");
      }
    }
  }
}
