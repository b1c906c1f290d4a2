package io.hardformer.testbench.fp8;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hardformer.dsl.Module;
import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.fp8.Fp8Dot;
import io.hardformer.generators.fp8.Fp8Mul;
import io.hardformer.generators.fp8.Fp8Quant;
import io.hardformer.generators.numerics.Fp8Arithmetic;
import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.testbench.Outputs;
import io.hardformer.testbench.Stimulus;
import io.hardformer.testbench.Testbench;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The FP8 units in Verilator, bit-exact against the golden models, with latency measured from the
 * cycle stamps of the results (each result must appear exactly {@code latency} cycles after its
 * input) and initiation interval 1 (a new input every cycle). Cycles with {@code in_valid} low are
 * mixed in.
 */
@Tag("verilator")
class Fp8UnitsTest {
  /**
   * Runs vectors (one per cycle, in_valid high) with random idle cycles between them; checks II and
   * latency.
   */
  private static Outputs runVectors(Testbench tb, int vectors, VectorWriter writer) {
    tb.reset();
    int latency = tb.design().design().top().body().timing().latency();
    Random r = new Random(vectors);
    List<Integer> inputCycles = new ArrayList<>();
    int idle = vectors / 10; // 10% idle cycles: they must not disturb the stream
    int cycles = vectors + idle + latency;
    Stimulus st = tb.stimulus(cycles);
    int v = 0;
    for (int c = 0; c < cycles - latency && v < vectors; c++) {
      if (idle > 0 && r.nextInt(11) == 0 && cycles - latency - c > vectors - v) {
        continue;
      }
      st.set(c, "in_valid", 1);
      writer.write(st, c, v++);
      inputCycles.add(c);
    }
    long start = tb.cycle();
    Outputs out = tb.run(st, "out_valid");
    assertEquals(vectors, out.size(), "one result per valid input");
    for (int k = 0; k < vectors; k++) {
      if (out.cycle(k) != start + inputCycles.get(k) + latency) {
        tb.fail(
            "result "
                + k
                + " appeared in cycle "
                + out.cycle(k)
                + ", input was in cycle "
                + (start + inputCycles.get(k))
                + ": latency "
                + (out.cycle(k) - start - inputCycles.get(k))
                + ", manifest says "
                + latency);
      }
    }
    return out;
  }

  interface VectorWriter {
    void write(Stimulus st, int cycle, int vector);
  }

  // ---- fp8-mul: exhaustive
  // ---------------------------------------------------------------------------

  static Stream<Arguments> mulConfigs() {
    return Stream.of(
        Arguments.of(Fp8Format.E4M3, 2),
        Arguments.of(Fp8Format.E5M2, 2),
        Arguments.of(Fp8Format.E4M3, 1),
        Arguments.of(Fp8Format.E5M2, 3));
  }

  @ParameterizedTest(name = "{0} stages={1}")
  @MethodSource("mulConfigs")
  void multiplierIsExhaustivelyBitExact(Fp8Format f, int stages) {
    try (Testbench tb = Testbench.of(new Fp8Mul(f, stages))) {
      Outputs out =
          runVectors(tb, 65536, (st, c, v) -> st.set(c, "a", v >>> 8).set(c, "b", v & 0xFF));
      for (int v = 0; v < 65536; v++) {
        int expected = Fp8Arithmetic.multiply(f, v >>> 8, v & 0xFF);
        long got = out.getLong(v, "out");
        if (got != Integer.toUnsignedLong(expected)) {
          tb.failAt(
              out.cycle(v),
              String.format(
                  "%s: 0x%02x x 0x%02x: expected 0x%08x, got 0x%08x",
                  f, v >>> 8, v & 0xFF, expected, got));
        }
      }
    }
  }

  // ---- fp8-quant: every class around the grid, plus 1M random
  // ------------------------------------

