package io.hardformer.bench;

/**
 * Entry point: {@code bench/run harness | fp8 | array | attention | rtl-speed | elaborate | fresh |
 * accuracy [pareto] | sim-backends [cycles] [designs] | verilator-scale [16x16 32x32 64x64
 * attention] [--cycles N] [--profile P] [--row-ports wired|registered] [--folded] | fold-view ROWS
 * COLS DIR [ACC] [ROW_PORTS] [SPLIT_FROM]}. Prints Markdown tables.
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    String which = args.length > 0 ? args[0] : "harness";
    switch (which) {
      case "harness":
        HarnessBenchmark.run();
        break;
      case "fp8":
        Fp8Benchmark.run();
        break;
      case "attention":
        AttentionBenchmark.run(args);
        break;
      case "array":
        FmaArrayBenchmark.run(args);
        break;
      case "rtl-speed":
        RtlModelSpeedBenchmark.run(args);
        break;
      case "elaborate":
        ElaborationBenchmark.run(args);
        break;
      case "fresh":
        FreshJvmElaboration.run(args);
        break;
      case "accuracy":
        AccumulatorStudy.run(args);
        break;
      case "sim-backends":
        SimulationBackendBenchmark.run(args);
        break;
      case "verilator-scale":
        VerilatorScaleBenchmark.run(args);
        break;
      case "fold-view":
        FoldedViewWriter.run(args);
        break;
      case "elaborate-once":
        FreshJvmElaboration.once(args);
        break;
      default:
        System.err.println(
            "unknown benchmark '"
                + which
                + "'; valid: harness, fp8, array, attention, rtl-speed, elaborate, fresh, accuracy,"
                + " sim-backends, verilator-scale, fold-view");
        System.exit(2);
    }
  }
}
