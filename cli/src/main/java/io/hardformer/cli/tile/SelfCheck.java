package io.hardformer.cli.tile;

import io.hardformer.cli.designs.GeneratedUnit;
import io.hardformer.generators.array.FmaArrayShape;
import io.hardformer.generators.array.MatmulGolden;
import io.hardformer.generators.attention.AttentionGolden;
import io.hardformer.generators.attention.AttentionShape;
import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.numerics.Fp8Arithmetic;
import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.testbench.Lanes;
import io.hardformer.testbench.Outputs;
import io.hardformer.testbench.Stimulus;
import io.hardformer.testbench.Stream;
import io.hardformer.testbench.StreamRun;
import io.hardformer.testbench.Testbench;
import io.hardformer.testbench.TestbenchOptions;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.LongUnaryOperator;

/**
 * A short Verilator run of a generated unit against its golden model, every output compared bit for bit
 * (and {@code out_last} where the unit has it). Stimuli mix random codes with the specials: zeros of both
 * signs, subnormals, max normals, NaN and (E5M2) Inf. fma-array: five matmuls (K = 40, 3, 1, 17, 8);
 * attention: five steps (S = 24, 1, 5, 3, 2; the last two with NaN in q and a NaN/Inf V element); fp8-mul:
 * all 65,536 input pairs; fp8-dot: 2,000 vectors; fp8-quant: every FP8 value and its FP32 neighbours,
 * midpoints, overflow, Inf, NaN and 2,000 random words. A mismatch is a failed unit (a design failure),
 * not an exception; designs without a golden model are reported as such.
 */
final class SelfCheck {
  /** The designs with a golden model. */
  static final Set<String> CHECKED = Set.of("fma-array", "attention", "fp8-mul", "fp8-dot", "fp8-quant");

  /**
   * Applied to every expected value before it is compared (identity in production). Package-private seam
   * through which tests turn a correct unit into a mismatching one.
   */
  static LongUnaryOperator expectedValues = LongUnaryOperator.identity();

  private SelfCheck() {}

  /** The verdict of a unit that is not simulated ({@code why}): skipped, or no golden model when it has none. */
  static UnitCheck notRun(String unit, GeneratedUnit u, String why) {
    return CHECKED.contains(u.design()) ? new UnitCheck(unit, u.design(), UnitCheck.Status.SKIPPED, why) : noGoldenModel(unit, u);
  }

  private static UnitCheck noGoldenModel(String unit, GeneratedUnit u) {
    return new UnitCheck(unit, u.design(), UnitCheck.Status.NO_GOLDEN_MODEL, "not checked: " + u.design() + " has no golden model");
  }

  /** Runs the unit in Verilator against its golden model, or reports that it has none. */
  static UnitCheck run(String unit, GeneratedUnit u) {
    if (!CHECKED.contains(u.design())) {
      return noGoldenModel(unit, u);
    }
    try (Testbench tb = Testbench.of(u.emitted(), TestbenchOptions.defaults())) {
      tb.reset();
      String detail = switch (u.design()) {
        case "fma-array" -> array(tb, (FmaArrayShape) u.shape());
        case "attention" -> attention(tb, (AttentionShape) u.shape());
        case "fp8-mul" -> multiplier(tb, format(u));
        case "fp8-dot" -> dot(tb, format(u), Integer.parseInt(u.parameters().get("lanes")),
            FloatPacker.parse(u.parameters().get("out-format")));
        default -> quantizer(tb, format(u), Boolean.parseBoolean(u.parameters().get("saturate")));
      };
      return new UnitCheck(unit, u.design(), UnitCheck.Status.PASSED, detail);
    } catch (Mismatch m) {
      return new UnitCheck(unit, u.design(), UnitCheck.Status.FAILED, m.getMessage());
    }
  }

  /** A differing output: where, expected, got. */
  private static final class Mismatch extends RuntimeException {
    Mismatch(String message) {
      super(message, null, false, false);
    }
  }

  private static Fp8Format format(GeneratedUnit u) {
    return Fp8Format.parse(u.parameters().get("format"));
  }

  private static void expect(long expected, long got, String where) {
    long e = expectedValues.applyAsLong(expected);
    if (got != e) {
      throw new Mismatch(where + ": expected 0x" + Long.toHexString(e) + ", got 0x" + Long.toHexString(got));
    }
  }

  private static void expectRow(BigInteger row, long[] expected, int width, String where) {
    for (int j = 0; j < expected.length; j++) {
      expect(expected[j], Lanes.element(row, j, width), where + " element " + j);
    }
  }

  /** The specials of a format: +-0, smallest and largest subnormal, +-max normal, NaN, +-Inf (E5M2). */
  static int[] specials(Fp8Format f) {
    int maxSub = (1 << f.mantissaBits()) - 1;
    List<Integer> s = new ArrayList<>(List.of(0x00, 0x80, 0x01, 0x81, maxSub, maxSub | 0x80, f.maxNormalCode(),
        f.maxNormalCode() | 0x80, f.canonicalNaN()));
    if (f.hasInfinities()) {
      s.add(0x7C);
      s.add(0xFC);
    }
    return s.stream().mapToInt(Integer::intValue).toArray();
  }

