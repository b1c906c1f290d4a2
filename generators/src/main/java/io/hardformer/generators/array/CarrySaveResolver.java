package io.hardformer.generators.array;

import io.hardformer.dsl.Module;
import io.hardformer.dsl.UInt;

/**
 * Adds the two halves of a carry-save sum, {@code sum = (a + b) mod 2^n}, in {@link #latency(int)}
 * pipeline stages of {@link #SLICE_BITS} bits each: stage s adds bits [8s+7:8s] of a and b and the
 * carry registered by stage s - 1, so no stage holds a carry chain longer than one slice. The bits
 * not yet added and those already resolved travel alongside in registers. One result per cycle.
 */
public final class CarrySaveResolver extends Module {
  /** Bits added per stage: an 8-bit ripple, about 20 FO4 on the OSU 0.18 um cells. */
  public static final int SLICE_BITS = 8;

  public final UInt a;
  public final UInt b;
  public final UInt sum;

  /** Pipeline stages: {@link #latency(int)}. */
  public final int stages;

  public CarrySaveResolver(int n) {
    param("bits", n);
    a = in("a", n);
    b = in("b", n);
    sum = out("sum", n);
    stages = latency(n);
    UInt restA = a;
    UInt restB = b;
    UInt done = null; // the resolved low bits
    UInt carry = null;
    for (int s = 0; s < latency(n); s++) {
      int w = Math.min(SLICE_BITS, n - s * SLICE_BITS);
      UInt sliceA = restA.bits(w - 1, 0);
      UInt sliceB = restB.bits(w - 1, 0);
      boolean last = s == latency(n) - 1;
      UInt slice = sliceA.add(sliceB); // w + 1 bits
      if (carry != null) {
        slice = slice.add(carry.zext(w + 1)).trunc(w + 1);
      }
      if (last) {
        slice = slice.trunc(w); // the carry out of the top bit is dropped (mod 2^n)
      }
      UInt low = slice.trunc(w);
      done = regNext("done" + s, done == null ? low : low.cat(done));
      if (!last) {
        carry = regNext("carry" + s, slice.bits(w, w));
        int left = restA.width() - w;
        restA = regNext("a" + s, restA.bits(left + w - 1, w));
        restB = regNext("b" + s, restB.bits(left + w - 1, w));
      }
    }
    sum.assign(done);
  }

  /** Stages of an n-bit resolver: ceil(n / 8). */
  public static int latency(int n) {
    return (n + SLICE_BITS - 1) / SLICE_BITS;
  }

  @Override
  public String kindName() {
    return "carry_save_resolver";
  }
}
