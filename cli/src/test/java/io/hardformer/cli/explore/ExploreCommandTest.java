package io.hardformer.cli.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hardformer.cli.CliRun;
import io.hardformer.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code explore fma-array} and {@code explore merge} through the command line: shards merged in
 * any order give the unsharded run's bytes, bad shards and bad options are one line and exit 2,
 * {@code --json} prints one object with the documented keys, and the page marks the Pareto front.
 */
class ExploreCommandTest {
  /** 9 points at K = 256 (a few seconds). */
  private static final String[] SWEEP = {
    "explore", "fma-array", "--acc", "fp32,fixed:13,fixed:13:128", "--lanes", "1,4,16", "--k", "256"
  };

  private static final List<String> POINT_KEYS =
      List.of(
          "index",
          "format",
          "acc",
          "accBits",
          "promoteEvery",
          "lanes",
          "k",
          "rows",
          "cols",
          "options",
          "transistorsPerFma",
          "mm2",
          "registerBits",
          "areaNote",
          "gaussianMaxRelSumAbs",
          "gaussianRmsRelSumAbs",
          "gaussianMaxRelY",
          "gaussianRmsRelY",
          "gaussianOutputs",
          "studentT3MaxRelSumAbs",
          "studentT3RmsRelSumAbs",
          "studentT3MaxRelY",
          "studentT3RmsRelY",
          "studentT3Outputs",
          "cycleFormula",
          "cyclesPerMatmul");

  @TempDir Path tmp;

  @Test
  void shardsMergedInAnyOrderAreByteIdenticalToTheUnshardedRun() throws Exception {
    Path whole = tmp.resolve("whole");
    assertEquals(ExitCodes.OK, run(SWEEP, "--out", whole.toString()).code());
    List<String> shards = new ArrayList<>(List.of("explore", "merge"));
    for (int i : new int[] {3, 1, 2}) {
      Path s = tmp.resolve("s" + i);
      CliRun r = run(SWEEP, "--shard", i + "/3", "--out", s.toString());
      assertEquals(ExitCodes.OK, r.code(), r.err());
      assertEquals(3, Files.readAllLines(s.resolve("points.jsonl")).size(), "9 points / 3");
      assertFalse(Files.exists(s.resolve("index.html")), "a shard has no page");
      shards.add(s.toString());
    }
    Path merged = tmp.resolve("merged");
    shards.addAll(List.of("--out", merged.toString()));
    CliRun m = CliRun.of(shards.toArray(new String[0]));
    assertEquals(ExitCodes.OK, m.code(), m.err());
    for (String f : new String[] {"points.jsonl", "index.html", "sweep.json"}) {
      assertArrayEquals(
          Files.readAllBytes(whole.resolve(f)), Files.readAllBytes(merged.resolve(f)), f);
    }
    assertEquals(9, Files.readAllLines(whole.resolve("points.jsonl")).size());
    // a rerun writes the same bytes
    Path again = tmp.resolve("again");
    assertEquals(ExitCodes.OK, run(SWEEP, "--out", again.toString()).code());
    for (String f : new String[] {"points.jsonl", "index.html"}) {
      assertArrayEquals(
          Files.readAllBytes(whole.resolve(f)), Files.readAllBytes(again.resolve(f)), f);
    }
  }

  @Test
  void mergeRefusesMismatchedOverlappingAndMissingShards() {
    String s1 = shard("1/3", "256").toString();
    String s2 = shard("2/3", "256").toString();
    String s3 = shard("3/3", "256").toString();
    String other = shard("3/3", "128").toString();
    String half = shard("1/2", "256").toString();
    String out = tmp.resolve("m").toString();
    refused("both shard 1/3", "explore", "merge", s1, s2, s1, s3, "--out", out);
    refused("shard 3/3 missing", "explore", "merge", s1, s2, "--out", out);
    refused("from another sweep", "explore", "merge", s1, s2, other, "--out", out);
    refused("k 256 vs 128", "explore", "merge", s1, s2, other, "--out", out);
    refused("is shard 1/2 but", "explore", "merge", s1, half, "--out", out);
    refused("not an explore folder", "explore", "merge", tmp.toString(), "--out", out);
    assertFalse(Files.exists(tmp.resolve("m").resolve("points.jsonl")), "nothing written");
  }

  @Test
  void badOptionsAreOneLineNamingTheOptionWithExit2() throws Exception {
    Path file = tmp.resolve("a-file");
    Files.writeString(file, "x");
    String out = tmp.resolve("o").toString();
    refused("option '--formats'", "explore", "fma-array", "--formats", "e3m4", "--out", out);
    refused("option '--acc'", "explore", "fma-array", "--acc", "fp16", "--out", out);
    refused(
        "option '--lanes': 3 is not one of",
        "explore",
        "fma-array",
        "--lanes",
        "1,3",
        "--out",
        out);
    refused("option '--lanes'", "explore", "fma-array", "--lanes", "4,4", "--out", out);
    refused("option '--shard'", "explore", "fma-array", "--shard", "4/3", "--out", out);
    refused("option '--shard'", "explore", "fma-array", "--shard", "0/3", "--out", out);
    refused("option '--k'", "explore", "fma-array", "--k", "0", "--out", out);
    refused("--rows", "explore", "fma-array", "--rows", "0", "--out", out);
    refused(
        "not a multiple of --lanes 16",
        "explore",
        "fma-array",
        "--acc",
        "fixed:13:24",
        "--lanes",
        "1,16",
        "--out",
        out);
    refused("option '--out' must be a folder", "explore", "fma-array", "--out", file.toString());
    refused("option '--out' must be a folder", "explore", "merge", out, "--out", file.toString());
    refused("missing command", "explore");
  }