  static List<Integer> quantVectors(Fp8Format f) {
    List<Integer> v = new ArrayList<>();
    for (int c = 0; c < 256; c++) {
      double x = f.toDouble(c);
      if (Double.isNaN(x) || Double.isInfinite(x)) {
        continue;
      }
      int bits = Float.floatToRawIntBits((float) x);
      for (int d = -2; d <= 2; d++) {
        v.add(bits + d);
      }
      if ((c & 0x7F) < f.maxNormalCode()) {
        double next = f.toDouble(c + 1);
        int mid = Float.floatToRawIntBits((float) ((x + next) / 2));
        for (int d = -1; d <= 1; d++) {
          v.add(mid + d);
        }
      }
    }
    double max = f.toDouble(f.maxNormalCode());
    double ulp = max - f.toDouble(f.maxNormalCode() - 1);
    for (double edge :
        new double[] {max + ulp / 2, -(max + ulp / 2), max + ulp, 1e30, -1e30, 3.4e38}) {
      int b = Float.floatToRawIntBits((float) edge);
      for (int d = -3; d <= 3; d++) {
        v.add(b + d);
      }
    }
    int[] specials = {
      0x00000000,
      0x80000000,
      0x00000001,
      0x80000001,
      0x007FFFFF,
      0x807FFFFF,
      0x00400000,
      0x00800000,
      0x7F800000,
      0xFF800000,
      0x7FC00000,
      0xFFC00000,
      0x7F800001,
      0xFFFFFFFF,
      0x7F7FFFFF,
      0xFF7FFFFF
    };
    for (int s : specials) {
      v.add(s);
    }
    Random r = new Random(f.ordinal() + 11);
    for (int i = 0; i < 1_000_000; i++) {
      v.add(
          i % 2 == 0
              ? r.nextInt()
              : Float.floatToRawIntBits(
                  (float) (r.nextGaussian() * Math.scalb(1.0, r.nextInt(40) - 25))));
    }
    return v;
  }

  static Stream<Arguments> quantConfigs() {
    return Stream.of(
        Arguments.of(Fp8Format.E4M3, true),
        Arguments.of(Fp8Format.E4M3, false),
        Arguments.of(Fp8Format.E5M2, true),
        Arguments.of(Fp8Format.E5M2, false));
  }

  @ParameterizedTest(name = "{0} saturate={1}")
  @MethodSource("quantConfigs")
  void quantizerIsBitExact(Fp8Format f, boolean saturate) {
    List<Integer> vectors = quantVectors(f);
    try (Testbench tb = Testbench.of(new Fp8Quant(f, saturate, 2))) {
      Outputs out =
          runVectors(
              tb,
              vectors.size(),
              (st, c, v) -> st.set(c, "in", Integer.toUnsignedLong(vectors.get(v))));
      for (int k = 0; k < vectors.size(); k++) {
        int in = vectors.get(k);
        int expected = Fp8Arithmetic.quantize(f, in, saturate);
        if (out.getLong(k, "out") != expected) {
          tb.failAt(
              out.cycle(k),
              String.format(
                  "%s saturate=%s: quantize(0x%08x = %s): expected 0x%02x, got 0x%02x",
                  f, saturate, in, Float.intBitsToFloat(in), expected, out.getLong(k, "out")));
        }
      }
    }
  }

  // ---- fp8-dot: 200k vectors per configuration
  // ---------------------------------------------------

  static Stream<Arguments> dotConfigs() {
    List<Arguments> a = new ArrayList<>();
    for (Fp8Format f : Fp8Format.values()) {
      for (int n : new int[] {1, 2, 8, 32}) {
        a.add(Arguments.of(f, n, FloatPacker.FP32, 200_000));
      }
      a.add(Arguments.of(f, 8, FloatPacker.BF16, 100_000));
      a.add(Arguments.of(f, 3, FloatPacker.BF16, 50_000));
    }
    return a.stream();
  }

