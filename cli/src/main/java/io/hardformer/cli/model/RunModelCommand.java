package io.hardformer.cli.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.hardformer.cli.tile.ProgressBar;
import io.hardformer.generators.array.AccumulationMode;
import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.models.golden.GoldenUnits;
import io.hardformer.models.minilm.MiniLmResult;
import io.hardformer.models.minilm.MiniLmSession;
import io.hardformer.models.minilm.MiniLmTokenizer;
import io.hardformer.models.minilm.MiniLmWeights;
import io.hardformer.models.minilm.RetrievalAgreement;
import io.hardformer.models.minilm.SentenceSet;
import io.hardformer.models.minilm.TextTooLongException;
import io.hardformer.models.rtl.RtlUnits;
import io.hardformer.models.units.TransformerUnits;
import io.hardformer.verilator.Verilator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hardformer run-model minilm}: all-MiniLM-L6-v2 in FP8 on the generated units (rtl) or
 * their golden models (golden), each sentence against the publisher's FP32 model (docs/MODELS.md).
 */
@Command(
    name = "run-model",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Runs a real model in FP8 on the generated units, layer by layer: every matmul on the fma-array, each "
          + "attention head on the attention unit, bias/residual/requantization on the vector unit, LayerNorm and "
          + "GELU on their units. The host only moves data, then mean-pools and L2-normalizes the last layer.",
      "Per sentence: tokens, cosine to the FP32 reference (onnxruntime) and the publisher's INT8 model's cosine, "
          + "cycles per layer by unit, FMA-array utilization, total cycles and tokens/s at the tile clock. With "
          + "several sentences, also the set's mean and minimum cosines and top-1 retrieval agreement."
    },
    footer = {
      "",
      "Examples:",
      "  ./hardformer run-model minilm --mode golden --text Hello",
      "  ./hardformer run-model minilm --mode golden --text Hello --text Thanks --format e5m2 --json",
      "  ./hardformer run-model minilm --texts FILE --array 32x32        # rtl mode: Verilator",
      "",
      "Models: minilm (sentence-transformers all-MiniLM-L6-v2, 6 layers, d 384, 12 heads of 32).",
      "--texts FILE: one text a line; blank lines and lines starting with # are skipped.",
      "Exit codes: 0 ok, 2 bad command line or text (empty, longer than 512 positions, unknown model),",
      "3 Verilator missing in rtl mode (use --mode golden), 70 internal error."
    })
public final class RunModelCommand implements Callable<Integer> {
  /** The tile's clock when its configuration names none (TileConfig's clock-ghz default). */
  public static final double TILE_CLOCK_GHZ = 1.0;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL", description = "The model: minilm.")
  String model;

  @Option(names = "--text", paramLabel = "TEXT", description = "A sentence to embed (repeatable).")
  List<String> texts = new ArrayList<>();

  @Option(names = "--texts", paramLabel = "FILE", description = "A file of sentences, one a line.")
  Path textsFile;

  @Option(
      names = "--mode",
      defaultValue = "rtl",
      description =
          "rtl (generated Verilog in Verilator) or golden (Java golden models); default: ${DEFAULT-VALUE}.")
  String mode;

  @Option(
      names = "--array",
      defaultValue = RtlUnits.DEFAULT_ARRAY,
      paramLabel = "RxC",
      description =
          "FMA array rows x columns, 1..1024 each (default: ${DEFAULT-VALUE}, the fastest rtl array in wall time).")
  String array;

  @Option(
      names = "--format",
      defaultValue = "e4m3",
      description = "e4m3 or e5m2 (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--acc",
      defaultValue = "fp32",
      description = "The array's accumulation: fp32 or exact (default: ${DEFAULT-VALUE}).")
  String acc;

  @Option(
      names = "--json",
      description = "JSON on stdout, with each text's embedding and reference_embedding.")
  boolean json;

  /** A text and where the user gave it. */
  private record Source(String where, String text) {}