  /** A random code: one in {@code 1/specialOdds} a special (NaN and Inf only if {@code nonFinite}), else finite. */
  private static int code(Fp8Format f, Random r, int specialOdds, boolean nonFinite) {
    int[] sp = specials(f);
    while (true) {
      int c = r.nextInt(specialOdds) == 0 ? sp[r.nextInt(sp.length)] : r.nextInt(256);
      if (nonFinite || !(f.isNaN(c) || f.isInfinite(c))) {
        return c;
      }
    }
  }

  // ---- fma-array ---------------------------------------------------------------------------------------

  private static String array(Testbench tb, FmaArrayShape s) {
    Random r = new Random(1);
    int[] ks = {40, 3, 1, 17, 8};
    int[][][] xs = new int[ks.length][][];
    int[][][] ws = new int[ks.length][][];
    Stream st = tb.stream().source("in_valid", "in_ready", "x", "w", "in_last").sink("out_valid", null, "out", "out_last");
    for (int m = 0; m < ks.length; m++) {
      xs[m] = new int[s.rows()][ks[m]];
      ws[m] = new int[ks[m]][s.cols()];
      int odds = m < 2 ? 1_000_000 : 6;                  // the first two matmuls finite, the rest with specials
      for (int t = 0; t < ks[m]; t++) {
        int[] xcol = new int[s.rows()];
        for (int i = 0; i < s.rows(); i++) {
          xs[m][i][t] = xcol[i] = code(s.format(), r, odds, m >= 3);
        }
        for (int j = 0; j < s.cols(); j++) {
          ws[m][t][j] = code(s.format(), r, odds, m >= 3);
        }
        st.send(Lanes.pack8(xcol), Lanes.pack8(ws[m][t]), BigInteger.valueOf(t == ks[m] - 1 ? 1 : 0));
      }
    }
    StreamRun run = st.expectOutputs(ks.length * s.rows()).run();
    int w = s.outFormat().width();
    for (int m = 0; m < ks.length; m++) {
      long[][] y = MatmulGolden.multiply(s, xs[m], ws[m]);
      for (int i = 0; i < s.rows(); i++) {
        BigInteger[] out = run.output(m * s.rows() + i);
        expectRow(out[0], y[i], w, "matmul " + m + " (K = " + ks[m] + ") row " + i);
        expect(i == s.rows() - 1 ? 1 : 0, out[1].longValue(), "matmul " + m + " row " + i + " out_last");
      }
    }
    return ks.length + " matmuls (K = 40, 3, 1, 17, 8; zeros, subnormals, max normals, NaN, Inf), "
        + ks.length * s.rows() * s.cols() + " outputs bit-exact, out_last on row " + (s.rows() - 1);
  }

  // ---- attention ---------------------------------------------------------------------------------------

  private static String attention(Testbench tb, AttentionShape s) {
    Fp8Format f = s.format();
    Random r = new Random(2);
    int[] lengths = {24, 1, 5, 3, 2};
    int g = s.qHeads();
    int dim = s.headDim();
    Stream st = tb.stream().source("in_valid", "in_ready", "q", "k", "v", "in_first", "in_last")
        .sink("out_valid", null, "out", "out_last");
    long[][][] expected = new long[lengths.length][][];
    for (int j = 0; j < lengths.length; j++) {
      int odds = j < 2 ? 1_000_000 : 4;                  // steps 2.. mix in zeros, subnormals and max normals
      int[][] q = new int[g][dim];
      int[] qFlat = new int[g * dim];
      for (int h = 0; h < g; h++) {
        for (int d = 0; d < dim; d++) {
          q[h][d] = code(f, r, odds, false) & 0xBF;      // moderate magnitudes (max normals come from k, v)
        }
      }
      int[][] k = new int[lengths[j]][dim];
      int[][] v = new int[lengths[j]][dim];
      for (int t = 0; t < lengths[j]; t++) {
        for (int d = 0; d < dim; d++) {
          k[t][d] = code(f, r, odds, false);
          v[t][d] = code(f, r, odds, false);
        }
      }
      if (j == 3) {
        q[0][r.nextInt(dim)] = f.canonicalNaN();        // NaN in q: head 0 is NaN
      }
      if (j == 4) {
        v[r.nextInt(lengths[j])][r.nextInt(dim)] = f.hasInfinities() ? 0xFC : f.canonicalNaN(); // every head NaN
      }
      for (int h = 0; h < g; h++) {
        System.arraycopy(q[h], 0, qFlat, h * dim, dim);
      }
      for (int t = 0; t < lengths[j]; t++) {
        st.send(Lanes.pack8(qFlat), Lanes.pack8(k[t]), Lanes.pack8(v[t]), BigInteger.valueOf(t == 0 ? 1 : 0),
            BigInteger.valueOf(t == lengths[j] - 1 ? 1 : 0));
      }
      expected[j] = AttentionGolden.step(s, q, k, v);
    }
    StreamRun run = st.expectOutputs(lengths.length * g).run();
    for (int j = 0; j < lengths.length; j++) {
      for (int h = 0; h < g; h++) {
        BigInteger[] out = run.output(j * g + h);
        expectRow(out[0], expected[j][h], s.outFormat().width(), "step " + j + " (S = " + lengths[j] + ") head " + h);
        expect(h == g - 1 ? 1 : 0, out[1].longValue(), "step " + j + " head " + h + " out_last");
      }
    }
    return lengths.length + " steps (S = 24, 1, 5, 3, 2; zeros, subnormals, max normals, NaN in q, "
        + (f.hasInfinities() ? "Inf" : "NaN") + " in V), " + lengths.length * g * dim + " outputs bit-exact, out_last on head "
        + (g - 1);
  }

