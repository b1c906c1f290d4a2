package io.hardformer.cli.tile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hardformer.cli.CliRun;
import io.hardformer.cli.designs.DesignCatalog;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.UInt;
import io.hardformer.dsl.elaborate.Elaborator;
import io.hardformer.generators.catalog.Generator;
import io.hardformer.rtl.EmitOptions;
import io.hardformer.rtl.EmittedDesign;
import io.hardformer.rtl.EmittedPart;
import io.hardformer.rtl.VerilogEmitter;
import io.hardformer.verilator.DesignGates;
import io.hardformer.verilator.Verilator;
import io.hardformer.verilator.tools.Icarus;
import io.hardformer.verilator.tools.Yosys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tile is one design: {@code tile_top} over every unit, each Verilog module defined once under
 * a design-wide name, one filelist, accepted by Verilator, Yosys and Icarus as a whole, and the
 * same bytes run to run.
 */
@Tag("verilator")
class TileDesignTest {
  private static final Pattern MODULE = Pattern.compile("(?m)^module\\s+(\\w+)");

  @TempDir Path tmp;

  /** A leaf kind built two ways with the same (no) parameters. */
  static final class Leaf extends Module {
    final UInt a = in("a", 4);
    final UInt y = out("y", 4);

    Leaf(boolean invert) {
      y.assign(invert ? a.not() : a);
    }

    @Override
    public String kindName() {
      return "leaf";
    }
  }

  /** A unit holding one leaf. */
  static final class Holder extends Module {
    final UInt a = in("a", 4);
    final UInt y = out("y", 4);

    Holder(boolean invert) {
      Leaf l = instance("l", new Leaf(invert));
      l.a.assign(a);
      y.assign(l.y);
    }

    @Override
    public String kindName() {
      return "holder";
    }
  }

  @Test
  void differentlyBuiltModulesSharingAKindGetDistinctNamesAndIdenticalOnesAreEmittedOnce() {
    // alone, each unit defines a module 'leaf' of its own: two such units cannot be compiled
    // together
    String alone1 =
        VerilogEmitter.emit(new Holder(true), EmitOptions.defaults()).verilog().get("leaf.v");
    String alone2 =
        VerilogEmitter.emit(new Holder(false), EmitOptions.defaults()).verilog().get("leaf.v");
    assertNotEquals(alone1, alone2, "the precondition: the same module name, different bodies");

    EmittedDesign tile =
        VerilogEmitter.emit(
            Elaborator.elaborate(
                new TileTop(
                    List.of(
                        new TileTop.Part("a", new Holder(true)),
                        new TileTop.Part("b", new Holder(false)),
                        new TileTop.Part("c", new Holder(true))))),
            EmitOptions.defaults());
    Map<String, Integer> defined = moduleDefinitions(tile.verilog().values());
    assertEquals(5, defined.size(), "two leaves, two holders and the top: " + defined);
    defined.forEach((m, n) -> assertEquals(1, n, m + " defined once"));
    EmittedPart a = EmittedPart.of(tile, "u_a", "", EmitOptions.defaults());
    EmittedPart b = EmittedPart.of(tile, "u_b", "", EmitOptions.defaults());
    EmittedPart c = EmittedPart.of(tile, "u_c", "", EmitOptions.defaults());
    assertNotEquals(a.top(), b.top());
    assertNotEquals(a.verilogFiles().get(0), b.verilogFiles().get(0), "distinct leaf names");
    assertEquals(a.verilogFiles(), c.verilogFiles(), "identical units share their modules");
    assertTrue(a.top().startsWith("holder") && a.verilogFiles().get(0).startsWith("leaf"), a.top());
    assertEquals(
        List.of("a_a", "a_y", "b_a", "b_y", "c_a", "c_y"),
        tile.ports().stream().map(p -> p.name()).toList(),
        "every unit port brought out, prefixed by the unit's name");
    assertEquals(List.of(), DesignGates.check(tile));
  }