  @Test
  void jsonIsOneObjectWithPointsAndTheParetoFront() throws Exception {
    CliRun r =
        CliRun.of(
            "explore",
            "fma-array",
            "--acc",
            "fp32,exact,fixed:13",
            "--lanes",
            "1,2,16",
            "--k",
            "128",
            "--json",
            "--out",
            tmp.resolve("j").toString());
    assertEquals(ExitCodes.OK, r.code(), r.err());
    JsonNode o = new ObjectMapper().readTree(r.out()); // the whole of stdout is one object
    assertEquals(List.of("sweep", "shard", "points", "pareto"), keys(o));
    assertEquals("1/1", o.get("shard").asText());
    assertEquals(9, o.get("points").size());
    List<String> lines = Files.readAllLines(tmp.resolve("j").resolve("points.jsonl"));
    for (int i = 0; i < 9; i++) {
      JsonNode p = o.get("points").get(i);
      assertEquals(POINT_KEYS, keys(p));
      assertEquals(i, p.get("index").asInt());
      assertEquals(
          new ObjectMapper().readTree(lines.get(i)), p, "stdout point = points.jsonl line");
      assertEquals(p.get("transistorsPerFma").isNull(), p.get("areaNote").isTextual());
    }
    // every lane count has a synthesized cell in the unit table (lanes 2 included)
    JsonNode lanes2 = o.get("points").get(1);
    assertTrue(lanes2.get("transistorsPerFma").isNumber(), lanes2.toString());
    List<Integer> pareto = new ArrayList<>();
    o.get("pareto").forEach(n -> pareto.add(n.asInt()));
    List<ExplorePoint> points = new ArrayList<>();
    o.get("points").forEach(n -> points.add(ExplorePoint.fromJson(n)));
    assertEquals(ParetoFront.ofPoints(points), pareto);
    assertFalse(pareto.isEmpty());
  }

  @Test
  void thePageMarksExactlyTheParetoFront() throws Exception {
    Path dir = tmp.resolve("page");
    assertEquals(ExitCodes.OK, run(SWEEP, "--out", dir.toString()).code());
    List<ExplorePoint> points = new ArrayList<>();
    for (String l : Files.readAllLines(dir.resolve("points.jsonl"))) {
      points.add(ExplorePoint.fromJson(new ObjectMapper().readTree(l)));
    }
    List<Integer> front = ParetoFront.ofPoints(points);
    String html = Files.readString(dir.resolve("index.html"));
    Matcher m =
        Pattern.compile("<tr class=\"(front|dominated|unpriced)\"><td>(\\d+)</td>").matcher(html);
    List<Integer> marked = new ArrayList<>();
    int rows = 0;
    while (m.find()) {
      rows++;
      if (m.group(1).equals("front")) {
        marked.add(Integer.parseInt(m.group(2)));
      }
    }
    assertEquals(points.size(), rows);
    assertEquals(front.stream().sorted().toList(), marked);
    assertTrue(html.contains("Pareto front (" + front.size() + ")"), "legend counts the front");
    assertTrue(
        html.contains("dominated (" + (points.size() - front.size()) + ")"),
        "legend counts the dominated points (all 9 priced)");
  }

  private Path shard(String spec, String k) {
    Path p = tmp.resolve("shard-" + spec.replace('/', '-') + "-k" + k);
    CliRun r =
        CliRun.of(
            "explore",
            "fma-array",
            "--acc",
            "fp32,fixed:13",
            "--lanes",
            "1,4",
            "--k",
            k,
            "--shard",
            spec,
            "--out",
            p.toString());
    assertEquals(ExitCodes.OK, r.code(), r.err());
    return p;
  }

  private static void refused(String expected, String... args) {
    CliRun r = CliRun.of(args);
    assertEquals(ExitCodes.USAGE, r.code(), String.join(" ", args) + ": " + r.err());
    assertEquals("", r.out(), "nothing on stdout");
    String err = r.err().strip();
    assertEquals(1, err.lines().count(), "one line: " + err);
    assertTrue(err.contains(expected), "'" + expected + "' in: " + err);
  }

  private static CliRun run(String[] sweep, String... more) {
    List<String> a = new ArrayList<>(List.of(sweep));
    a.addAll(List.of(more));
    return CliRun.of(a.toArray(new String[0]));
  }

  private static List<String> keys(JsonNode n) {
    List<String> k = new ArrayList<>();
    for (Iterator<String> i = n.fieldNames(); i.hasNext(); ) {
      k.add(i.next());
    }
    return k;
  }
}