  // ---- FP8 units: one vector per cycle ---------------------------------------------------------------

  /** Runs {@code n} vectors back to back, one per cycle; results are in input order. */
  private static Outputs vectors(Testbench tb, int n, VectorWriter writer) {
    int latency = tb.design().design().top().body().timing().latency();
    Stimulus st = tb.stimulus(n + latency + 1);
    for (int c = 0; c < n; c++) {
      st.set(c, "in_valid", 1);
      writer.write(st, c);
    }
    Outputs out = tb.run(st, "out_valid");
    if (out.size() != n) {
      throw new Mismatch(n + " inputs gave " + out.size() + " results (out_valid)");
    }
    return out;
  }

  private interface VectorWriter {
    void write(Stimulus st, int vector);
  }

  private static String multiplier(Testbench tb, Fp8Format f) {
    Outputs out = vectors(tb, 65536, (st, v) -> st.set(v, "a", v >>> 8).set(v, "b", v & 0xFF));
    for (int v = 0; v < 65536; v++) {
      expect(Integer.toUnsignedLong(Fp8Arithmetic.multiply(f, v >>> 8, v & 0xFF)), out.getLong(v, "out"),
          String.format("0x%02x x 0x%02x", v >>> 8, v & 0xFF));
    }
    return "all 65,536 input pairs (every special) bit-exact";
  }

  private static String dot(Testbench tb, Fp8Format f, int lanes, FloatPacker outFormat) {
    Random r = new Random(3);
    int n = 2000;
    int[][] a = new int[n][lanes];
    int[][] b = new int[n][lanes];
    for (int v = 0; v < n; v++) {
      int odds = v < n / 2 ? 1_000_000 : 5;              // the second half with specials
      for (int i = 0; i < lanes; i++) {
        a[v][i] = code(f, r, odds, true);
        b[v][i] = code(f, r, odds, true);
      }
    }
    Outputs out = vectors(tb, n, (st, v) -> st.setBytes(v, "a", bytes(a[v])).setBytes(v, "b", bytes(b[v])));
    for (int v = 0; v < n; v++) {
      expect(Fp8Arithmetic.dot(f, a[v], b[v], outFormat.format()), out.getLong(v, "out"), "vector " + v);
    }
    return n + " vectors (half with zeros, subnormals, max normals, NaN" + (f.hasInfinities() ? ", Inf" : "")
        + ") bit-exact";
  }

  private static byte[] bytes(int[] codes) {
    byte[] b = new byte[codes.length];
    for (int i = 0; i < codes.length; i++) {
      b[i] = (byte) codes[i];
    }
    return b;
  }

  private static String quantizer(Testbench tb, Fp8Format f, boolean saturate) {
    List<Integer> in = new ArrayList<>();
    for (int c = 0; c < 256; c++) {
      double x = f.toDouble(c);
      if (Double.isNaN(x) || Double.isInfinite(x)) {
        continue;
      }
      int bits = Float.floatToRawIntBits((float) x);
      for (int d = -1; d <= 1; d++) {
        in.add(bits + d);
      }
      if ((c & 0x7F) < f.maxNormalCode()) {
        in.add(Float.floatToRawIntBits((float) ((x + f.toDouble(c + 1)) / 2)));   // ties
      }
    }
    double max = f.toDouble(f.maxNormalCode());
    for (double x : new double[] {max * 1.0625, -max * 1.0625, max * 2, 3.4e38, Math.scalb(1.0, -140)}) {
      in.add(Float.floatToRawIntBits((float) x));
    }
    for (int s : new int[] {0x00000000, 0x80000000, 0x00000001, 0x807FFFFF, 0x7F800000, 0xFF800000, 0x7FC00000,
        0xFFC00001, 0x7F7FFFFF}) {
      in.add(s);
    }
    Random r = new Random(4);
    for (int i = 0; i < 2000; i++) {
      in.add(r.nextBoolean() ? r.nextInt() : Float.floatToRawIntBits((float) (r.nextGaussian() * max)));
    }
    Outputs out = vectors(tb, in.size(), (st, v) -> st.set(v, "in", Integer.toUnsignedLong(in.get(v))));
    for (int v = 0; v < in.size(); v++) {
      expect(Fp8Arithmetic.quantize(f, in.get(v), saturate), out.getLong(v, "out"),
          String.format("quantize(0x%08x)", in.get(v)));
    }
    return in.size() + " inputs (every FP8 value and its neighbours, ties, overflow, +-0, subnormals, Inf, NaN) bit-exact";
  }
}
