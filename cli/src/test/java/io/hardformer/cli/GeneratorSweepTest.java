package io.hardformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.cli.designs.DesignCatalog;
import io.hardformer.generators.catalog.Generator;
import io.hardformer.generators.catalog.GeneratorCatalog;
import io.hardformer.verilator.Verilator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every built-in generator, over a grid of its parameters, through the real command line: each
 * design is generated and must pass {@code verilator --lint-only -Wall} with no warning. A
 * generator without a grid here (a new one, or the test-only {@code parity}) is swept over the
 * {@code generate} examples of its descriptor, so adding a generator needs nothing in cli; a
 * generator with neither fails the test.
 */
@Tag("verilator")
class GeneratorSweepTest {
  @TempDir Path tmp;

  private static Map<String, List<String[]>> grid() {
    Map<String, List<String[]>> g = new LinkedHashMap<>();
    List<String[]> l;
    g.put("counter", l = new ArrayList<>());
    for (String w : new String[] {"1", "2", "8", "64", "65", "130"}) {
      l.add(new String[] {"--width", w});
    }
    g.put("adder-tree", l = new ArrayList<>());
    for (String w : new String[] {"1", "8", "33"}) {
      for (String d : new String[] {"1", "2", "4"}) {
        l.add(new String[] {"--width", w, "--depth", d});
      }
    }
    g.put("int-mac", l = new ArrayList<>());
    for (String[] wa :
        new String[][] {{"1", "2"}, {"8", "16"}, {"8", "24"}, {"17", "64"}, {"64", "256"}}) {
      l.add(new String[] {"--width", wa[0], "--acc", wa[1]});
    }
    g.put("register-slice", l = new ArrayList<>());
    for (String w : new String[] {"1", "32", "200"}) {
      l.add(new String[] {"--width", w});
    }
    g.put("pipeline", l = new ArrayList<>());
    for (String w : new String[] {"1", "8"}) {
      for (String s : new String[] {"1", "3"}) {
        l.add(new String[] {"--width", w, "--stages", s});
      }
    }
    g.put("fifo", l = new ArrayList<>());
    for (String w : new String[] {"1", "8"}) {
      for (String a : new String[] {"1", "2", "4"}) {
        l.add(new String[] {"--width", w, "--addr-bits", a});
      }
    }
    g.put("fp8-mul", l = new ArrayList<>());
    g.put("fp8-quant", new ArrayList<>());
    g.put("fp8-dot", new ArrayList<>());
    g.put("fma-array", new ArrayList<>());
    g.put("attention", new ArrayList<>());
    for (String design : new String[] {"layernorm", "rmsnorm"}) {
      g.put(design, l = new ArrayList<>());
      for (String[] nl : new String[][] {{"1", "1"}, {"3", "1"}, {"8", "2"}, {"16", "8"}}) {
        for (String f : new String[] {"e4m3", "e5m2"}) {
          l.add(new String[] {"--dim", nl[0], "--lanes", nl[1], "--format", f});
        }
      }
      l.add(new String[] {"--dim", "8192", "--lanes", "4", "--eps", "1"});
      l.add(new String[] {"--dim", "384", "--eps", "1.2e-38"});
    }
    for (String f : new String[] {"e4m3", "e5m2"}) {
      for (String s : new String[] {"1", "2", "3"}) {
        g.get("fp8-mul").add(new String[] {"--format", f, "--stages", s});
      }
      for (String sat : new String[] {"--saturate", "--no-saturate"}) {
        for (String s : new String[] {"1", "2"}) {
          g.get("fp8-quant").add(new String[] {"--format", f, sat, "--stages", s});
        }
      }
      for (String n : new String[] {"1", "2", "3", "5", "8", "16", "33", "64"}) {
        for (String o : new String[] {"fp32", "bf16"}) {
          g.get("fp8-dot")
              .add(new String[] {"--format", f, "--lanes", n, "--acc", "exact", "--out-format", o});
        }
      }
      for (String[] dg : new String[][] {{"1", "1"}, {"2", "3"}, {"5", "2"}}) {
        for (String o : new String[] {"bf16", "fp32"}) {
          g.get("attention")
              .add(
                  new String[] {
                    "--head-dim", dg[0], "--q-heads", dg[1], "--format", f, "--out-format", o
                  });
        }
      }
      for (String[] rc :
          new String[][] {{"1", "1"}, {"1", "4"}, {"3", "1"}, {"2", "5"}, {"7", "3"}}) {
        for (String acc : new String[] {"exact", "fp32"}) {
          for (String o : new String[] {"fp32", "bf16"}) {
            g.get("fma-array")
                .add(
                    new String[] {
                      "--rows",
                      rc[0],
                      "--cols",
                      rc[1],
                      "--format",
                      f,
                      "--acc",
                      acc,
                      "--out-format",
                      o
                    });
          }
        }
      }
    }
    return g;
  }

