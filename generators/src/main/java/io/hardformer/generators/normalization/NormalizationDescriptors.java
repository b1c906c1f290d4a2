package io.hardformer.generators.normalization;

import io.hardformer.generators.catalog.BillOfMaterials;
import io.hardformer.generators.catalog.BillOfMaterials.Part;
import io.hardformer.generators.catalog.BillOfMaterials.Replica;
import io.hardformer.generators.catalog.BillOfMaterials.SubModule;
import io.hardformer.generators.catalog.SelfCheckPlan;
import io.hardformer.generators.catalog.SelfCheckPlan.ExpectedBeat;
import io.hardformer.generators.catalog.SelfCheckPlan.ExpectedPort;
import io.hardformer.generators.numerics.Fp8Arithmetic;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What {@code layernorm} and {@code rmsnorm} share in their descriptors: manifest, area,
 * self-check.
 */
final class NormalizationDescriptors {
  private NormalizationDescriptors() {}

  static Map<String, Object> manifest(NormalizationShape s) {
    int beats = s.beatsPerRow();
    int laneLatency = NormalizationUnit.outputLatency(s.centered());
    int gap = 1 + NormalizationUnit.rowGap();
    Map<String, Object> m = new LinkedHashMap<>();
    Map<String, Object> protocol = new LinkedHashMap<>();
    protocol.put(
        "input",
        "valid/ready, L lanes per beat: x, gamma"
            + (s.centered() ? ", beta" : "")
            + " (FP32, element e in bits [32e+31:32e]); each row is sent twice, N/L beats per pass,"
            + " in_last on each pass's last beat: first the statistics pass (x read; gamma"
            + (s.centered() ? ", beta" : "")
            + " ignored), then the output pass (the same x with gamma"
            + (s.centered() ? ", beta" : "")
            + "); in_ready is low after a statistics pass while the statistics are formed");
    protocol.put(
        "output",
        "valid-only, one beat per output-pass beat: y (FP32, bits [32e+31:32e]) and q (FP8 "
            + s.format().cliName()
            + ", saturating RNE of y, bits [8e+7:8e]); out_last on the row's last beat");
    protocol.put(
        "storage", "no row buffer: the row sums A, B, the row exponent and the output scale");
    m.put("protocol", protocol);
    Map<String, Object> cycles = new LinkedHashMap<>();
    cycles.put("beatsPerPass", beats);
    cycles.put("latency", laneLatency);
    cycles.put("latencyMeaning", "output-pass beat accepted to its output beat");
    cycles.put("statisticsGap", gap);
    cycles.put(
        "statisticsGapMeaning",
        "statistics pass's last beat accepted to the output pass's first, in_ready low between");
    cycles.put("initiationInterval", 1);
    cycles.put("rowPeriod", 2 * beats + gap - 1);
    cycles.put(
        "rowPeriodFormula",
        "2 N/L + "
            + (gap - 1)
            + " cycles per row, rows back to back (the next statistics pass"
            + " follows the output pass at once)");
    cycles.put("firstOutputFromLastStatisticsBeat", gap + laneLatency);
    m.put("cycleContract", cycles);
    Map<String, Object> n = new LinkedHashMap<>();
    n.put(
        "statistics",
        "x aligned to the row's largest exponent with 8 guard bits (33-bit X), squares of the"
            + " 24-bit significands (48-bit Q); exact row sums A, B but for truncation when the row"
            + " exponent grows; V = N B 2^16"
            + (s.centered() ? " - A^2 (exact)" : "")
            + "; var = V / N^2, + eps, 1/sqrt by a 48-entry table and 3 Newton steps; 32-bit"
            + " significands, truncating");
    n.put(
        "output",
        "y = round_fp32((("
            + (s.centered() ? "N X - A" : "X")
            + ") x k) x gamma"
            + (s.centered() ? " + beta" : "")
            + ") with 32-bit truncating steps, one RNE rounding to FP32");
    n.put(
        "specials",
        "NaN or Inf x in the statistics pass: the row is NaN; NaN/Inf x, gamma"
            + (s.centered() ? ", beta" : "")
            + " in the output pass: that element is NaN (canonical 0x7FC00000); subnormal inputs"
            + " are exact; results below 2^-126 flush to a signed zero; overflow gives Inf (q"
            + " saturates)");
    n.put(
        "accuracy",
        "|y - y_ref| <= half an FP32 ulp + 2^"
            + NormalizationAccuracy.RELATIVE_LOG2
            + " x rms(y_ref row) against double precision on the same FP32 inputs"
            + (s.centered() ? ", for rows with max|x| <= 2^12 sqrt(var + eps)" : ""));
    m.put("numerics", n);
    m.put(
        "timingAssumption",
        "~1 GHz: per stage one 32-bit shift, one 24x24 or 32x32 multiply, or one add of up to 48"
            + " bits; the lane sums (log2 L adder levels) and the once-per-row statistics products"
            + " (A^2 47x47, V 95-bit subtract) are deeper and are the stages to split first");
    return m;
  }

