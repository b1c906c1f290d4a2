package io.hardformer.bench;

import io.hardformer.generators.array.AccumulationMode;
import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.models.rtl.MatmulTiling;
import io.hardformer.models.rtl.RtlUnits;
import io.hardformer.models.units.CycleLedger;
import io.hardformer.testbench.Lanes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Issue 14's speed of {@code rtl} mode: for each fma-array shape (E4M3, FP32 accumulation) and the
 * attention unit (D = 32, G = 1), the Verilator model's build time into an empty model cache (cold;
 * ccache as the machine has it, {@code CCACHE_DISABLE=1} for truly cold) and its fetch from the
 * cache (warm), then the wall time and simulated cycles/s of one all-MiniLM-L6-v2 layer for a
 * 16-token sentence through {@link RtlUnits} (its six matmuls, or its twelve heads), and the
 * sentence's six layers projected from it. The array with the smallest projected wall time is the
 * default to choose. {@code bench/run rtl-speed [tokens] [shapes...]}, shapes as RxC.
 */
final class RtlModelSpeedBenchmark {
  private RtlModelSpeedBenchmark() {}

  /** MiniLM's matmuls per layer, K x N: Q, K, V, O, FFN up, FFN down. */
  static final int[][] LAYER_MATMULS = {
    {384, 384}, {384, 384}, {384, 384}, {384, 384}, {384, 1536}, {1536, 384}
  };

  static final int LAYERS = 6;
  static final int HEADS = 12;
  static final int HEAD_DIM = 32;

  static void run(String[] args) throws IOException {
    int tokens = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    List<int[]> shapes =
        args.length > 2
            ? Stream.of(args).skip(2).map(RtlModelSpeedBenchmark::shape).toList()
            : List.of(new int[] {8, 8}, new int[] {16, 16}, new int[] {16, 64}, new int[] {32, 32});
    Path scratch = Files.createTempDirectory("hardformer-rtl-speed-");
    String before = System.getProperty("hardformer.cache");
    System.setProperty("hardformer.cache", scratch.toString());
    try {
      System.out.println(
          "| unit | cold build | warm fetch | beats Σ K·⌈N/C⌉·⌈T/R⌉, 6 layers | cycles, one layer"
              + " | wall, one layer | simulated cycles/s | cycles, 6 layers | projected wall, 6 layers |");
      System.out.println("|---|---|---|---|---|---|---|---|---|");
      double attentionSeconds = attention(tokens);
      double best = Double.MAX_VALUE;
      String bestName = "";
      for (int[] s : shapes) {
        double seconds;
        try {
          seconds = array(s[0], s[1], tokens);
        } catch (RuntimeException e) {
          // a model that cannot be built here (Verilator's time limit) is a row of the table
          System.out.printf(
              "| fma-array %dx%d E4M3, FP32 acc | not built: %s |%n",
              s[0], s[1], String.valueOf(e.getMessage()).split(": /", -1)[0]);
          continue;
        }
        if (seconds < best) {
          best = seconds;
          bestName = s[0] + "x" + s[1];
        }
      }
      System.out.printf(
          "%nfastest array for a %d-token sentence: %s, %.1f s of matmuls + %.1f s of attention%n",
          tokens, bestName, best, attentionSeconds);
    } finally {
      if (before == null) {
        System.clearProperty("hardformer.cache");
      } else {
        System.setProperty("hardformer.cache", before);
      }
      deleteTree(scratch);
    }
  }

  /** One layer's matmuls on an R x C array; returns the projected wall seconds of six layers. */
  private static double array(int rows, int cols, int tokens) {
    Random r = new Random(rows * 100L + cols);
    long cold;
    long warm;
    try (RtlUnits units =
        new RtlUnits(rows, cols, Fp8Format.E4M3, AccumulationMode.FP32, HEAD_DIM)) {
      long t0 = System.nanoTime();
      units.matmul("build", new int[][] {{0x38}}, new int[][] {{0x38}});
      cold = System.nanoTime() - t0;
    }
    long layerCycles = 0;
    long contract = 0;
    long beats = 0;
    long wall;
    try (RtlUnits units =
        new RtlUnits(rows, cols, Fp8Format.E4M3, AccumulationMode.FP32, HEAD_DIM)) {
      long t0 = System.nanoTime();
      units.matmul("fetch", new int[][] {{0x38}}, new int[][] {{0x38}});
      warm = System.nanoTime() - t0;
      int[][][] xs = new int[LAYER_MATMULS.length][][];
      int[][][] ws = new int[LAYER_MATMULS.length][][];
      for (int m = 0; m < LAYER_MATMULS.length; m++) {
        xs[m] = codes(r, tokens, LAYER_MATMULS[m][0]);
        ws[m] = codes(r, LAYER_MATMULS[m][0], LAYER_MATMULS[m][1]);
        MatmulTiling tiling =
            new MatmulTiling(rows, cols, tokens, LAYER_MATMULS[m][0], LAYER_MATMULS[m][1]);
        contract += tiling.contractCycles(units.arrayShape());
        beats += tiling.beats();
      }
      long t1 = System.nanoTime();
      for (int m = 0; m < LAYER_MATMULS.length; m++) {
        units.matmul("layer0.m" + m, xs[m], ws[m]);
      }
      wall = System.nanoTime() - t1;
      List<CycleLedger.Entry> e = units.cycles().entries();
      for (int m = 1; m < e.size(); m++) {
        layerCycles += e.get(m).cycles();
      }
    }
    if (layerCycles != contract) {
      throw new IllegalStateException(
          "measured " + layerCycles + " cycles, the array's contract says " + contract);
    }
    double seconds = wall / 1e9;
    long packing = packing(rows, cols, tokens);
    System.err.printf(
        "fma-array %dx%d: packing one layer's beats (Lanes.pack8, no simulation): %s of %.2f s%n",
        rows, cols, HarnessBenchmark.ms(packing), seconds);
    System.out.printf(
        "| fma-array %dx%d E4M3, FP32 acc | %s | %s | %,d | %,d | %.2f s | %s | %,d | %.1f s |%n",
        rows,
        cols,
        HarnessBenchmark.ms(cold),
        HarnessBenchmark.ms(warm),
        beats * LAYERS,
        layerCycles,
        seconds,
        HarnessBenchmark.rate(layerCycles / seconds),
        layerCycles * LAYERS,
        seconds * LAYERS);
    return seconds * LAYERS;
  }

