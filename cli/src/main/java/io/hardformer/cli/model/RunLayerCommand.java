package io.hardformer.cli.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.hardformer.generators.array.AccumulationMode;
import io.hardformer.generators.catalog.BadParameterException;
import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.models.golden.GoldenUnits;
import io.hardformer.models.llama.LayerError;
import io.hardformer.models.llama.LlamaLayerPipeline;
import io.hardformer.models.llama.LlamaLayerShape;
import io.hardformer.models.llama.LlamaLayerWeights;
import io.hardformer.models.llama.LlamaReference;
import io.hardformer.models.rtl.RtlUnits;
import io.hardformer.models.units.CycleLedger;
import io.hardformer.models.units.TransformerUnits;
import io.hardformer.verilator.Verilator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hardformer run-layer llama}: one Llama-3 decoder layer in FP8 on the units' golden models
 * (prefill, then decode steps against the host's KV cache), against a double-precision reference of
 * the same seeded layer (docs/MODELS.md, "run-layer").
 */
@Command(
    name = "run-layer",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs one Llama-3 decoder layer (RMSNorm, Q/K/V with grouped-query attention, RoPE, causal attention, "
          + "output projection, residual, RMSNorm, SwiGLU FFN, residual) in FP8 on the generated units' golden "
          + "models (golden mode) or on the generated units in Verilator (rtl mode, bit-identical), with "
          + "seeded Llama-like weights and inputs: a prefill of --seq tokens, then --decode-steps "
          + "single-token steps against the key/value cache the host keeps.",
      "Prints the layer output's relative error against a double-precision reference (RMS and max, relative "
          + "to the reference's RMS), cycles per unit for the prefill and each decode step, the FMA array's "
          + "utilization and where the time goes."
    },
    footer = {
      "",
      "Examples:",
      "  ./hardformer run-layer llama --d-model 64 --heads 4 --kv-heads 2 --ffn 128 --seq 8 --decode-steps 2",
      "  ./hardformer run-layer llama --d-model 64 --heads 4 --kv-heads 2 --ffn 128 --seq 4 --decode-steps 1 --json",
      "  ./hardformer run-layer llama --d-model 64 --heads 2 --kv-heads 1 --ffn 128 --seq 8 --decode-steps 2 --mode rtl",
      "",
      "Models: llama (a Llama-3 decoder layer; the default size is --d-model 512 --heads 8 --kv-heads 2",
      "--ffn 1408 --seq 64 --decode-steps 8, about 10 s in golden mode).",
      "Exit codes: 0 ok, 2 bad command line (unknown model, shapes that do not divide, sizes out of range),",
      "3 Verilator missing in rtl mode (use --mode golden), 70 internal error."
    })
public final class RunLayerCommand implements Callable<Integer> {

  /** The units in the order the tables list them. */
  private static final List<String> UNITS =
      List.of("fma-array", "attention", "vector", "rmsnorm", "rope", "swiglu");

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL", description = "The layer: llama.")
  String model;

  @Option(
      names = "--d-model",
      defaultValue = "512",
      description = "Model width (default: ${DEFAULT-VALUE}).")
  int dModel;

  @Option(
      names = "--heads",
      defaultValue = "8",
      description = "Query heads (default: ${DEFAULT-VALUE}).")
  int heads;

  @Option(
      names = "--kv-heads",
      defaultValue = "2",
      description = "Key/value heads, dividing --heads (default: ${DEFAULT-VALUE}).")
  int kvHeads;

  @Option(
      names = "--ffn",
      defaultValue = "1408",
      description = "FFN width (default: ${DEFAULT-VALUE}).")
  int ffn;

  @Option(
      names = "--seq",
      defaultValue = "64",
      description = "Prefill tokens (default: ${DEFAULT-VALUE}).")
  int seq;

  @Option(
      names = "--decode-steps",
      defaultValue = "8",
      description = "Single-token decode steps after the prefill (default: ${DEFAULT-VALUE}).")
  int decodeSteps;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of the weights and inputs (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--mode",
      defaultValue = "golden",
      description =
          "golden (Java golden models) or rtl (generated Verilog in Verilator, bit-identical to"
              + " golden); default: ${DEFAULT-VALUE}.")
  String mode;

  @Option(
      names = "--array",
      defaultValue = "16x16",
      paramLabel = "RxC",
      description =
          "FMA array rows x columns, 1..1024 each (default: ${DEFAULT-VALUE}, the default tile's).")
  String array;

  @Option(names = "--json", description = "JSON on stdout.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (!model.equals("llama")) {
      throw usage("unknown model '" + model + "'; valid: llama");
    }
    boolean rtl =
        switch (mode) {
          case "golden" -> false;
          case "rtl" -> true;
          default -> throw usage("--mode: unknown mode '" + mode + "'; valid: golden, rtl");
        };
    ArraySize size = ArraySize.parse(array).orElseThrow(() -> usage(ArraySize.error(array)));
    int rows = size.rows();
    int cols = size.cols();
    LlamaLayerShape shape;
    try {
      shape = new LlamaLayerShape(dModel, heads, kvHeads, ffn, seq, decodeSteps);
    } catch (BadParameterException e) {
      throw usage(e.getMessage());
    }
    if (rtl) {
      Verilator.get(); // a missing Verilator: one line, exit 3
    }
    long start = System.nanoTime();
    LlamaLayerWeights weights = LlamaLayerWeights.random(shape, seed);
    double[][] reference = LlamaReference.run(shape, weights);
    int[][] output;
    CycleLedger ledger;
    try (TransformerUnits units =
        rtl
            ? new RtlUnits(rows, cols, Fp8Format.E4M3, AccumulationMode.FP32, shape.headDim())
            : new GoldenUnits(rows, cols, Fp8Format.E4M3, AccumulationMode.FP32)) {
      output = new LlamaLayerPipeline(shape, weights, Fp8Format.E4M3, units).run(weights.inputs());
      ledger = units.cycles();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    LayerCycles cycles = LayerCycles.of(ledger);
    LayerError error = LayerError.of(output, reference);
    var out = spec.commandLine().getOut();
    if (json) {
      ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      out.println(mapper.writeValueAsString(jsonReport(shape, error, cycles, rows, cols)));
    } else {
      out.print(textReport(shape, error, cycles, rows, cols));
    }
    out.flush();
    spec.commandLine().getErr().printf(Locale.ROOT, "run-layer: %.1f s wall%n", seconds);
    return 0;
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  private String textReport(LlamaLayerShape s, LayerError e, LayerCycles c, int rows, int cols) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "Llama-3 decoder layer in FP8 e4m3, %s mode, %dx%d array, accumulation fp32%n"
                + "d-model %d, %d query heads / %d kv heads of %d, ffn %d, prefill %d tokens, %d decode"
                + " steps, seed %d%n",
            mode,
            rows,
            cols,
            s.dModel(),
            s.heads(),
            s.kvHeads(),
            s.headDim(),
            s.ffn(),
            s.seq(),
            s.decodeSteps(),
            seed));
    sb.append("golden cycles come from the units' cycle contracts\n");
    sb.append(
        String.format(
            Locale.ROOT,
            "relative error of the layer output vs the double reference (all %d positions): RMS %.3e,"
                + " max %.3e (of the reference's RMS)%n",
            s.positions(),
            e.rms(),
            e.max()));
    sb.append(String.format(Locale.ROOT, "%ncycles     "));
    for (String u : UNITS) {
      sb.append(String.format(Locale.ROOT, "%11s", u));
    }
    sb.append(String.format(Locale.ROOT, "%11s%n", "total"));
    for (Map.Entry<String, Map<String, Long>> p : c.byPhase().entrySet()) {
      sb.append(String.format(Locale.ROOT, "%-11s", p.getKey()));
      for (String u : UNITS) {
        sb.append(String.format(Locale.ROOT, "%11d", p.getValue().getOrDefault(u, 0L)));
      }
      sb.append(String.format(Locale.ROOT, "%11d%n", LayerCycles.total(p.getValue())));
    }
    long total = c.total();
    sb.append(String.format(Locale.ROOT, "%nwhere time goes (all phases, %d cycles):%n", total));
    for (String u : UNITS) {
      long t = c.byUnit().getOrDefault(u, 0L);
      sb.append(String.format(Locale.ROOT, "  %-10s %5.1f %%%n", u, 100.0 * t / total));
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "FMA-array utilization: %.1f %% (%d MACs over %dx%d FMAs x %d array cycles); weight"
                + " beats in %.1f %% of the array's cycles; the array works in %.1f %% of all cycles"
                + " (units run one after another)%n",
            100 * utilization(s, c, rows, cols),
            macs(s),
            rows,
            cols,
            c.byUnit().getOrDefault("fma-array", 0L),
            100 * c.arrayBusyFraction(),
            100 * c.arrayBusyOfTotal()));
    return sb.toString();
  }

  private Map<String, Object> jsonReport(
      LlamaLayerShape s, LayerError e, LayerCycles c, int rows, int cols) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("model", "llama");
    root.put("mode", mode);
    root.put("array", rows + "x" + cols);
    root.put("format", "e4m3");
    root.put("acc", "fp32");
    root.put("d_model", s.dModel());
    root.put("heads", s.heads());
    root.put("kv_heads", s.kvHeads());
    root.put("head_dim", s.headDim());
    root.put("ffn", s.ffn());
    root.put("seq", s.seq());
    root.put("decode_steps", s.decodeSteps());
    root.put("seed", seed);
    root.put("relative_error_rms", e.rms());
    root.put("relative_error_max", e.max());
    root.put("cycles_by_phase", c.byPhase());
    root.put("cycles_by_unit", c.byUnit());
    root.put("total_cycles", c.total());
    root.put("macs", macs(s));
    root.put("fma_utilization", utilization(s, c, rows, cols));
    root.put("fma_busy_beat_fraction", c.arrayBusyFraction());
    root.put("fma_busy_of_total", c.arrayBusyOfTotal());
    return root;
  }

  /** Multiply-accumulates of the layer's seven projections over all positions. */
  static long macs(LlamaLayerShape s) {
    long d = s.dModel();
    long kv = (long) s.kvHeads() * s.headDim();
    long perToken = d * (d + 2 * kv) + d * d + 3 * d * s.ffn();
    return perToken * s.positions();
  }

  private static double utilization(LlamaLayerShape s, LayerCycles c, int rows, int cols) {
    long a = c.byUnit().getOrDefault("fma-array", 0L);
    return a == 0 ? 0 : (double) macs(s) / ((double) rows * cols * a);
  }

  /** The ledger grouped by phase ({@code prefill}, {@code decode1}, ...) and unit. */
  private record LayerCycles(
      Map<String, Map<String, Long>> byPhase, Map<String, Long> byUnit, long arrayBusy) {
    static LayerCycles of(CycleLedger ledger) {
      Map<String, Map<String, Long>> byPhase = new LinkedHashMap<>();
      Map<String, Long> byUnit = new LinkedHashMap<>();
      for (String u : UNITS) {
        byUnit.put(u, 0L);
      }
      long busy = 0;
      TreeSet<String> unknown = new TreeSet<>();
      for (CycleLedger.Entry en : ledger.entries()) {
        int dot = en.what().indexOf('.');
        String phase = dot < 0 ? en.what() : en.what().substring(0, dot);
        byPhase
            .computeIfAbsent(phase, k -> new LinkedHashMap<>())
            .merge(en.unit(), en.cycles(), Long::sum);
        byUnit.merge(en.unit(), en.cycles(), Long::sum);
        if (!UNITS.contains(en.unit())) {
          unknown.add(en.unit());
        }
        if (en.unit().equals("fma-array")) {
          busy += en.busyCycles();
        }
      }
      if (!unknown.isEmpty()) {
        throw new IllegalStateException("units missing from run-layer's table: " + unknown);
      }
      return new LayerCycles(byPhase, byUnit, busy);
    }

    static long total(Map<String, Long> cycles) {
      return cycles.values().stream().mapToLong(Long::longValue).sum();
    }

    long total() {
      return total(byUnit);
    }

    double arrayBusyFraction() {
      long a = byUnit.getOrDefault("fma-array", 0L);
      return a == 0 ? 0 : (double) arrayBusy / a;
    }

    double arrayBusyOfTotal() {
      long t = total();
      return t == 0 ? 0 : (double) arrayBusy / t;
    }
  }
}
