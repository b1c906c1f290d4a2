package io.hardformer.generators.array;

import io.hardformer.dsl.Module;
import io.hardformer.generators.catalog.BillOfMaterials;
import io.hardformer.generators.catalog.Generator;
import io.hardformer.generators.catalog.MatmulFacts;
import io.hardformer.generators.catalog.Param;
import io.hardformer.generators.catalog.ParameterCheck;
import io.hardformer.generators.catalog.SelfCheckPlan;
import io.hardformer.generators.catalog.SelfCheckPlan.ExpectedBeat;
import io.hardformer.generators.catalog.SelfCheckPlan.ExpectedPort;
import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.fp8.Fp8Stimulus;
import io.hardformer.generators.numerics.Fp8Format;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The {@code fma-array} generator: {@link FmaArray}, its manifest, area bill, matmul facts and
 * self-check.
 */
public final class FmaArrayGenerator implements Generator<FmaArrayGenerator.Parameters> {
  /** The options of {@code fma-array}; {@link #shape} is the design's own parameter object. */
  public record Parameters(
      @Param(description = "R: rows of X and Y, 1..1024.") int rows,
      @Param(description = "C: columns of W and Y, 1..1024.") int cols,
      @Param(description = "e4m3 or e5m2 (OCP OFP8).") String format,
      @Param(
              description =
                  "exact (wide fixed point, rounded once), fp32 (IEEE binary32, RNE after every product, "
                      + "k = 0..K-1) or fixed (B fraction bits below a running maximum exponent, "
                      + "truncated; see --acc-bits, --promote-every).")
          String acc,
      @Param(description = "fp32 or bf16 (default: ${DEFAULT-VALUE}).", defaultValue = "fp32")
          String outFormat,
      @Param(
              description =
                  "exact mode: the largest K the accumulator holds without overflow, 1..16777216 (default: "
                      + "${DEFAULT-VALUE}, every Llama-3 matmul).",
              defaultValue = "65536")
          int maxK,
      @Param(
              description =
                  "L: products per cell and beat, 1, 2, 4, 8 or 16; a beat carries L consecutive k "
                      + "(default: ${DEFAULT-VALUE}).",
              defaultValue = "1")
          int lanes,
      @Param(
              description =
                  "fixed mode: B, fraction bits kept below the running maximum exponent, 1..30 "
                      + "(default: ${DEFAULT-VALUE}, a Hopper-class FP22 accumulator).",
              defaultValue = "13")
          int accBits,
      @Param(
              description =
                  "fixed mode: N, promote the running sum into an FP32 sum (RNE) every N products, "
                      + "a multiple of --lanes; 0: never, round once at the end (default: "
                      + "${DEFAULT-VALUE}).",
              defaultValue = "0")
          int promoteEvery,
      @Param(
              description =
                  "default or deep: deep pipelines the exact cell (products, then alignment shift, "
                      + "then with --lanes > 1 a 3:2 compressor tree, two levels per stage, then a "
                      + "carry-save running sum, one or two full-adder levels per cycle) and resolves "
                      + "and rounds the sum in short stages in the column readout; --acc exact only; "
                      + "same results, more latency and area (default: ${DEFAULT-VALUE}).",
              defaultValue = "default")
          String pipeline,
      @Param(
              description =
                  "wired or registered: registered moves the registers that feed each row's cells "
                      + "into the row (the weight register of the row above, the last skew stage of "
                      + "x, valid and last), so nothing combinational runs from a row's ports and a "
                      + "hierarchical Verilator build computes each row's products once a cycle (1.6x the "
                      + "cycles per CPU second at 64x64); same registers, every output equal on every "
                      + "cycle (default: ${DEFAULT-VALUE}).",
              defaultValue = "wired")
          String rowPorts) {
    public Parameters {
      format = ParameterCheck.choice("--format", format, "e4m3", "e5m2");
      acc = ParameterCheck.choice("--acc", acc, "exact", "fp32", "fixed");
      outFormat = ParameterCheck.choice("--out-format", outFormat, "fp32", "bf16");
      pipeline = ParameterCheck.choice("--pipeline", pipeline, "default", "deep");
      rowPorts = ParameterCheck.choice("--row-ports", rowPorts, "wired", "registered");
      shape(
          rows,
          cols,
          format,
          acc,
          outFormat,
          maxK,
          lanes,
          accBits,
          promoteEvery,
          pipeline,
          rowPorts);
      // the shape checks the sizes (one statement of the ranges)
    }

    /** Today's options: lanes 1, no fixed-mode settings. */
    public Parameters(int rows, int cols, String format, String acc, String outFormat, int maxK) {
      this(rows, cols, format, acc, outFormat, maxK, 1, 13, 0, "default");
    }

    /** Rows wired as today ({@code --row-ports wired}). */
    public Parameters(
        int rows,
        int cols,
        String format,
        String acc,
        String outFormat,
        int maxK,
        int lanes,
        int accBits,
        int promoteEvery,
        String pipeline) {
      this(
          rows,
          cols,
          format,
          acc,
          outFormat,
          maxK,
          lanes,
          accBits,
          promoteEvery,
          pipeline,
          "wired");
    }

    public FmaArrayShape shape() {
      return shape(
          rows,
          cols,
          format,
          acc,
          outFormat,
          maxK,
          lanes,
          accBits,
          promoteEvery,
          pipeline,
          rowPorts);
    }

    private static FmaArrayShape shape(
        int rows,
        int cols,
        String format,
        String acc,
        String outFormat,
        int maxK,
        int lanes,
        int accBits,
        int promoteEvery,
        String pipeline,
        String rowPorts) {
      return new FmaArrayShape(
          rows,
          cols,
          Fp8Format.parse(format),
          AccumulationMode.parse(acc),
          FloatPacker.parse(outFormat),
          maxK,
          lanes,
          accBits,
          promoteEvery,
          CellPipeline.parse(pipeline),
          RowPorts.parse(rowPorts));
    }
  }