  /**
   * The options of the descriptor's {@code ./hardformer generate <name> ... --out DIR} examples.
   */
  static List<String[]> examplePoints(Generator<?> g) {
    List<String[]> points = new ArrayList<>();
    String prefix = "./hardformer generate " + g.name();
    for (String example : g.examples()) {
      String line = example.strip();
      if (!line.equals(prefix) && !line.startsWith(prefix + " ")) {
        continue;
      }
      List<String> options = new ArrayList<>();
      String[] words = line.substring(prefix.length()).strip().split("\\s+", -1);
      for (int i = 0; i < words.length; i++) {
        if (words[i].isEmpty()) {
          continue;
        }
        if (words[i].equals("--out")) {
          i++; // the sweep chooses its own folder
        } else if (!words[i].startsWith("--out=")) {
          options.add(words[i]);
        }
      }
      points.add(options.toArray(new String[0]));
    }
    return points;
  }

  @Test
  void everyGeneratorOverItsGridIsLintClean() throws Exception {
    Map<String, List<String[]>> grid = grid();
    for (Generator<?> g : GeneratorCatalog.load().all()) {
      if (!grid.containsKey(g.name())) {
        grid.put(g.name(), examplePoints(g));
      }
    }
    assertEquals(
        new TreeSet<>(DesignCatalog.names()),
        new TreeSet<>(grid.keySet()),
        "every generator in the catalog is swept");
    for (Map.Entry<String, List<String[]>> e : grid.entrySet()) {
      assertTrue(
          !e.getValue().isEmpty(),
          e.getKey() + " has neither a sweep grid nor a generate example in its descriptor");
    }
    assertTrue(
        !grid.get("parity").isEmpty(), "the test-only generator is swept from its own examples");
    List<String> problems = new ArrayList<>();
    int n = 0;
    for (Map.Entry<String, List<String[]>> e : grid.entrySet()) {
      for (String[] options : e.getValue()) {
        Path out = tmp.resolve(e.getKey() + "-" + n++);
        List<String> args = new ArrayList<>(List.of("generate", e.getKey()));
        args.addAll(List.of(options));
        args.addAll(List.of("--out", out.toString()));
        int code = HardformerCommand.execute(args.toArray(new String[0]));
        String label = String.join(" ", args.subList(1, args.size() - 2));
        if (code != 0) {
          problems.add(label + ": exit " + code);
          continue;
        }
        String top =
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.resolve("manifest.json").toFile())
                .get("top")
                .asText();
        List<String> files = Files.readAllLines(out.resolve(top + ".f"));
        for (String w : Verilator.get().lint(out, files, top)) {
          problems.add(label + ": " + w);
        }
      }
    }
    assertTrue(problems.isEmpty(), n + " designs, problems:\n" + String.join("\n", problems));
    System.out.println("[sweep] " + n + " generated designs lint clean");
  }
}
