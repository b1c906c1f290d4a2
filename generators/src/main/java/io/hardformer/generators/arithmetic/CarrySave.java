package io.hardformer.generators.arithmetic;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.Data;
import io.hardformer.dsl.UInt;
import java.util.ArrayList;
import java.util.List;

/**
 * Carry-save arithmetic on equal-width rows, modulo 2^width: the partial products of a multiply and
 * their reduction by levels of 3:2 compressors (full adders: sum = a ^ b ^ c, carry = majority
 * shifted left by one), so a stage holds a few gate levels and no carry chain; the two rows left
 * are added by an ordinary adder in a later stage. Exact: the sum of the rows is unchanged by every
 * level (mod 2^width), so a product that fits in width bits is resolved exactly.
 */
public final class CarrySave {
  private CarrySave() {}

  /**
   * Rows of x * y, one per bit of y: row i is x << i where y_i is set, else zero, each {@code
   * width} bits (x zero-extended; sign-extend x beforehand for a signed x).
   */
  public static List<UInt> productRows(UInt x, UInt y, int width) {
    List<UInt> rows = new ArrayList<>();
    UInt wide = x.zext(width);
    for (int i = 0; i < y.width() && i < width; i++) {
      rows.add(wide.shl(i).trunc(width).and(replicate(y.bit(i), width)));
    }
    return rows;
  }

  /** Rows of x * c for a constant c >= 0: x << i for every set bit i of c, {@code width} bits. */
  public static List<UInt> constantRows(UInt x, long c, int width) {
    List<UInt> rows = new ArrayList<>();
    UInt wide = x.zext(width);
    for (int i = 0; i < 63 && i < width; i++) {
      if ((c >>> i & 1) != 0) {
        rows.add(wide.shl(i).trunc(width));
      }
    }
    return rows;
  }

  /**
   * Levels of 3:2 compression until at most {@code target} rows remain (target >= 2) or {@code
   * maxLevels} levels are spent (0: no limit). The rows keep their sum modulo 2^width.
   */
  public static List<UInt> reduce(List<UInt> rows, int target, int maxLevels) {
    List<UInt> level = new ArrayList<>(rows);
    for (int l = 0; level.size() > target && (maxLevels == 0 || l < maxLevels); l++) {
      List<UInt> next = new ArrayList<>();
      int i = 0;
      for (; i + 3 <= level.size() && next.size() + (level.size() - i) > target; i += 3) {
        UInt a = level.get(i);
        UInt b = level.get(i + 1);
        UInt c = level.get(i + 2);
        int w = a.width();
        next.add(a.xor(b).xor(c));
        next.add(a.and(b).or(a.and(c)).or(b.and(c)).shl(1).trunc(w));
      }
      next.addAll(level.subList(i, level.size()));
      level = next;
    }
    return level;
  }

  /** 3:2 levels needed to bring {@code rows} rows to two. */
  public static int levels(int rows) {
    int l = 0;
    for (int n = rows; n > 2; n = n - n / 3) {
      l++;
    }
    return l;
  }

  /** The sum of two rows modulo 2^width (one ordinary adder). */
  public static UInt resolve(List<UInt> rows) {
    if (rows.size() == 1) {
      return rows.get(0);
    }
    if (rows.size() != 2) {
      throw new IllegalArgumentException("resolve takes 2 rows, got " + rows.size());
    }
    int w = rows.get(0).width();
    return rows.get(0).add(rows.get(1)).trunc(w);
  }

  /** {@code width} copies of a bit. */
  public static UInt replicate(Bool bit, int width) {
    UInt one = bit.asUInt();
    if (width == 1) {
      return one;
    }
    Data<?>[] rest = new Data<?>[width - 1];
    java.util.Arrays.fill(rest, one);
    return one.cat(rest);
  }
}