  @Override
  public String name() {
    return "fma-array";
  }

  @Override
  public int catalogOrder() {
    return 100;
  }

  @Override
  public Class<Parameters> parameterType() {
    return Parameters.class;
  }

  @Override
  public List<String> description() {
    return List.of(
        "An R x C grid of FP8 multiply-accumulate cells computing Y = X . W for any K set at run time "
            + "(in_last marks the last beat). Each beat carries one row of W (w[8C-1:0]) and one column of X "
            + "(x[8R-1:0]); weights cross the stream once, with no weight buffer. Results leave one row of C values "
            + "per cycle on out[C*W-1:0] with out_valid and out_last, while the next matmul already runs.",
        "Cycles of one matmul: K + R + C + readout latency + 1 (exact figures in manifest.json).");
  }

  @Override
  public List<String> examples() {
    return List.of(
        "./hardformer generate fma-array --rows 16 --cols 16 --format e4m3 --acc fp32 --out build/array",
        "./hardformer generate fma-array --rows 64 --cols 64 --format e5m2 --acc exact --out-format bf16 --out build/a64",
        "./hardformer generate fma-array --rows 4 --cols 4 --format e4m3 --acc fixed --acc-bits 13 "
            + "--promote-every 128 --lanes 4 --out build/fixed",
        "./hardformer generate fma-array --rows 4 --cols 4 --lanes 16 --format e4m3 --acc exact "
            + "--out-format bf16 --pipeline deep --out build/deep",
        "./hardformer generate fma-array --rows 16 --cols 16 --format e4m3 --acc fp32 "
            + "--row-ports registered --out build/rows");
  }

  @Override
  public Module build(Parameters p) {
    return new FmaArray(p.shape());
  }