  /**
   * The Java side's share: packing the beats of one layer's tiles into port values as the array
   * runner does (X column and W row of each beat), without simulating; nanoseconds.
   */
  private static long packing(int rows, int cols, int tokens) {
    Random r = new Random(1);
    int[] xcol = new int[rows];
    int[] wrow = new int[cols];
    long bits = 0;
    long t0 = System.nanoTime();
    for (int[] mm : LAYER_MATMULS) {
      MatmulTiling tiling = new MatmulTiling(rows, cols, tokens, mm[0], mm[1]);
      for (long b = 0; b < tiling.beats(); b++) {
        xcol[(int) (b % rows)] = r.nextInt(256);
        wrow[(int) (b % cols)] = r.nextInt(256);
        bits += Lanes.pack8(xcol).bitLength() + Lanes.pack8(wrow).bitLength();
      }
    }
    long t = System.nanoTime() - t0;
    return bits < 0 ? -t : t;
  }

  /** One layer's heads (every query over every key); returns the projected seconds of six. */
  private static double attention(int tokens) {
    Random r = new Random(32);
    long cold;
    long warm;
    int[][] one = codes(r, 1, HEAD_DIM);
    try (RtlUnits units = new RtlUnits(1, 1, Fp8Format.E4M3, AccumulationMode.FP32, HEAD_DIM)) {
      long t0 = System.nanoTime();
      units.attention("build", one, one, one, new int[] {1});
      cold = System.nanoTime() - t0;
    }
    long cycles = 0;
    long wall;
    try (RtlUnits units = new RtlUnits(1, 1, Fp8Format.E4M3, AccumulationMode.FP32, HEAD_DIM)) {
      long t0 = System.nanoTime();
      units.attention("fetch", one, one, one, new int[] {1});
      warm = System.nanoTime() - t0;
      int[] keys = new int[tokens];
      java.util.Arrays.fill(keys, tokens);
      int[][][][] qkv = new int[HEADS][3][][];
      for (int h = 0; h < HEADS; h++) {
        for (int i = 0; i < 3; i++) {
          qkv[h][i] = bounded(r, tokens, HEAD_DIM);
        }
      }
      long t1 = System.nanoTime();
      for (int h = 0; h < HEADS; h++) {
        units.attention("layer0.head" + h, qkv[h][0], qkv[h][1], qkv[h][2], keys);
      }
      wall = System.nanoTime() - t1;
      List<CycleLedger.Entry> e = units.cycles().entries();
      for (int m = 1; m < e.size(); m++) {
        cycles += e.get(m).cycles();
      }
    }
    double seconds = wall / 1e9;
    System.out.printf(
        "| attention D=%d G=1 E4M3, FP32 out (%d heads) | %s | %s | - | %,d | %.2f s | %s | %,d | %.1f"
            + " s |%n",
        HEAD_DIM,
        HEADS,
        HarnessBenchmark.ms(cold),
        HarnessBenchmark.ms(warm),
        cycles,
        seconds,
        HarnessBenchmark.rate(cycles / seconds),
        cycles * LAYERS,
        seconds * LAYERS);
    return seconds * LAYERS;
  }

  private static int[] shape(String s) {
    String[] p = s.toLowerCase(java.util.Locale.ROOT).split("x", -1);
    return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1])};
  }

  /** Finite E4M3 codes. */
  private static int[][] codes(Random r, int rows, int cols) {
    int[][] m = new int[rows][cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        int c;
        do {
          c = r.nextInt(256);
        } while ((c & 0x7F) == 0x7F);
        m[i][j] = c;
      }
    }
    return m;
  }

  /** E4M3 codes of magnitude at most 8, as attention scores of a trained model are. */
  private static int[][] bounded(Random r, int rows, int cols) {
    int[][] m = new int[rows][cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        m[i][j] = r.nextInt(0x50) | (r.nextBoolean() ? 0x80 : 0);
      }
    }
    return m;
  }

  static void deleteTree(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
