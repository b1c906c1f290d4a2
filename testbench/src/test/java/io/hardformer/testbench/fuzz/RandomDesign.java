package io.hardformer.testbench.fuzz;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.Data;
import io.hardformer.dsl.HwType;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.SInt;
import io.hardformer.dsl.UInt;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A random, well-formed design from a seed: inputs of 1 to 130 bits (signed and unsigned), a pool
 * of values grown by random operators (every operator of the DSL, signed arithmetic, shifts by
 * signal, slices, concatenation, mux, extension, reductions, leading zeros), wires driven through
 * nested when/elseWhen/otherwise, registers with reset and enable, registers sharing one when
 * chain, {@code .named} values, and random child designs. The same (seed, ops, depth) always builds
 * the same design.
 */
final class RandomDesign extends Module {
  static final int MAX_WIDTH = 130;

  final List<Data<?>> inputs = new ArrayList<>();
  final List<Data<?>> outputs = new ArrayList<>();
  private final Random r;
  private final List<Data<?>> pool = new ArrayList<>();
  private int names;

  RandomDesign(long seed, int ops, int depth) {
    param("seed", seed);
    param("ops", ops);
    param("depth", depth);
    r = new Random(seed);
    int nIn = 1 + r.nextInt(4);
    for (int i = 0; i < nIn; i++) {
      int w = width();
      Data<?> d = r.nextBoolean() ? in("i" + i, HwType.uint(w)) : in("i" + i, HwType.sint(w));
      inputs.add(d);
      pool.add(d);
    }
    List<Data<?>> regs = new ArrayList<>();
    int nReg = r.nextInt(3);
    for (int i = 0; i < nReg; i++) {
      int w = width();
      Data<?> d =
          r.nextBoolean()
              ? reg("r" + i, HwType.uint(w), r.nextInt(1 << Math.min(w, 16)))
              : reg("r" + i, HwType.sint(w), -r.nextInt(1 << Math.min(w - 1, 15)));
      regs.add(d);
      pool.add(d);
    }
    for (int k = 0; k < ops; k++) {
      int kind = r.nextInt(20);
      if (kind == 19 && depth > 0) {
        child(depth);
      } else if (kind == 18) {
        whenWire();
      } else {
        pool.add(cap(op(kind)));
      }
    }
    for (Data<?> reg : regs) {
      Data<?> value = fit(pick(), reg);
      if (r.nextBoolean()) {
        Bool en = pickU().bit(0);
        when(en, () -> connect(reg, value, true));
      } else {
        connect(reg, value, true);
      }
    }
    // from a stream of their own, so older seeds keep their operators: registers sharing one
    // when/elseWhen/otherwise chain (grouped always blocks, arms empty for some registers) and
    // .named values, some with one name twice and one named inside a when body
    Random g = new Random(seed ^ 0x5DEECE66DL);
    if (regs.size() >= 2 && g.nextBoolean()) {
      sharedChain(g, regs.get(0), regs.get(1));
    }
    int nNamed = g.nextInt(3);
    for (int i = 0; i < nNamed; i++) {
      Data<?> v = pool.get(g.nextInt(pool.size()));
      pool.add(v.named(g.nextBoolean() ? "n" : "n" + i));
    }
    int nOut = 1 + r.nextInt(3);
    for (int j = 0; j < nOut; j++) {
      Data<?> v = pool.get(pool.size() - 1 - r.nextInt(Math.min(pool.size(), 6)));
      Data<?> o =
          v instanceof SInt
              ? out("o" + j, HwType.sint(v.width()))
              : out("o" + j, HwType.uint(v.width()));
      connect(o, v instanceof SInt ? v : v.asUInt(), false);
      outputs.add(o);
    }
  }

  @Override
  public String kindName() {
    return "fuzz";
  }

  private int width() {
    int k = r.nextInt(10);
    return k < 5 ? 1 + r.nextInt(8) : k < 8 ? 1 + r.nextInt(40) : 60 + r.nextInt(MAX_WIDTH - 59);
  }

  private Data<?> pick() {
    return pool.get(r.nextInt(pool.size()));
  }

  private UInt pickU() {
    return pick().asUInt();
  }

  private SInt pickS() {
    return pick().asSInt();
  }

  private static Data<?> cap(Data<?> d) {
    if (d.width() <= MAX_WIDTH + 30) {
      return d;
    }
    return d instanceof SInt ? ((SInt) d).trunc(MAX_WIDTH) : d.asUInt().trunc(MAX_WIDTH);
  }

  /** {@code v} converted to {@code like}'s family and width. */
  private static Data<?> fit(Data<?> v, Data<?> like) {
    int w = like.width();
    if (like instanceof SInt) {
      return v.asSInt().resize(w);
    }
    if (like instanceof Bool) {
      return v.bit(0);
    }
    return v.asUInt().resize(w);
  }

  @SuppressWarnings("unchecked")
  private static <T extends Data<T>> void connect(Data<?> target, Data<?> value, boolean register) {
    if (register) {
      ((T) target).next((T) value);
    } else {
      ((T) target).assign((T) value);
    }
  }

