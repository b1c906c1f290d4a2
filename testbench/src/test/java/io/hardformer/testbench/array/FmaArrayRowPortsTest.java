package io.hardformer.testbench.array;

import static io.hardformer.testbench.array.ArrayShapes.shape;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.dsl.elaborate.Elaborator;
import io.hardformer.dsl.sim.IrSimulator;
import io.hardformer.generators.array.FmaArray;
import io.hardformer.generators.array.FmaArrayGenerator;
import io.hardformer.generators.array.FmaArrayShape;
import io.hardformer.generators.array.RowPorts;
import io.hardformer.generators.catalog.BadParameterException;
import io.hardformer.generators.catalog.BillOfMaterials;
import io.hardformer.rtl.EmitOptions;
import io.hardformer.rtl.EmittedDesign;
import io.hardformer.rtl.VerilogEmitter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code fma-array --row-ports registered} against {@code --row-ports wired} in the IR simulator:
 * the same random stream (random FP8 codes, specials included, input bubbles, in_last after a
 * random K, back-pressure obeyed) into both, every output equal on every cycle; the registered
 * rows' input ports feed registers only; the same register bits but for the unused last row's
 * weights; the option's parsing and its identity for the cells it does not change.
 */
class FmaArrayRowPortsTest {
  private static final List<String> OUTPUTS = List.of("in_ready", "out_valid", "out", "out_last");

  @ParameterizedTest(name = "{0}x{1} {2} {3} lanes {4} pipeline {5}")
  @CsvSource({
    "1, 1, e4m3, fp32, 1, default",
    "2, 3, e4m3, fp32, 1, default",
    "4, 4, e5m2, fp32, 1, default",
    "1, 1, e5m2, exact, 1, default",
    "2, 3, e5m2, exact, 1, default",
    "4, 4, e4m3, exact, 1, default",
    "3, 1, e4m3, fp32, 1, default",
    "1, 4, e4m3, exact, 1, default",
    "2, 3, e4m3, fp32, 16, default",
    "1, 1, e5m2, fp32, 16, default",
    "2, 2, e4m3, fixed, 2, default",
    "2, 3, e4m3, exact, 1, deep",
    "2, 2, e5m2, exact, 16, deep"
  })
  void everyOutputEqualsWiredOnEveryCycle(
      int rows, int cols, String format, String acc, int lanes, String pipeline) {
    FmaArrayShape wired = shape(rows, cols, format, acc, lanes, pipeline, "wired");
    FmaArrayShape registered = shape(rows, cols, format, acc, lanes, pipeline, "registered");
    assertTrue(registered.rowsOwnInputRegisters());
    IrSimulator a = new IrSimulator(Elaborator.elaborate(new FmaArray(wired)));
    IrSimulator b = new IrSimulator(Elaborator.elaborate(new FmaArray(registered)));
    for (IrSimulator s : List.of(a, b)) {
      s.poke("rst", BigInteger.ONE);
      s.step();
      s.poke("rst", BigInteger.ZERO);
    }
    Random r = new Random(rows * 1000L + cols * 100L + lanes * 10L + acc.length());
    int xBits = 8 * lanes * rows;
    int wBits = 8 * lanes * cols;
    int cycles = 400;
    int results = 0;
    int k = 1 + r.nextInt(12);
    int beat = 0;
    BigInteger x = new BigInteger(xBits, r);
    BigInteger w = new BigInteger(wBits, r);
    boolean valid = false;
    for (int t = 0; t < cycles; t++) {
      if (!valid) { // a new beat, or a bubble (about one cycle in four)
        valid = r.nextInt(4) != 0;
        x = new BigInteger(xBits, r);
        w = new BigInteger(wBits, r);
      }
      boolean last = beat == k - 1;
      for (IrSimulator s : List.of(a, b)) {
        s.poke("in_valid", valid ? BigInteger.ONE : BigInteger.ZERO);
        s.poke("in_last", last ? BigInteger.ONE : BigInteger.ZERO);
        s.poke("x", x);
        s.poke("w", w);
      }
      for (String o : OUTPUTS) {
        assertEquals(a.peek(o), b.peek(o), o + " in cycle " + t + " of " + registered);
      }
      results += a.peek("out_valid").intValue();
      if (valid && a.peek("in_ready").signum() != 0) { // accepted: the next beat
        valid = false;
        beat++;
        if (last) {
          beat = 0;
          k = 1 + r.nextInt(12);
        }
      }
      a.step();
      b.step();
    }
    assertTrue(results >= 4 * rows, "result rows seen: " + results);
  }

