package io.hardformer.generators.fp8;

import io.hardformer.generators.numerics.Fp8Format;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * FP8 test inputs for self-checks: the specials of a format, random codes that mix them in, and
 * codes packed into a port value (element i in bits [8i+7:8i]).
 */
public final class Fp8Stimulus {
  private Fp8Stimulus() {}

  /**
   * The specials of a format: +-0, smallest and largest subnormal, +-max normal, NaN, +-Inf (E5M2).
   */
  public static int[] specials(Fp8Format f) {
    int maxSub = (1 << f.mantissaBits()) - 1;
    List<Integer> s =
        new ArrayList<>(
            List.of(
                0x00,
                0x80,
                0x01,
                0x81,
                maxSub,
                maxSub | 0x80,
                f.maxNormalCode(),
                f.maxNormalCode() | 0x80,
                f.canonicalNaN()));
    if (f.hasInfinities()) {
      s.add(0x7C);
      s.add(0xFC);
    }
    return s.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * A random code: one in {@code 1/specialOdds} a special (NaN and Inf only if {@code nonFinite}),
   * else finite.
   */
  public static int code(Fp8Format f, Random r, int specialOdds, boolean nonFinite) {
    int[] sp = specials(f);
    while (true) {
      int c = r.nextInt(specialOdds) == 0 ? sp[r.nextInt(sp.length)] : r.nextInt(256);
      if (nonFinite || !(f.isNaN(c) || f.isInfinite(c))) {
        return c;
      }
    }
  }

  /** Codes as one port value, element 0 in the low byte. */
  public static BigInteger pack8(int[] codes) {
    byte[] be = new byte[codes.length + 1];
    for (int i = 0; i < codes.length; i++) {
      be[codes.length - i] = (byte) codes[i];
    }
    return new BigInteger(be);
  }
}
