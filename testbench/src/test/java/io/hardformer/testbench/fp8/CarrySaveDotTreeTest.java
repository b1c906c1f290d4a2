package io.hardformer.testbench.fp8;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.SInt;
import io.hardformer.dsl.UInt;
import io.hardformer.generators.catalog.LaneUnits;
import io.hardformer.generators.fp8.ExactDotTree;
import io.hardformer.generators.numerics.ExactDot;
import io.hardformer.generators.numerics.Fp8Arithmetic;
import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.testbench.Outputs;
import io.hardformer.testbench.Stimulus;
import io.hardformer.testbench.Testbench;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The carry-save exact dot tree ({@link ExactDotTree#of} with carrySave, {@code attention
 * --pipeline deep}) in Verilator beside the default tree on the same inputs: its sum and flags
 * equal the default tree's bit for bit on every vector (NaN, Inf, Inf x 0, zeros, subnormals, the
 * largest products of one sign in every lane), the sum equals the golden {@link ExactDot} when no
 * product is special and the flags always do; every result appears {@link
 * ExactDotTree#carrySaveLatency} cycles after its input (II 1, idle cycles mixed in). One lane is
 * exhaustive (all 65,536 pairs).
 */
@Tag("verilator")
class CarrySaveDotTreeTest {
  /** Both trees on the same inputs; the shorter one's outputs delayed to the longer's cycle. */
  static final class BothTrees extends Module {
    final Bool inValid = in("in_valid");
    final UInt a;
    final UInt b;
    final int carrySaveLatency;
    final int referenceLatency;

    BothTrees(Fp8Format f, int lanes) {
      a = in("a", 8 * lanes);
      b = in("b", 8 * lanes);
      ExactDotTree ref = instance("reference", new ExactDotTree(f, lanes));
      ExactDotTree cs = instance("carry_save", ExactDotTree.of(f, lanes, true, LaneUnits.BUILT));
      for (ExactDotTree t : List.of(ref, cs)) {
        t.inValid.assign(inValid);
        t.a.assign(a);
        t.b.assign(b);
      }
      carrySaveLatency = cs.latency;
      referenceLatency = ref.latency;
      int latency = Math.max(cs.latency, ref.latency);
      int csLag = latency - cs.latency;
      int refLag = latency - ref.latency;
      SInt sum = out("sum", cs.sum.type());
      sum.assign(delay("sum_d", cs.sum, csLag));
      out("nan").assign(delay("nan_d", cs.nan, csLag));
      out("pos_inf").assign(delay("pos_inf_d", cs.posInf, csLag));
      out("neg_inf").assign(delay("neg_inf_d", cs.negInf, csLag));
      out("out_valid").assign(delay("valid_d", cs.outValid, csLag, false));
      SInt refSum = out("ref_sum", ref.sum.type());
      refSum.assign(delay("ref_sum_d", ref.sum, refLag));
      out("ref_nan").assign(delay("ref_nan_d", ref.nan, refLag));
      out("ref_pos_inf").assign(delay("ref_pos_inf_d", ref.posInf, refLag));
      out("ref_neg_inf").assign(delay("ref_neg_inf_d", ref.negInf, refLag));
      out("ref_valid").assign(delay("ref_valid_d", ref.outValid, refLag, false));
      timing(latency, 1);
    }

    @Override
    public String kindName() {
      return "both_dot_trees";
    }
  }

  static Stream<Arguments> configs() {
    List<Arguments> c = new ArrayList<>();
    for (Fp8Format f : Fp8Format.values()) {
      for (int lanes : new int[] {1, 2, 3, 4, 8, 16}) {
        c.add(Arguments.of(f, lanes));
      }
    }
    return c.stream();
  }

  @ParameterizedTest(name = "{0} lanes={1}")
  @MethodSource("configs")
  void equalsTheDefaultTreeAndTheGoldenAtItsLatency(Fp8Format f, int lanes) {
    List<int[][]> vectors = vectors(f, lanes);
    BothTrees both = new BothTrees(f, lanes);
    assertEquals(ExactDotTree.carrySaveLatency(lanes), both.carrySaveLatency);
    assertTrue(
        both.carrySaveLatency >= both.referenceLatency,
        "out_valid is the carry-save tree's own, undelayed");
    try (Testbench tb = Testbench.of(both)) {
      tb.reset();
      Random r = new Random(lanes);
      int latency = Math.max(both.carrySaveLatency, both.referenceLatency);
      int cycles = vectors.size() + vectors.size() / 10 + latency + 1;
      Stimulus st = tb.stimulus(cycles);
      List<Integer> inputCycles = new ArrayList<>();
      int v = 0;
      for (int c = 0; c < cycles - latency && v < vectors.size(); c++) {
        if (r.nextInt(11) == 0 && cycles - latency - c > vectors.size() - v) {
          continue; // an idle cycle
        }
        st.set(c, "in_valid", 1);
        st.set(c, "a", pack(vectors.get(v)[0]));
        st.set(c, "b", pack(vectors.get(v)[1]));
        inputCycles.add(c);
        v++;
      }
      assertEquals(vectors.size(), v, "every vector fits the stimulus");
      long start = tb.cycle();
      Outputs out = tb.run(st, "out_valid");
      assertEquals(vectors.size(), out.size(), "one result per valid input");
      int width = Fp8Arithmetic.accumulatorBits(f, lanes);
      for (int k = 0; k < vectors.size(); k++) {
        long seen = out.cycle(k) - start - inputCycles.get(k);
        if (seen != both.carrySaveLatency) {
          tb.failAt(
              out.cycle(k),
              "result " + k + ": latency " + seen + ", the tree says " + both.carrySaveLatency);
        }
        int[] a = vectors.get(k)[0];
        int[] b = vectors.get(k)[1];
        String what = f + " " + hex(a) + " . " + hex(b);
        BigInteger sum = out.get(k, "sum");
        for (String flag : new String[] {"nan", "pos_inf", "neg_inf", "valid"}) {
          String mine = flag.equals("valid") ? "out_valid" : flag;
          if (out.getLong(k, mine) != out.getLong(k, "ref_" + flag)) {
            tb.failAt(out.cycle(k), what + ": " + mine + " differs from the default tree's");
          }
        }
        if (!sum.equals(out.get(k, "ref_sum"))) {
          tb.failAt(
              out.cycle(k),
              what
                  + ": sum 0x"
                  + sum.toString(16)
                  + ", default tree 0x"
                  + out.get(k, "ref_sum").toString(16));
        }
        ExactDot golden = ExactDot.of(f, a, b);
        boolean flagsMatch =
            (out.getLong(k, "nan") != 0) == golden.nan()
                && (out.getLong(k, "pos_inf") != 0) == golden.posInf()
                && (out.getLong(k, "neg_inf") != 0) == golden.negInf();
        if (!flagsMatch) {
          tb.failAt(out.cycle(k), what + ": flags differ from the golden " + golden);
        }
        BigInteger signed =
            sum.testBit(width - 1) ? sum.subtract(BigInteger.ONE.shiftLeft(width)) : sum;
        if (!golden.special() && !signed.equals(golden.sum())) {
          tb.failAt(out.cycle(k), what + ": sum " + signed + ", golden " + golden.sum());
        }
      }
    }
  }

  /**
   * One lane: all 65,536 pairs. More lanes: 6,000 random vectors, half of uniform codes, half drawn
   * from the corner codes (zeros, subnormals, the largest normal, NaN, Inf), then every lane at the
   * largest product, positive and negative, and every lane at the smallest.
   */
  static List<int[][]> vectors(Fp8Format f, int lanes) {
    List<int[][]> v = new ArrayList<>();
    if (lanes == 1) {
      for (int x = 0; x < 65536; x++) {
        v.add(new int[][] {{x >>> 8}, {x & 0xFF}});
      }
      return v;
    }
    int max = f.maxNormalCode();
    int[] corners = {
      0x00,
      0x80,
      0x01,
      0x81,
      (1 << f.mantissaBits()) - 1,
      0x80 | ((1 << f.mantissaBits()) - 1),
      1 << f.mantissaBits(),
      max,
      0x80 | max,
      max - 1,
      f.canonicalNaN(),
      0x7F,
      0xFF,
      f.hasInfinities() ? 0x7C : 0x7E,
      f.hasInfinities() ? 0xFC : 0xFE
    };
    Random r = new Random(31L * lanes + f.ordinal());
    for (int k = 0; k < 6000; k++) {
      int[] a = new int[lanes];
      int[] b = new int[lanes];
      for (int i = 0; i < lanes; i++) {
        a[i] = k % 2 == 0 ? r.nextInt(256) : corners[r.nextInt(corners.length)];
        b[i] = k % 2 == 0 ? r.nextInt(256) : corners[r.nextInt(corners.length)];
      }
      v.add(new int[][] {a, b});
    }
    for (int[] pair :
        new int[][] {{max, max}, {max, 0x80 | max}, {0x80 | max, 0x80 | max}, {0x01, 0x81}}) {
      int[] a = new int[lanes];
      int[] b = new int[lanes];
      java.util.Arrays.fill(a, pair[0]);
      java.util.Arrays.fill(b, pair[1]);
      v.add(new int[][] {a, b});
    }
    return v;
  }

  private static BigInteger pack(int[] codes) {
    BigInteger x = BigInteger.ZERO;
    for (int i = codes.length - 1; i >= 0; i--) {
      x = x.shiftLeft(8).or(BigInteger.valueOf(codes[i]));
    }
    return x;
  }

  private static String hex(int[] codes) {
    StringBuilder s = new StringBuilder("[");
    for (int c : codes) {
      s.append(s.length() > 1 ? " " : "").append(String.format("%02x", c));
    }
    return s.append("]").toString();
  }
}
