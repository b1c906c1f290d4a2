package io.hardformer.cli.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hardformer.cli.CliRun;
import io.hardformer.cli.ExitCodes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run-model's bad-input messages and exit codes, and its JSON keys. */
class RunModelCommandTest {
  @TempDir Path tmp;

  private static void assertOneLineUsageError(CliRun r, String expected) {
    assertEquals(ExitCodes.USAGE, r.code(), r.err());
    assertEquals("", r.out());
    List<String> lines = r.err().strip().lines().toList();
    assertEquals(1, lines.size(), r.err());
    assertTrue(lines.get(0).contains(expected), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void emptyTextIsOneLineNamingWhichText() {
    assertOneLineUsageError(
        CliRun.of("run-model", "minilm", "--mode", "golden", "--text", "Hi", "--text", "  "),
        "--text #2: the text is empty or only whitespace");
  }

  @Test
  void textLongerThan512PositionsIsOneLineNamingTheFileLine() throws Exception {
    Path file = tmp.resolve("texts.txt");
    Files.writeString(
        file, "# two texts\nHello\n\n" + "word ".repeat(511) + "\n", StandardCharsets.UTF_8);
    assertOneLineUsageError(
        CliRun.of("run-model", "minilm", "--mode", "golden", "--texts", file.toString()),
        file + ":4: the text needs 513 positions");
  }

  @Test
  void unknownModelAndBadOptionsAreUsageErrors() {
    assertOneLineUsageError(
        CliRun.of("run-model", "bert", "--text", "Hi"), "unknown model 'bert'; valid: minilm");
    assertOneLineUsageError(
        CliRun.of("run-model", "minilm", "--text", "Hi", "--array", "16"), "--array: expected RxC");
    assertOneLineUsageError(
        CliRun.of("run-model", "minilm", "--text", "Hi", "--mode", "fast"),
        "--mode: unknown mode 'fast'");
    assertOneLineUsageError(
        CliRun.of("run-model", "minilm", "--text", "Hi", "--format", "e3m4"), "--format:");
    assertOneLineUsageError(
        CliRun.of("run-model", "minilm", "--text", "Hi", "--acc", "bf16"), "--acc:");
    assertOneLineUsageError(CliRun.of("run-model", "minilm"), "no text");
    assertOneLineUsageError(
        CliRun.of("run-model", "minilm", "--texts", tmp.resolve("none.txt").toString()),
        "no such file");
  }

  @Test
  void jsonHasEveryTextsFiguresAndBothEmbeddings() throws Exception {
    CliRun r =
        CliRun.of(
            "run-model",
            "minilm",
            "--mode",
            "golden",
            "--text",
            "Hello world",
            "--text",
            "Thanks!",
            "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode root = new ObjectMapper().readTree(r.out());
    List<String> keys = new ArrayList<>();
    root.fieldNames().forEachRemaining(keys::add);
    assertEquals(
        List.of(
            "model",
            "mode",
            "array",
            "format",
            "acc",
            "clock_ghz",
            "host_arithmetic",
            "texts",
            "summary"),
        keys);
    assertEquals(2, root.get("texts").size());
    JsonNode t = root.get("texts").get(0);
    List<String> textKeys = new ArrayList<>();
    t.fieldNames().forEachRemaining(textKeys::add);
    assertEquals(
        List.of(
            "text",
            "tokens",
            "cosine",
            "int8_cosine",
            "cycles_by_layer",
            "fma_utilization",
            "total_cycles",
            "tokens_per_second",
            "embedding",
            "reference_embedding"),
        textKeys);
    assertEquals(4, t.get("tokens").size());
    assertEquals(384, t.get("embedding").size());
    assertEquals(384, t.get("reference_embedding").size());
    assertEquals(7, t.get("cycles_by_layer").size());
    assertTrue(t.get("cosine").asDouble() > 0.98, t.get("cosine").toString());
    assertTrue(t.get("total_cycles").asLong() > 0);
    assertTrue(root.get("summary").get("top1_agreement").asDouble() >= 0);
  }
}
