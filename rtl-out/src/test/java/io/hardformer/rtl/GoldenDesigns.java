package io.hardformer.rtl;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.HwType;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.UInt;
import io.hardformer.dsl.Vec;
import java.util.ArrayList;
import java.util.List;

/**
 * Small designs whose whole Verilog is kept as golden files (EmitterGoldenTest). Each shows one
 * part of the emitter's style; the named-reduction design is emitted with source comments, so
 * moving its lines changes its golden file.
 */
final class GoldenDesigns {
  private GoldenDesigns() {}

  /** A counter with enable and synchronous clear: one register block, decimal constants. */
  static final class Counter extends Module {
    final Bool en = in("en");
    final Bool clear = in("clear");
    final UInt count = out("count", 8);

    Counter() {
      UInt c = reg("c", 8, 0);
      when(clear, () -> c.next(lit(0, 8))).elseWhen(en, () -> c.next(c.add(lit(1, 8)).trunc(8)));
      count.assign(c);
    }
  }

  /**
   * when/elseWhen/otherwise driving registers that share a block, a register with an empty middle
   * arm (its condition guards the later arms instead), a combinational switch and a mux.
   */
  static final class Control extends Module {
    final UInt op = in("op", 2);
    final UInt a = in("a", 16);
    final UInt b = in("b", 16);
    final Bool valid = in("valid");
    final UInt y = out("y", 16);
    final UInt last = out("last", 16);
    final UInt flags = out("flags", 2);
    final UInt snapshot = out("snapshot", 16);

    Control() {
      UInt acc = reg("acc", 16, 0);
      UInt seen = reg("seen", 2, 0);
      UInt hold = regNoReset("hold", HwType.uint(16));
      UInt snap = regNoReset("snap", HwType.uint(16));
      UInt r = wire("r", 16);
      when(op.eq(lit(0, 2)), () -> r.assign(a.add(b).trunc(16)))
          .elseWhen(op.eq(lit(1, 2)), () -> r.assign(a.sub(b).trunc(16)))
          .otherwise(() -> r.assign(a.xor(b)));
      when(valid.not(), () -> seen.next(lit(0, 2)))
          .elseWhen(
              op.eq(lit(3, 2)),
              () -> {
                acc.next(lit(0, 16));
                snap.next(acc); // no reset: its own block, where the first arm is empty
              })
          .otherwise(
              () -> {
                acc.next(r);
                seen.next(seen.add(lit(1, 2)).trunc(2));
              });
      when(valid, () -> hold.next(mux(op.bit(0), a, b)));
      y.assign(acc);
      last.assign(hold);
      flags.assign(seen);
      snapshot.assign(snap);
    }
  }

  /**
   * Named temporaries (one name wished twice), derived temporary names, hex constants and a 20-term
   * OR reduction, emitted as a balanced tree of short lines.
   */
  static final class NamedReduction extends Module {
    final UInt x = in("x", 32);
    final UInt mask = in("mask", 32);
    final UInt flags = in("flags", 20);
    final UInt y = out("y", 32);
    final Bool any = out("any");
    final UInt inverted = out("inverted", 32);

    NamedReduction() {
      UInt masked = x.and(mask).named("masked");
      UInt lz = masked.clz().named("lz");
      Bool nan = masked.bits(30, 23).andR().and(masked.bits(22, 0).orR());
      UInt shifted = masked.shiftLeft(lz.zext(32)).named("shifted");
      y.assign(
          mux(
              nan,
              lit(0x7FC00000L, 32),
              mux(
                  nan.not().and(shifted.eq(lit(0, 32))),
                  lit(0xFFL, 32),
                  shifted.add(shifted).trunc(32))));
      List<Bool> bits = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        bits.add(flags.bit(i));
      }
      Bool r = bits.get(0);
      for (int i = 1; i < bits.size(); i++) {
        r = r.or(bits.get(i));
      }
      any.assign(r);
      inverted.assign(x.not().named("masked")); // a second wish for 'masked': emitted as masked_1
    }
  }

  /** A Vec of registers written at an index, read through a mux, and a child instance. */
  static final class VecMemory extends Module {
    final UInt wdata = in("wdata", 8);
    final UInt waddr = in("waddr", 2);
    final UInt raddr = in("raddr", 2);
    final Bool we = in("we");
    final UInt rdata = out("rdata", 8);
    final UInt parity = out("parity", 1);

    VecMemory() {
      Vec<UInt> mem = regVec("mem", 4, HwType.uint(8), 0);
      for (int i = 0; i < mem.size(); i++) {
        UInt slot = mem.get(i);
        when(we.and(waddr.eq(lit(i, 2))), () -> slot.next(wdata));
      }
      UInt data = mem.select(raddr);
      Parity p = instance("par", new Parity());
      p.in.assign(data);
      rdata.assign(data);
      parity.assign(p.out.asUInt());
    }
  }

  /** XOR reduction in a child module. */
  static final class Parity extends Module {
    final UInt in = in("in", 8);
    final Bool out = out("out");

    Parity() {
      out.assign(in.xorR());
    }
  }
}
