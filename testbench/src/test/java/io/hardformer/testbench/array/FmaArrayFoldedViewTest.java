package io.hardformer.testbench.array;

import static io.hardformer.testbench.array.ArrayShapes.shape;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.generators.array.FmaArray;
import io.hardformer.generators.array.FmaArrayShape;
import io.hardformer.rtl.EmitOptions;
import io.hardformer.rtl.EmittedDesign;
import io.hardformer.rtl.VerilogEmitter;
import io.hardformer.testbench.Backend;
import io.hardformer.testbench.Testbench;
import io.hardformer.testbench.TestbenchOptions;
import io.hardformer.verilator.DesignGates;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The folded simulation view of {@code fma-array} ({@link VerilogEmitter#foldedView}: the design
 * flattened, its cells stepped by one loop) against the emitted modules, both Verilated: the same
 * random stream (random FP8 codes, specials included, input bubbles, in_last after a random K,
 * back-pressure obeyed) into both, every output equal on every cycle. Shapes cover every
 * accumulator, dot cells, the deep pipeline, both row-port options, one row and one column, and
 * more than 32 columns (boundary tables wider than one machine word). Each view also with its loop
 * split over two clocked blocks on two Verilator threads. The view passes Verilator's lint and
 * Icarus (Yosys is skipped for views: {@link DesignGates}).
 */
class FmaArrayFoldedViewTest {
  private static final List<String> OUTPUTS = List.of("in_ready", "out_valid", "out", "out_last");

  @ParameterizedTest(name = "{0}x{1} {2} {3} lanes {4} pipeline {5} row ports {6}")
  @CsvSource({
    "1, 1, e4m3, fp32, 1, default, wired",
    "3, 40, e4m3, fp32, 1, default, wired",
    "6, 5, e5m2, fp32, 1, default, registered",
    "5, 6, e5m2, exact, 1, default, wired",
    "4, 1, e4m3, exact, 1, default, registered",
    "2, 3, e4m3, fixed, 2, default, wired",
    "2, 3, e4m3, exact, 1, deep, wired"
  })
  void everyOutputEqualsTheModulesOnEveryCycle(
      int rows, int cols, String format, String acc, int lanes, String pipeline, String ports) {
    FmaArrayShape shape = shape(rows, cols, format, acc, lanes, pipeline, ports);
    EmittedDesign emitted = VerilogEmitter.emit(new FmaArray(shape), EmitOptions.defaults());
    EmittedDesign view = VerilogEmitter.foldedView(emitted, 1).orElseThrow();
    assertTrue(view.isFoldedView());
    assertEquals(1, view.verilog().size(), "one flattened module");
    assertTrue(view.verilog().values().iterator().next().contains("for (j = "), "the loop");
    // the loop split over two clocked blocks, Verilated with two threads
    EmittedDesign split = VerilogEmitter.foldedView(emitted, 1, 2).orElseThrow();
    assertEquals(rows * cols > 1 ? 2 : 1, split.viewBlocks());
    TestbenchOptions options = TestbenchOptions.defaults().withBackend(Backend.VERILATOR);
    try (Testbench a = Testbench.of(emitted, options);
        Testbench b = Testbench.of(emitted, options.withFoldedView(true));
        Testbench c = Testbench.of(split, options)) {
      List<Testbench> all = List.of(a, b, c);
      for (Testbench t : all) {
        t.reset();
      }
      Random r = new Random(rows * 1000L + cols * 100L + lanes * 10L + acc.length());
      int xBits = 8 * lanes * rows;
      int wBits = 8 * lanes * cols;
      int results = 0;
      int k = 1 + r.nextInt(2 * Math.max(rows, cols));
      int beat = 0;
      BigInteger x = BigInteger.ZERO;
      BigInteger w = BigInteger.ZERO;
      boolean valid = false;
      for (int t = 0; t < 1500; t++) {
        if (!valid) { // a new beat, or a bubble (about one cycle in four)
          valid = r.nextInt(4) != 0;
          x = new BigInteger(xBits, r);
          w = new BigInteger(wBits, r);
        }
        boolean last = beat == k - 1;
        for (Testbench s : all) {
          s.poke("in_valid", valid ? 1 : 0);
          s.poke("in_last", last ? 1 : 0);
          s.poke("x", x);
          s.poke("w", w);
        }
        for (String o : OUTPUTS) {
          assertEquals(a.peek(o), b.peek(o), o + " in cycle " + t + " of " + shape);
          assertEquals(a.peek(o), c.peek(o), o + " in cycle " + t + " of " + shape + ", split");
        }
        results += a.peek("out_valid").intValue();
        if (valid && a.peek("in_ready").signum() != 0) { // accepted: the next beat
          valid = false;
          beat++;
          if (last) {
            beat = 0;
            k = 1 + r.nextInt(2 * Math.max(rows, cols));
          }
        }
        for (Testbench s : all) {
          s.step();
        }
      }
      assertTrue(results >= 8 * rows, "result rows seen: " + results);
    }
  }

  /** An E4M3 array accumulating in FP32, emitted. */
  private static EmittedDesign emitted(int rows, int cols, String rowPorts) {
    return VerilogEmitter.emit(
        new FmaArray(shape(rows, cols, "e4m3", "fp32", 1, "default", rowPorts)),
        EmitOptions.defaults());
  }

  @Test
  void theViewPassesTheGates() {
    EmittedDesign emitted = emitted(3, 4, "wired");
    EmittedDesign view = VerilogEmitter.foldedView(emitted, 2).orElseThrow();
    assertEquals(List.of(), DesignGates.check(view));
    EmittedDesign split = VerilogEmitter.foldedView(emitted, 2, 2).orElseThrow();
    assertEquals(2, split.viewBlocks());
    assertEquals(List.of(), DesignGates.check(split));
  }

  @Test
  void theLoopSplitsFromSplitFromCells() {
    // 16 x 16 = 256 cells (VerilogEmitter.SPLIT_FROM) run on two threads, 15 x 17 = 255 on one
    assertEquals(256, VerilogEmitter.SPLIT_FROM);
    for (int[] shape : new int[][] {{16, 16, 2}, {15, 17, 1}}) {
      EmittedDesign emitted = emitted(shape[0], shape[1], "wired");
      EmittedDesign view = VerilogEmitter.foldedView(emitted, 2).orElseThrow();
      assertEquals(shape[2], view.viewBlocks(), shape[0] + "x" + shape[1]);
      assertEquals(
          shape[2] == 2,
          view.verilog()
              .values()
              .iterator()
              .next()
              .contains("always @(posedge clk) begin : step_h"));
    }
  }

  /**
   * The split view's two clocked blocks share no variable that one assigns with a blocking
   * assignment (their own locals aside): so Verilator may run them at once, and neither reads a
   * value the other is changing.
   */
  @Test
  void theTwoBlocksShareNoBlockingAssignedVariable() {
    EmittedDesign emitted = emitted(6, 5, "registered");
    String v = VerilogEmitter.foldedView(emitted, 1, 2).orElseThrow().verilog().get("fma_array.v");
    String lower = block(v, "always @(posedge clk) begin : step\n");
    String upper = block(v, "always @(posedge clk) begin : step_h\n");
    Set<String> lowerWrites = blockingTargets(lower);
    Set<String> upperWrites = blockingTargets(upper);
    assertTrue(lowerWrites.contains("fma_cell__acc"), "the lower half's accumulators");
    assertTrue(upperWrites.contains("fma_cell__acc_h"), "the upper half's accumulators");
    for (String w : lowerWrites) {
      assertFalse(
          identifiers(upper).contains(w), w + " is written by the first block, read by the second");
    }
    for (String w : upperWrites) {
      assertFalse(
          identifiers(lower).contains(w), w + " is written by the second block, read by the first");
    }
  }

  /** The text of the block that {@code header} opens, up to its {@code end} (locals removed). */
  private static String block(String v, String header) {
    int from = v.indexOf(header);
    assertTrue(from >= 0, header);
    int to = v.indexOf("\n  end\n", from);
    StringBuilder out = new StringBuilder();
    Set<String> locals = new HashSet<>();
    for (String line : v.substring(from + header.length(), to).lines().toList()) {
      Matcher m = Pattern.compile("^\\s+(?:reg|integer)\\b.*?(\\w+);$").matcher(line);
      if (m.matches()) {
        locals.add(m.group(1));
      } else {
        out.append(line).append('\n');
      }
    }
    String body = out.toString();
    for (String l : locals) {
      body = body.replaceAll("\\b" + l + "\\b", "LOCAL");
    }
    return body;
  }

  private static Set<String> blockingTargets(String block) {
    Set<String> out = new HashSet<>();
    Matcher m = Pattern.compile("\\b(\\w+)(?:\\[[^\\]]*\\])*\\s=\\s").matcher(block);
    while (m.find()) {
      out.add(m.group(1));
    }
    out.remove("LOCAL");
    return out;
  }

  private static Set<String> identifiers(String block) {
    Set<String> out = new HashSet<>();
    Matcher m = Pattern.compile("\\b[A-Za-z_]\\w*\\b").matcher(block);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  @Test
  void nothingToFoldGivesNoView() {
    EmittedDesign emitted = emitted(2, 2, "wired");
    // four cells: below a threshold of five instances nothing folds
    assertTrue(VerilogEmitter.foldedView(emitted, 5).isEmpty());
    assertTrue(VerilogEmitter.foldedView(emitted, 4).isPresent());
  }
}