  private Data<?> op(int kind) {
    boolean signed = r.nextBoolean();
    switch (kind) {
      case 0:
        return signed ? pickS().add(pickS()) : pickU().add(pickU());
      case 1:
        return signed ? pickS().sub(pickS()) : pickU().sub(pickU());
      case 2:
        {
          Data<?> a = narrow(pick(), 70);
          Data<?> b = narrow(pick(), 70);
          return signed ? a.asSInt().mul(b.asSInt()) : a.asUInt().mul(b.asUInt());
        }
      case 3:
        {
          UInt a = pickU();
          UInt b = pickU().resize(a.width());
          int which = r.nextInt(3);
          return which == 0 ? a.and(b) : which == 1 ? a.or(b) : a.xor(b);
        }
      case 4:
        return signed ? pickS().not() : pickU().not();
      case 5:
        return signed ? pickS().shl(r.nextInt(9)) : pickU().shl(r.nextInt(9));
      case 6:
        {
          Data<?> a = pick();
          int n = r.nextInt(a.width());
          return signed ? a.asSInt().shr(n) : a.asUInt().shr(n);
        }
      case 7:
        {
          UInt amount = narrow(pick(), 1 + r.nextInt(8)).asUInt();
          return signed ? pickS().shiftLeft(amount) : pickU().shiftLeft(amount);
        }
      case 8:
        {
          UInt amount = narrow(pick(), 1 + r.nextInt(8)).asUInt();
          return signed ? pickS().shiftRight(amount) : pickU().shiftRight(amount);
        }
      case 9:
        return compare(signed).asUInt();
      case 10:
        {
          Data<?> a = pick();
          int lo = r.nextInt(a.width());
          int hi = lo + r.nextInt(a.width() - lo);
          return a.bits(hi, lo);
        }
      case 11:
        return pick().cat(pick(), r.nextBoolean() ? pick() : pick().bit(0));
      case 12:
        {
          Data<?> a = pick();
          Data<?> b = fit(pick(), a);
          Bool c = r.nextBoolean() ? pickU().orR() : compare(signed);
          return a instanceof SInt ? mux(c, (SInt) a, (SInt) b) : mux(c, a.asUInt(), b.asUInt());
        }
      case 13:
        {
          Data<?> a = pick();
          int w = a.width() + r.nextInt(40);
          return signed ? a.asSInt().sext(w) : a.asUInt().zext(w);
        }
      case 14:
        {
          Data<?> a = pick();
          int w = 1 + r.nextInt(a.width());
          return signed ? a.asSInt().trunc(w) : a.asUInt().trunc(w);
        }
      case 15:
        {
          Data<?> a = pick();
          int which = r.nextInt(3);
          return (which == 0 ? a.andR() : which == 1 ? a.orR() : a.xorR()).asUInt();
        }
      case 16:
        return narrow(pick(), 64).asUInt().clz();
      default:
        return pickS().neg();
    }
  }

  private Bool compare(boolean signed) {
    int which = r.nextInt(6);
    if (signed) {
      SInt a = pickS();
      SInt b = pickS();
      return which == 0
          ? a.eq(b)
          : which == 1
              ? a.ne(b)
              : which == 2 ? a.lt(b) : which == 3 ? a.le(b) : which == 4 ? a.gt(b) : a.ge(b);
    }
    UInt a = pickU();
    UInt b = pickU();
    return which == 0
        ? a.eq(b)
        : which == 1
            ? a.ne(b)
            : which == 2 ? a.lt(b) : which == 3 ? a.le(b) : which == 4 ? a.gt(b) : a.ge(b);
  }

  private static Data<?> narrow(Data<?> d, int max) {
    return d.width() <= max ? d : d.asUInt().trunc(max);
  }

  /** A wire driven by a default and a random when/elseWhen/otherwise tree (depth up to 3). */
  private void whenWire() {
    Data<?> like = pick();
    Data<?> w =
        like instanceof SInt
            ? wire("w" + names++, HwType.sint(like.width()))
            : wire("w" + names++, HwType.uint(like.width()));
    connect(w, fit(pick(), w), false);
    branch(w, 0);
    pool.add(w);
  }

  private void branch(Data<?> w, int level) {
    Bool c = pickU().bit(0);
    Data<?> v1 = fit(pick(), w);
    var chain =
        when(
            c,
            () -> {
              connect(w, v1, false);
              if (level < 2 && r.nextBoolean()) {
                branch(w, level + 1);
              }
            });
    if (r.nextBoolean()) {
      Bool c2 = pickU().orR();
      Data<?> v2 = fit(pick(), w);
      chain = chain.elseWhen(c2, () -> connect(w, v2, false));
    }
    if (r.nextBoolean()) {
      Data<?> v3 = fit(pick(), w);
      chain.otherwise(() -> connect(w, v3, false));
    }
  }

  private void sharedChain(Random g, Data<?> a, Data<?> b) {
    Bool c1 = pool.get(g.nextInt(pool.size())).asUInt().bit(0);
    Bool c2 = pool.get(g.nextInt(pool.size())).asUInt().orR();
    Data<?> va = pool.get(g.nextInt(pool.size()));
    Data<?> vb = pool.get(g.nextInt(pool.size()));
    when(c1, () -> connect(a, fit(va, a), true))
        .elseWhen(c2, () -> connect(b, fit(vb.named("in_chain"), b), true))
        .otherwise(
            () -> {
              connect(a, fit(vb, a), true);
              connect(b, fit(va, b), true);
            });
  }

  private void child(int depth) {
    RandomDesign c =
        instance("sub" + names++, new RandomDesign(r.nextLong(), 6 + r.nextInt(10), depth - 1));
    for (Data<?> in : c.inputs) {
      connect(in, fit(pick(), in), false);
    }
    pool.addAll(c.outputs);
  }
}