  @Test
  void theDefaultTileIsOneDesignThatVerilatorYosysAndIcarusAccept() throws Exception {
    Path out = tmp.resolve("out");
    CliRun r = CliRun.of("--out", out.toString(), "--no-check");
    assertEquals(0, r.code(), r.err());
    JsonNode m = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    List<String> files = checkOneDesign(out, m);
    String top = m.get("top").asText();
    assertEquals("tile_top", top);
    assertEquals(List.of(), Verilator.get().lint(out, files, top));
    new Yosys().check(out, files, top);
    new Icarus().compile(out, files, top);
    for (JsonNode u : m.get("units")) {
      assertTrue(
          m.get("ports").toString().contains("\"" + u.get("portPrefix").asText() + "in_valid\""),
          u.get("name") + "'s ports are brought out under its prefix: " + m.get("ports"));
    }
  }

  @Test
  void unitsSharingADifferentlyBuiltSubmoduleNameCompileAsOneAndEachUnitAlone() throws Exception {
    Path cfg =
        Files.writeString(
            tmp.resolve("mix.yaml"),
            "name: mix\nunits:\n"
                + "  - {name: mul-4, design: fp8-mul, options: {format: e4m3}}\n"
                + "  - {name: mul-5, design: fp8-mul, options: {format: e5m2}}\n"
                + "  - {name: arr.a, design: fma-array, options: {rows: 2, cols: 2, format: e4m3, acc: fp32}}\n"
                + "  - {name: arr.b, design: fma-array, options: {rows: 2, cols: 3, format: e5m2, acc: exact}}\n"
                + "  - {name: mul-4-again, design: fp8-mul, options: {format: e4m3}}\n");
    Path out = tmp.resolve("mix");
    CliRun r = CliRun.of("--config", cfg.toString(), "--out", out.toString(), "--no-check");
    assertEquals(0, r.code(), r.err());
    JsonNode m = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    List<String> files = checkOneDesign(out, m);
    long unpacks = files.stream().filter(f -> f.startsWith("fp8_unpack")).count();
    assertEquals(2, unpacks, "one fp8_unpack per format, distinctly named: " + files);
    JsonNode units = m.get("units");
    assertEquals(units.get(0).get("top"), units.get(4).get("top"), "identical units, one module");
    assertNotEquals(units.get(0).get("top"), units.get(1).get("top"));
    assertEquals("mul_4_", units.get(0).get("portPrefix").asText());
    assertEquals(List.of(), Verilator.get().lint(out, files, "tile_top"));
    new Yosys().check(out, files, "tile_top");
    new Icarus().compile(out, files, "tile_top");
    for (JsonNode u : units) {
      // each unit alone, from its own filelist over the tile's files
      Path dir = out.resolve(u.get("name").asText());
      JsonNode um = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
      assertEquals(u.get("top"), um.get("top"));
      assertEquals(
          u.get("name").asText() + "/" + um.get("filelist").asText(), u.get("filelist").asText());
      List<String> unitFiles = Files.readAllLines(dir.resolve(um.get("filelist").asText()));
      assertEquals(unitFiles, mapper().convertValue(um.get("files"), List.class));
      assertEquals(
          List.of(), Verilator.get().lint(dir, unitFiles, um.get("top").asText()), u.toString());
    }
  }

  @Test
  void everyCatalogDesignJoinsATileWithoutCodeChanges() throws Exception {
    StringBuilder yaml = new StringBuilder("name: catalog\nunits:\n");
    for (Generator<?> g : DesignCatalog.catalog().all()) {
      yaml.append("  - {design: ").append(g.name()).append(", options: {");
      yaml.append(String.join(", ", firstExampleOptions(g))).append("}}\n");
    }
    Path cfg = Files.writeString(tmp.resolve("catalog.yaml"), yaml.toString());
    Path out = tmp.resolve("catalog");
    CliRun r = CliRun.of("--config", cfg.toString(), "--out", out.toString(), "--no-check");
    assertEquals(0, r.code(), yaml + r.err());
    JsonNode m = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    assertEquals(DesignCatalog.names().size(), m.get("units").size());
    List<String> files = checkOneDesign(out, m);
    assertEquals(List.of(), Verilator.get().lint(out, files, "tile_top"), yaml.toString());
  }