  /** One lane in place plus L - 1 replicas of its two lane modules: one lane is elaborated. */
  static BillOfMaterials area(NormalizationShape s) {
    NormalizationShape oneLane =
        new NormalizationShape(s.dim(), 1, s.centered(), s.epsBits(), s.format());
    SubModule unit =
        new SubModule(
            s.centered() ? "layernorm" : "rmsnorm", () -> new NormalizationUnit(oneLane), 1);
    List<Part> parts = new ArrayList<>();
    parts.add(Part.of("unitWithOneLane", unit));
    if (s.lanes() > 1) {
      parts.add(
          Part.of(
              "moreLanes",
              new Replica(unit, "stat_lane0", s.lanes() - 1),
              new Replica(unit, "lane0", s.lanes() - 1)));
    }
    return new BillOfMaterials(
        parts,
        "pre-synthesis IR estimate composed from parts (the unit with one lane + L - 1"
            + " statistics and output lanes); the lane sums and beat-max tree of the extra lanes"
            + " are not counted");
  }

  /** Four rows: model-like, finite specials, a NaN row, a constant row; y and q bit-exact. */
  static SelfCheckPlan plan(NormalizationShape s) {
    Random r = new Random(7);
    int n = s.dim();
    int lanes = s.lanes();
    List<BigInteger[]> beats = new ArrayList<>();
    List<ExpectedBeat> expected = new ArrayList<>();
    int[] specials = {0, 0x80000000, 1, 0x807FFFFF, 0x7F7FFFFF, 0xFF7FFFFF};
    for (int row = 0; row < 4; row++) {
      int[] x = NormalizationStimulus.miniLmRow(r, n);
      int[] g = NormalizationStimulus.gamma(r, n);
      int[] b = NormalizationStimulus.beta(r, n);
      if (row == 1) {
        for (int i = 0; i < n; i += 2) {
          x[i] = specials[r.nextInt(specials.length)];
        }
      } else if (row == 2) {
        x[r.nextInt(n)] = 0x7FC00000;
      } else if (row == 3) {
        Arrays.fill(x, 0x3F800000);
      }
      int[] y = NormalizationGolden.row(s, x, g, s.centered() ? b : null);
      for (int pass = 0; pass < 2; pass++) {
        for (int t = 0; t < s.beatsPerRow(); t++) {
          List<BigInteger> beat = new ArrayList<>();
          beat.add(pack32(x, t * lanes, lanes));
          beat.add(pack32(g, t * lanes, lanes));
          if (s.centered()) {
            beat.add(pack32(b, t * lanes, lanes));
          }
          beat.add(BigInteger.valueOf(t == s.beatsPerRow() - 1 ? 1 : 0));
          beats.add(beat.toArray(new BigInteger[0]));
          if (pass == 1) {
            long[] ys = new long[lanes];
            long[] qs = new long[lanes];
            for (int l = 0; l < lanes; l++) {
              ys[l] = Integer.toUnsignedLong(y[t * lanes + l]);
              qs[l] = Fp8Arithmetic.quantize(s.format(), y[t * lanes + l], true);
            }
            String where = "row " + row + " beat " + t;
            expected.add(
                new ExpectedBeat(
                    List.of(
                        new ExpectedPort(where + " y", 32, ys),
                        new ExpectedPort(where + " q", 8, qs),
                        new ExpectedPort(
                            where + " out_last", 0, t == s.beatsPerRow() - 1 ? 1 : 0))));
          }
        }
      }
    }
    List<String> source = new ArrayList<>(List.of("in_valid", "in_ready", "x", "gamma"));
    if (s.centered()) {
      source.add("beta");
    }
    source.add("in_last");
    return new SelfCheckPlan.Streamed(
        source,
        List.of("out_valid", "y", "q", "out_last"),
        beats,
        expected,
        "4 rows of N = "
            + n
            + " (model-like, zeros, subnormals, max normals, a NaN row, a constant"
            + " row), "
            + 4 * n
            + " outputs y and q bit-exact");
  }

  static BigInteger pack32(int[] v, int from, int count) {
    BigInteger w = BigInteger.ZERO;
    for (int e = count - 1; e >= 0; e--) {
      w = w.shiftLeft(32).or(BigInteger.valueOf(Integer.toUnsignedLong(v[from + e])));
    }
    return w;
  }
}