  @Override
  public Integer call() throws Exception {
    if (!model.equals("minilm")) {
      throw usage("unknown model '" + model + "'; valid: minilm");
    }
    boolean rtl =
        switch (mode) {
          case "rtl" -> true;
          case "golden" -> false;
          default -> throw usage("--mode: unknown mode '" + mode + "'; valid: rtl, golden");
        };
    ArraySize size = ArraySize.parse(array).orElseThrow(() -> usage(ArraySize.error(array)));
    int rows = size.rows();
    int cols = size.cols();
    Fp8Format f;
    AccumulationMode accumulation;
    try {
      f = Fp8Format.parse(format);
    } catch (IllegalArgumentException e) {
      throw usage("--format: " + e.getMessage());
    }
    try {
      accumulation = AccumulationMode.parse(acc);
    } catch (IllegalArgumentException e) {
      throw usage("--acc: " + e.getMessage());
    }
    List<Source> sources = sources();
    try (MiniLmTokenizer tokenizer = new MiniLmTokenizer()) {
      check(tokenizer, sources);
    }
    if (rtl) {
      Verilator.get(); // a missing Verilator: one line, exit 3
    }
    ProgressBar bar = new ProgressBar(System.err, sources.size() + 1);
    bar.step("loading all-MiniLM-L6-v2 (ONNX weights, FP8 conversion, tokenizer)");
    List<MiniLmResult> results = new ArrayList<>();
    try (TransformerUnits units = units(rtl, rows, cols, f, accumulation);
        MiniLmSession session = new MiniLmSession(f, units)) {
      for (int i = 0; i < sources.size(); i++) {
        bar.step("text " + (i + 1) + "/" + sources.size() + " (" + mode + ")");
        results.add(session.run(sources.get(i).text()));
      }
    }
    bar.finish("done");
    var out = spec.commandLine().getOut();
    if (json) {
      ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      out.println(mapper.writeValueAsString(jsonReport(results, rows, cols)));
    } else {
      out.print(textReport(results, rows, cols));
    }
    out.flush();
    return 0;
  }

  private TransformerUnits units(
      boolean rtl, int rows, int cols, Fp8Format f, AccumulationMode accumulation) {
    if (!rtl) {
      return new GoldenUnits(rows, cols, f, accumulation);
    }
    return new RtlUnits(rows, cols, f, accumulation, MiniLmWeights.HEAD_DIM);
  }

  private List<Source> sources() throws IOException {
    List<Source> out = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      out.add(new Source("--text #" + (i + 1), texts.get(i)));
    }
    if (textsFile != null) {
      String content;
      try {
        content = Files.readString(textsFile, StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        throw usage("--texts " + textsFile + ": no such file");
      }
      for (SentenceSet.Line l : SentenceSet.lines(content)) {
        out.add(new Source(textsFile + ":" + l.number(), l.text()));
      }
      if (out.size() == texts.size()) {
        throw usage(
            "--texts " + textsFile + ": no text in the file (blank and # lines are skipped)");
      }
    }
    if (out.isEmpty()) {
      throw usage("no text: give --text \"...\" (repeatable) or --texts FILE");
    }
    return out;
  }

