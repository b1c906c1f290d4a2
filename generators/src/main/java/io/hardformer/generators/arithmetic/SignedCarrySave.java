package io.hardformer.generators.arithmetic;

import io.hardformer.dsl.SInt;
import io.hardformer.dsl.UInt;
import java.util.ArrayList;
import java.util.List;

/**
 * Carry-save compression of two's complement words of unequal widths, modulo 2^cap: each 3:2
 * compressor (full adders: sum = a ^ b ^ c, carry = majority shifted left by one) works at the
 * widest of its three words, so its sum word is that wide and its carry word one bit wider (capped
 * at {@code cap} bits): a word stands for its sign extension, and above its top bit the sign bits
 * of the inputs give sign bits again. The sum of the words, sign-extended, is unchanged by every
 * level modulo 2^cap, so a total that fits in {@code cap} bits is resolved exactly by one adder of
 * the two words left. Unlike {@link CarrySave} (equal widths), the words stay as narrow as their
 * values allow, so registers between levels hold no copies of sign bits.
 */
public final class SignedCarrySave {
  private SignedCarrySave() {}

  /**
   * One level of 3:2 compressors: words 3k, 3k+1, 3k+2 become a sum and a carry word, in order; the
   * one or two words left over pass through after them.
   */
  public static List<SInt> level(List<SInt> words, int cap) {
    List<SInt> next = new ArrayList<>();
    int i = 0;
    for (; i + 3 <= words.size(); i += 3) {
      int w =
          Math.max(
              words.get(i).width(), Math.max(words.get(i + 1).width(), words.get(i + 2).width()));
      UInt a = words.get(i).sext(w).asUInt();
      UInt b = words.get(i + 1).sext(w).asUInt();
      UInt c = words.get(i + 2).sext(w).asUInt();
      next.add(a.xor(b).xor(c).asSInt());
      UInt majority = a.and(b).or(a.and(c)).or(b.and(c));
      next.add(majority.shl(1).trunc(Math.min(w + 1, cap)).asSInt());
    }
    next.addAll(words.subList(i, words.size()));
    return next;
  }

  /** Words left after one {@link #level} of {@code words} words. */
  public static int wordsAfterLevel(int words) {
    return 2 * (words / 3) + words % 3;
  }

  /** Levels of 3:2 compressors that take {@code words} words to two or fewer. */
  public static int levels(int words) {
    int levels = 0;
    for (int n = words; n > 2; n = wordsAfterLevel(n)) {
      levels++;
    }
    return levels;
  }

  /**
   * The sum of one or two words modulo 2^cap, {@code cap} bits (one ordinary adder, or the word
   * sign-extended).
   */
  public static SInt resolve(List<SInt> words, int cap) {
    if (words.size() == 1) {
      return words.get(0).sext(cap);
    }
    if (words.size() != 2) {
      throw new IllegalArgumentException("resolve takes 1 or 2 words, got " + words.size());
    }
    return words.get(0).sext(cap).add(words.get(1).sext(cap)).trunc(cap);
  }
}