  /**
   * A mix of random bytes, exact cancellation, tiny (subnormal) and huge magnitudes, and specials.
   */
  static byte[][] dotVector(Fp8Format f, int lanes, Random r) {
    byte[] a = new byte[lanes];
    byte[] b = new byte[lanes];
    int kind = r.nextInt(6);
    for (int i = 0; i < lanes; i++) {
      int x;
      int y;
      switch (kind) {
        case 0: // tiny: subnormals and the smallest normals
          x = r.nextInt(2 << f.mantissaBits()) | (r.nextBoolean() ? 0x80 : 0);
          y = r.nextInt(2 << f.mantissaBits()) | (r.nextBoolean() ? 0x80 : 0);
          break;
        case 1: // huge: the top exponents
          x = (f.maxNormalCode() - r.nextInt(4)) | (r.nextBoolean() ? 0x80 : 0);
          y = (f.maxNormalCode() - r.nextInt(4)) | (r.nextBoolean() ? 0x80 : 0);
          break;
        case 2: // a sprinkle of specials
          x =
              r.nextInt(20) == 0
                  ? (r.nextBoolean() ? f.canonicalNaN() : 0x7C | (r.nextBoolean() ? 0x80 : 0))
                  : r.nextInt(256);
          y = r.nextInt(20) == 0 ? 0 : r.nextInt(256);
          break;
        default: // random finite bytes
          do {
            x = r.nextInt(256);
          } while (f.isNaN(x) || f.isInfinite(x));
          do {
            y = r.nextInt(256);
          } while (f.isNaN(y) || f.isInfinite(y));
      }
      a[i] = (byte) x;
      b[i] = (byte) y;
    }
    if (kind == 3
        && lanes
            >= 2) { // exact cancellation: lane pairs with opposite products, plus one tiny term
      for (int i = 0; i + 1 < lanes; i += 2) {
        a[i + 1] = (byte) (a[i] ^ 0x80);
        b[i + 1] = b[i];
      }
      if (lanes % 2 == 0) {
        a[lanes - 1] = (byte) (r.nextInt(4));
      }
    }
    return new byte[][] {a, b};
  }

  @ParameterizedTest(name = "{0} lanes={1} {2}")
  @MethodSource("dotConfigs")
  void exactDotProductIsBitExact(Fp8Format f, int lanes, FloatPacker outFormat, int vectors) {
    Random r = new Random(lanes * 31L + f.ordinal());
    byte[][][] data = new byte[vectors][][];
    for (int v = 0; v < vectors; v++) {
      data[v] = dotVector(f, lanes, r);
    }
    try (Testbench tb = Testbench.of(new Fp8Dot(f, lanes, outFormat))) {
      Outputs out =
          runVectors(
              tb,
              vectors,
              (st, c, v) -> st.setBytes(c, "a", data[v][0]).setBytes(c, "b", data[v][1]));
      int[] a = new int[lanes];
      int[] b = new int[lanes];
      for (int v = 0; v < vectors; v++) {
        for (int i = 0; i < lanes; i++) {
          a[i] = data[v][0][i] & 0xFF;
          b[i] = data[v][1][i] & 0xFF;
        }
        long expected = Fp8Arithmetic.dot(f, a, b, outFormat.format());
        long got = out.getLong(v, "out");
        if (got != expected) {
          tb.failAt(
              out.cycle(v),
              String.format(
                  "%s lanes=%d %s vector %d a=%s b=%s: expected 0x%x, got 0x%x",
                  f,
                  lanes,
                  outFormat,
                  v,
                  java.util.Arrays.toString(a),
                  java.util.Arrays.toString(b),
                  expected,
                  got));
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Fp8Format.class)
  void manifestsDeclareLatencyAndTop(Fp8Format f) {
    Module m = new Fp8Dot(f, 32, FloatPacker.FP32);
    try (Testbench tb = Testbench.of(m)) {
      String manifest = tb.design().manifest();
      assertEquals(true, manifest.contains("\"top\" : \"fp8_dot\""), manifest);
      assertEquals(true, manifest.contains("\"latency\" : " + Fp8Dot.latency(32)), manifest);
    }
  }
}