  /** Every text checked before the first runs: not empty, at most 512 positions. */
  private void check(MiniLmTokenizer tokenizer, List<Source> sources) {
    for (Source s : sources) {
      try {
        tokenizer.ids(s.text());
      } catch (TextTooLongException e) {
        throw usage(s.where() + ": " + e.getMessage() + "; shorten it");
      } catch (IllegalArgumentException e) {
        throw usage(s.where() + ": " + e.getMessage() + "; give a sentence with words");
      }
    }
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  private String clockNote() {
    return String.format(
        Locale.ROOT,
        "%.1f GHz (the tile's default clock-ghz; units run one after another)",
        TILE_CLOCK_GHZ);
  }

  private String textReport(List<MiniLmResult> results, int rows, int cols) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "all-MiniLM-L6-v2 in FP8 %s, %s mode, %dx%d array, accumulation %s%n",
            format,
            mode,
            rows,
            cols,
            acc));
    if (!mode.equals("rtl")) {
      sb.append(
          "golden mode: every unit's Java golden model; cycles from the units' cycle contracts\n");
    }
    sb.append("host arithmetic: mean pooling over the tokens and L2 normalization, nothing else\n");
    for (int i = 0; i < results.size(); i++) {
      MiniLmResult r = results.get(i);
      sb.append(String.format(Locale.ROOT, "%ntext %d: %s%n", i + 1, r.text()));
      sb.append(
          String.format(
              Locale.ROOT, "  tokens (%d): %s%n", r.tokens().length, String.join(" ", r.tokens())));
      sb.append(
          String.format(
              Locale.ROOT,
              "  cosine to FP32 reference: %.6f   (publisher's INT8 model: %.6f)%n",
              r.cosine(),
              r.int8Cosine()));
      sb.append(cycleTable(r));
      sb.append(
          String.format(
              Locale.ROOT,
              "  FMA-array utilization: %.1f %% (%d MACs over %dx%d FMAs x %d array cycles)%n",
              100 * r.fmaUtilization(rows, cols),
              r.macs(),
              rows,
              cols,
              r.arrayCycles()));
      sb.append(
          String.format(
              Locale.ROOT,
              "  total cycles: %d; %.1f tokens/s at %s%n",
              r.totalCycles(),
              r.tokensPerSecond(TILE_CLOCK_GHZ),
              clockNote()));
    }
    if (results.size() > 1) {
      Summary s = Summary.of(results);
      sb.append(
          String.format(
              Locale.ROOT,
              "%n%d texts: cosine to FP32 mean %.6f, min %.6f; INT8 model mean %.6f, min %.6f%n"
                  + "top-1 retrieval agreement with FP32: FP8 %.1f %%, INT8 %.1f %%%n",
              results.size(),
              s.mean(),
              s.min(),
              s.int8Mean(),
              s.int8Min(),
              100 * s.top1(),
              100 * s.int8Top1()));
    }
    return sb.toString();
  }

  private static String cycleTable(MiniLmResult r) {
    List<String> units = List.of("fma-array", "attention", "vector", "layernorm", "gelu");
    StringBuilder sb = new StringBuilder("  cycles     ");
    for (String u : units) {
      sb.append(String.format(Locale.ROOT, "%11s", u));
    }
    sb.append(String.format(Locale.ROOT, "%11s%n", "total"));
    for (Map.Entry<String, Map<String, Long>> e : r.cyclesByLayer().entrySet()) {
      sb.append(String.format(Locale.ROOT, "  %-11s", e.getKey()));
      long total = 0;
      for (String u : units) {
        long c = e.getValue().getOrDefault(u, 0L);
        total += c;
        sb.append(String.format(Locale.ROOT, "%11d", c));
      }
      sb.append(String.format(Locale.ROOT, "%11d%n", total));
    }
    return sb.toString();
  }

  private Map<String, Object> jsonReport(List<MiniLmResult> results, int rows, int cols) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("model", "all-MiniLM-L6-v2");
    root.put("mode", mode);
    root.put("array", rows + "x" + cols);
    root.put("format", format);
    root.put("acc", acc);
    root.put("clock_ghz", TILE_CLOCK_GHZ);
    root.put("host_arithmetic", "mean pooling and L2 normalization");
    List<Object> list = new ArrayList<>();
    for (MiniLmResult r : results) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("text", r.text());
      t.put("tokens", r.tokens());
      t.put("cosine", r.cosine());
      t.put("int8_cosine", r.int8Cosine());
      t.put("cycles_by_layer", r.cyclesByLayer());
      t.put("fma_utilization", r.fmaUtilization(rows, cols));
      t.put("total_cycles", r.totalCycles());
      t.put("tokens_per_second", r.tokensPerSecond(TILE_CLOCK_GHZ));
      t.put("embedding", r.embedding());
      t.put("reference_embedding", r.reference());
      list.add(t);
    }
    root.put("texts", list);
    if (results.size() > 1) {
      Summary s = Summary.of(results);
      Map<String, Object> sum = new LinkedHashMap<>();
      sum.put("texts", results.size());
      sum.put("cosine_mean", s.mean());
      sum.put("cosine_min", s.min());
      sum.put("int8_cosine_mean", s.int8Mean());
      sum.put("int8_cosine_min", s.int8Min());
      sum.put("top1_agreement", s.top1());
      sum.put("int8_top1_agreement", s.int8Top1());
      root.put("summary", sum);
    }
    return root;
  }

  /** The set's figures. */
  private record Summary(
      double mean, double min, double int8Mean, double int8Min, double top1, double int8Top1) {
    static Summary of(List<MiniLmResult> rs) {
      return new Summary(
          rs.stream().mapToDouble(MiniLmResult::cosine).average().orElse(0),
          rs.stream().mapToDouble(MiniLmResult::cosine).min().orElse(0),
          rs.stream().mapToDouble(MiniLmResult::int8Cosine).average().orElse(0),
          rs.stream().mapToDouble(MiniLmResult::int8Cosine).min().orElse(0),
          RetrievalAgreement.top1(
              rs.stream().map(MiniLmResult::embedding).toList(),
              rs.stream().map(MiniLmResult::reference).toList()),
          RetrievalAgreement.top1(
              rs.stream().map(MiniLmResult::int8).toList(),
              rs.stream().map(MiniLmResult::reference).toList()));
    }
  }
}
