package io.hardformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every {@code ./hardformer ...} example in the help of every command (their footers, as --help
 * prints them), in README.md's code blocks and in those of every docs/*.md page runs through the
 * CLI in-process and exits 0. Paths in examples are resolved under a temporary folder; the tile
 * examples run with {@code --no-check} (the Verilator self-check has its own test) and {@code
 * team-tile.yaml} is the embedded default tile; the shard folders of {@code explore merge} are
 * paths too. Synopsis lines (with {@code [ ] < > |} or an upper-case placeholder such as DIR or N)
 * are syntax, not examples, and are the only lines not run.
 */
class ExamplesRunTest {
  private static final Set<String> PATH_OPTIONS =
      Set.of("--out", "--report", "--config", "--from-design", "--write");

  @TempDir Path tmp;

  @Test
  void everyExampleInHelpAndReadmeRuns() throws Exception {
    try (InputStream in =
        io.hardformer.cli.tile.TileConfig.class.getResourceAsStream("default-tile.yaml")) {
      Files.write(tmp.resolve("team-tile.yaml"), in.readAllBytes());
    }
    Set<String> examples = new LinkedHashSet<>();
    List<String> helpLines = new ArrayList<>();
    collectFooters(new CommandLine(new HardformerCommand()), helpLines);
    examples.addAll(examplesIn(helpLines));
    int fromHelp = examples.size();
    Path readme = Path.of("..", "README.md");
    List<String> readmeBlocks = codeBlockLines(Files.readAllLines(readme));
    List<String> fromReadme = examplesIn(readmeBlocks);
    examples.addAll(fromReadme);
    for (Path page : docsPages()) {
      examples.addAll(examplesIn(codeBlockLines(Files.readAllLines(page))));
    }
    assertTrue(fromHelp >= 20, "examples found in --help: " + fromHelp);
    assertTrue(fromReadme.size() >= 3, "examples found in README.md: " + fromReadme);
    // the tile's output must exist before 'estimate --from-design out/manifest.json' runs
    List<String> ordered = new ArrayList<>(examples);
    ordered.sort((a, b) -> Boolean.compare(!isTile(args(a)), !isTile(args(b))));
    List<String> failures = new ArrayList<>();
    for (String example : ordered) {
      String[] args = runnable(args(example));
      CliRun r = run(args);
      if (r.code() != ExitCodes.OK) {
        failures.add(
            example
                + "\n    ran as: "
                + String.join(" ", args)
                + "\n    exit "
                + r.code()
                + ": "
                + r.err().strip());
      }
    }
    assertEquals(List.of(), failures, "examples that do not run (" + ordered.size() + " run)");
  }

  @Test
  void synopsisLinesAreToldApartFromExamples() {
    assertTrue(isSynopsis("./hardformer generate <design> [options] --out DIR"));
    assertTrue(
        isSynopsis(
            "./hardformer generate attention --head-dim D --q-heads G --format e4m3|e5m2 --out DIR"));
    assertTrue(
        !isSynopsis("./hardformer estimate --chip sohu-claim   # the chip the claim implies"));
    assertEquals(
        List.of("estimate", "--no-claims"),
        Arrays.asList(args("./hardformer estimate --no-claims  # x")));
  }

  /** The documentation pages README links, in name order. */
  static List<Path> docsPages() throws IOException {
    try (Stream<Path> pages = Files.list(Path.of("..", "docs"))) {
      return pages.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().toList();
    }
  }

  private static void collectFooters(CommandLine cmd, List<String> lines) {
    lines.addAll(Arrays.asList(cmd.getCommandSpec().usageMessage().footer()));
    for (CommandLine sub : cmd.getSubcommands().values()) {
      collectFooters(sub, lines);
    }
  }

  private static List<String> codeBlockLines(List<String> markdown) {
    List<String> out = new ArrayList<>();
    boolean inBlock = false;
    for (String l : markdown) {
      if (l.startsWith("```")) {
        inBlock = !inBlock;
      } else if (inBlock) {
        out.add(l);
      }
    }
    return out;
  }

  private static List<String> examplesIn(List<String> lines) {
    List<String> out = new ArrayList<>();
    for (String l : lines) {
      String s = l.strip();
      if ((s.equals("./hardformer") || s.startsWith("./hardformer ")) && !isSynopsis(s)) {
        out.add(s);
      }
    }
    return out;
  }

  static boolean isSynopsis(String line) {
    String code = line.replaceAll("\\s+#.*$", "");
    for (String t : code.split("\\s+", -1)) {
      if (t.matches(".*[\\[\\]<>|].*") || t.matches("[A-Z][A-Z_]*")) {
        return true;
      }
    }
    return false;
  }

  /** The arguments after ./hardformer, without the trailing comment. */
  static String[] args(String example) {
    String code = example.replaceAll("\\s+#.*$", "").strip();
    String rest = code.substring("./hardformer".length()).strip();
    return rest.isEmpty() ? new String[0] : rest.split("\\s+");
  }

  private static boolean isTile(String[] args) {
    return args.length == 0
        || args[0].startsWith("--") && !args[0].equals("--help") && !args[0].equals("--version");
  }

  /**
   * Paths under the temporary folder; the tile without the Verilator self-check and into tmp/out by
   * default.
   */
  private String[] runnable(String[] args) {
    List<String> a = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      boolean path = i > 0 && PATH_OPTIONS.contains(args[i - 1]) || isMergedFolder(args, i);
      a.add(path ? tmp.resolve(args[i]).toString() : args[i]);
    }
    if (isTile(args)) {
      if (!a.contains("--out")) {
        a.addAll(List.of("--out", tmp.resolve("out").toString()));
      }
      if (!a.contains("--no-check")) {
        a.add("--no-check");
      }
    }
    return a.toArray(new String[0]);
  }

  /** {@code explore merge DIR...}: the shard folders are paths too. */
  private static boolean isMergedFolder(String[] args, int i) {
    return i >= 2
        && args[0].equals("explore")
        && args[1].equals("merge")
        && !args[i].startsWith("-")
        && !PATH_OPTIONS.contains(args[i - 1]);
  }

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }
}