  @Override
  public Map<String, String> parameterValues(Parameters p) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("rows", String.valueOf(p.rows()));
    m.put("cols", String.valueOf(p.cols()));
    m.put("format", p.format());
    m.put("acc", p.acc());
    m.put("out-format", p.outFormat());
    if (!p.acc().equals("fp32")) {
      m.put("max-k", String.valueOf(p.maxK())); // fp32 accumulation has no K limit
    }
    if (p.lanes() != 1) {
      m.put("lanes", String.valueOf(p.lanes()));
    }
    if (p.acc().equals("fixed")) {
      m.put("acc-bits", String.valueOf(p.accBits()));
      m.put("promote-every", String.valueOf(p.promoteEvery()));
    }
    if (p.pipeline().equals("deep")) {
      m.put("pipeline", p.pipeline());
    }
    if (p.rowPorts().equals("registered")) {
      m.put("row-ports", p.rowPorts());
    }
    return m;
  }

  @Override
  public Map<String, Object> manifest(Parameters p) {
    return FmaArrayManifest.sections(p.shape());
  }

  @Override
  public BillOfMaterials area(Parameters p) {
    return FmaArrayBill.of(p.shape());
  }

  @Override
  public Optional<Long> fmaCount(Parameters p) {
    return Optional.of(p.shape().fmaCount());
  }

  @Override
  public Optional<MatmulFacts> matmul(Parameters p) {
    FmaArrayShape s = p.shape();
    return Optional.of(
        new MatmulFacts(
            s.fmaCount(), s.overhead(), s.cyclesPerMatmul(4096), s.utilization(4096, 1)));
  }

  /**
   * Five matmuls (K = 40, 3, 1, 17, 8) back to back, the last three with specials, against {@link
   * MatmulGolden}.
   */
  @Override
  public Optional<Supplier<SelfCheckPlan>> selfCheck(Parameters p) {
    return Optional.of(() -> plan(p));
  }

  private static SelfCheckPlan plan(Parameters p) {
    FmaArrayShape s = p.shape();
    Random r = new Random(1);
    int[] ks = {40, 3, 1, 17, 8};
    List<BigInteger[]> beats = new ArrayList<>();
    List<ExpectedBeat> expected = new ArrayList<>();
    int w = s.outFormat().width();
    for (int m = 0; m < ks.length; m++) {
      int[][] xs = new int[s.rows()][ks[m]];
      int[][] ws = new int[ks[m]][s.cols()];
      int odds = m < 2 ? 1_000_000 : 6; // the first two matmuls finite, the rest with specials
      for (int t = 0; t < ks[m]; t++) {
        for (int i = 0; i < s.rows(); i++) {
          xs[i][t] = Fp8Stimulus.code(s.format(), r, odds, m >= 3);
        }
        for (int j = 0; j < s.cols(); j++) {
          ws[t][j] = Fp8Stimulus.code(s.format(), r, odds, m >= 3);
        }
      }
      beats.addAll(MatmulBeat.pack(s, xs, ws));
      long[][] y = MatmulGolden.multiply(s, xs, ws);
      for (int i = 0; i < s.rows(); i++) {
        expected.add(
            new ExpectedBeat(
                List.of(
                    new ExpectedPort("matmul " + m + " (K = " + ks[m] + ") row " + i, w, y[i]),
                    new ExpectedPort(
                        "matmul " + m + " row " + i + " out_last", 0, i == s.rows() - 1 ? 1 : 0))));
      }
    }
    return new SelfCheckPlan.Streamed(
        List.of("in_valid", "in_ready", "x", "w", "in_last"),
        List.of("out_valid", "out", "out_last"),
        beats,
        expected,
        ks.length
            + " matmuls (K = 40, 3, 1, 17, 8; zeros, "
            + "subnormals, max normals, NaN, Inf), "
            + ks.length * s.rows() * s.cols()
            + " outputs bit-exact, out_last "
            + "on row "
            + (s.rows() - 1));
  }
}