  @Test
  void theTileIsByteIdenticalRunToRun() throws Exception {
    Path one = tmp.resolve("one");
    Path two = tmp.resolve("two");
    assertEquals(0, CliRun.of("--out", one.toString(), "--no-check").code());
    assertEquals(0, CliRun.of("--out", two.toString(), "--no-check").code());
    Map<String, byte[]> a = contents(one);
    Map<String, byte[]> b = contents(two);
    assertEquals(a.keySet(), b.keySet());
    assertTrue(
        a.containsKey("tile_top.v") && a.containsKey("fma-array/manifest.json"),
        a.keySet().toString());
    for (String f : a.keySet()) {
      assertTrue(java.util.Arrays.equals(a.get(f), b.get(f)), f + " differs between two runs");
    }
  }

  /**
   * Every {@code .v} in the folder is at its root, in the tile's filelist (which lists each once),
   * and defines one module that no other file defines; returns the filelist's names.
   */
  private static List<String> checkOneDesign(Path out, JsonNode manifest) throws IOException {
    List<String> files = Files.readAllLines(out.resolve(manifest.get("filelist").asText()));
    assertEquals(files.size(), new TreeSet<>(files).size(), "each file listed once: " + files);
    assertEquals(files, mapper().convertValue(manifest.get("files"), List.class));
    List<String> onDisk = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    try (Stream<Path> all = Files.walk(out)) {
      for (Path p : all.filter(p -> p.toString().endsWith(".v")).toList()) {
        onDisk.add(out.relativize(p).toString());
        texts.add(Files.readString(p));
      }
    }
    assertEquals(new TreeSet<>(files), new TreeSet<>(onDisk), "the filelist is every Verilog file");
    Map<String, Integer> defined = moduleDefinitions(texts);
    defined.forEach((name, n) -> assertEquals(1, n, "module " + name + " defined " + n + " times"));
    assertEquals(files.size(), defined.size(), "one module per file");
    return files;
  }

  private static Map<String, Integer> moduleDefinitions(Iterable<String> texts) {
    Map<String, Integer> defined = new TreeMap<>();
    for (String t : texts) {
      Matcher mm = MODULE.matcher(t);
      while (mm.find()) {
        defined.merge(mm.group(1), 1, Integer::sum);
      }
    }
    return defined;
  }

  private static Map<String, byte[]> contents(Path dir) throws IOException {
    Map<String, byte[]> m = new TreeMap<>();
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        m.put(dir.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return m;
  }

  /**
   * The options of the descriptor's first {@code generate} example as YAML entries ({@code --format
   * e4m3} as {@code format: 'e4m3'}, a flag as {@code no-saturate: null}).
   */
  private static List<String> firstExampleOptions(Generator<?> g) {
    String prefix = "./hardformer generate " + g.name();
    String example =
        g.examples().stream()
            .map(String::strip)
            .filter(e -> e.equals(prefix) || e.startsWith(prefix + " "))
            .findFirst()
            .orElseThrow(() -> new AssertionError(g.name() + " has no generate example"));
    String[] words = example.substring(prefix.length()).strip().split("\\s+", -1);
    List<String> options = new ArrayList<>();
    for (int i = 0; i < words.length; i++) {
      if (words[i].isEmpty()) {
        continue;
      }
      String key = words[i].substring(2);
      boolean flag = i + 1 >= words.length || words[i + 1].startsWith("--");
      if (key.equals("out")) {
        i++;
      } else if (flag) {
        options.add(key + ": null");
      } else {
        options.add(key + ": '" + words[++i] + "'");
      }
    }
    return options;
  }

  private static ObjectMapper mapper() {
    return new ObjectMapper();
  }
}