  @ParameterizedTest(name = "{0} lanes {1} pipeline {2}")
  @CsvSource({
    "fp32, 1, default",
    "exact, 1, default",
    "fp32, 16, default",
    "fixed, 2, default",
    "exact, 1, deep",
    "exact, 4, deep"
  })
  void rowInputPortsFeedRegistersOnly(String acc, int lanes, String pipeline) {
    Map<String, String> files =
        emit(shape(3, 4, "e4m3", acc, lanes, pipeline, "registered")).files();
    // the row's x, valid and last ports only load its registers; its w_in only reaches the cells'
    // w_in, which only loads their w_r
    assertEquals(
        List.of("x_r <= x_in;", "valid_r <= valid_in;", "last_r <= last_in;"),
        uses(files.get("fma_row.v"), "x_in|valid_in|last_in"));
    String cell =
        files.entrySet().stream()
            .filter(e -> e.getKey().startsWith("fma_") && e.getKey().contains("cell"))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElseThrow();
    assertEquals(List.of("w_r <= w_in;"), uses(cell, "w_in"));
    assertTrue(files.get("fma_row.v").contains("row_ports=registered"));
  }

  @Test
  void sameRegistersButTheLastRowsUnusedWeights() {
    for (int[] rc : new int[][] {{1, 1}, {2, 3}, {4, 4}, {5, 2}}) {
      int rows = rc[0];
      int cols = rc[1];
      long wired = registerBits(emit(shape(rows, cols, "e4m3", "fp32", 1, "default", "wired")));
      long registered =
          registerBits(emit(shape(rows, cols, "e4m3", "fp32", 1, "default", "registered")));
      // the last row's weight registers go (8 bits per column); row 0 copies the array's valid
      // and last input registers when other rows still need them
      assertEquals(wired - 8L * cols + (rows > 1 ? 2 : 0), registered, rows + "x" + cols);
    }
  }

  @Test
  void exactDotCellsAlreadyMultiplyTheirOwnRegisters() {
    FmaArrayShape wired = shape(4, 4, "e4m3", "exact", 16, "default", "wired");
    FmaArrayShape registered = shape(4, 4, "e4m3", "exact", 16, "default", "registered");
    assertTrue(registered.productsFromPassThrough());
    assertTrue(!registered.rowsOwnInputRegisters());
    assertEquals(emit(wired).files(), emit(registered).files(), "the same Verilog");
  }

  @Test
  void optionParsesAndReachesTheManifestAndTheBill() {
    FmaArrayGenerator g = new FmaArrayGenerator();
    FmaArrayGenerator.Parameters p =
        new FmaArrayGenerator.Parameters(
            4, 4, "e4m3", "fp32", "fp32", 65536, 1, 13, 0, "default", "REGISTERED");
    assertEquals("registered", p.rowPorts());
    assertEquals(RowPorts.REGISTERED, p.shape().rowPorts());
    assertEquals("registered", g.parameterValues(p).get("row-ports"));
    FmaArrayGenerator.Parameters wired =
        new FmaArrayGenerator.Parameters(4, 4, "e4m3", "fp32", "fp32", 65536);
    assertEquals(null, g.parameterValues(wired).get("row-ports"), "the default adds no option");
    assertEquals(p.shape().latency(), wired.shape().latency());
    BillOfMaterials a = g.area(wired);
    BillOfMaterials b = g.area(p);
    assertNotEquals(a, b);
    BadParameterException e =
        assertThrows(
            BadParameterException.class,
            () ->
                new FmaArrayGenerator.Parameters(
                    4, 4, "e4m3", "fp32", "fp32", 65536, 1, 13, 0, "default", "latched"));
    assertEquals("--row-ports", e.option());
    assertTrue(e.getMessage().contains("wired, registered"), e.getMessage());
  }

  private static EmittedDesign emit(FmaArrayShape s) {
    return VerilogEmitter.emit(new FmaArray(s), EmitOptions.forGenerator("fma-array", Map.of()));
  }

  /** The statements of {@code verilog} that read or write a signal of {@code names}. */
  private static List<String> uses(String verilog, String names) {
    Pattern word = Pattern.compile("\\b(" + names + ")\\b");
    List<String> out = new ArrayList<>();
    for (String line : verilog.split("\n", -1)) {
      String code = line.replaceAll("//.*$", "").strip();
      if (word.matcher(code).find()
          && !code.startsWith(".")
          && !code.startsWith("input ")
          && !code.startsWith("output ")
          && !code.startsWith("wire ")
          && !code.startsWith("reg ")) {
        out.add(code);
      }
    }
    return out;
  }

  /** Register bits of every module, times its instances. */
  private static long registerBits(EmittedDesign d) {
    Pattern reg = Pattern.compile("^\\s*reg (?:\\[(\\d+):0\\] )?\\w+;", Pattern.MULTILINE);
    Pattern count = Pattern.compile("(\\d+) instances? in this design");
    long bits = 0;
    for (String text : d.files().values()) {
      Matcher c = count.matcher(text);
      long n = c.find() ? Long.parseLong(c.group(1)) : 1;
      Matcher m = reg.matcher(text);
      while (m.find()) {
        bits += n * (m.group(1) == null ? 1 : Long.parseLong(m.group(1)) + 1);
      }
    }
    return bits;
  }
}
