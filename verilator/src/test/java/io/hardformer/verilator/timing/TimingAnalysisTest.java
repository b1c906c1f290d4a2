package io.hardformer.verilator.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Sanity of the timing flow (Yosys to the OSU 0.18 um cells, then OpenSTA) against the liberty's
 * own tables: chains of INVX1 and FAX1 ripple adders grow linearly in N and match {@link
 * LibertyHandCalc} within 5%, and a deliberately long path is the one reported.
 */
@Tag("verilator")
class TimingAnalysisTest {
  private final LibertyHandCalc hand = new LibertyHandCalc();

  /** The load the flow puts on every output port (one flip-flop D pin, pF). */
  private final double outLoad = TimingAnalysis.loadPf(TimingAnalysis.readLiberty());

  /**
   * The edges at an input port that drives {@code cell}'s {@code pin}: the flow's driving cell
   * (INVX1, its input switching with slew 0) loaded by that pin. As in other STA tools, OpenSTA
   * takes the input delay to include the driving cell's zero-load delay, so the port's arrival is
   * the driving cell's delay at that load minus its delay at no load; the slew is the one at that
   * load.
   */
  private LibertyHandCalc.Edges port(String cell, String pin) {
    String d = TimingAnalysis.DRIVING_CELL;
    LibertyHandCalc.Edges in = LibertyHandCalc.Edges.INPUT;
    LibertyHandCalc.Edges loaded =
        hand.through(d, "A", "Y", in, hand.pinCap(cell, pin, true), hand.pinCap(cell, pin, false));
    LibertyHandCalc.Edges unloaded = hand.through(d, "A", "Y", in, 0, 0);
    return new LibertyHandCalc.Edges(
        loaded.riseAt() - unloaded.riseAt(),
        loaded.riseSlew(),
        loaded.fallAt() - unloaded.fallAt(),
        loaded.fallSlew());
  }

  /**
   * N INVX1 in series from input a to output y (cells instantiated directly, so synthesis keeps
   * them).
   */
  static String inverterChain(int n) {
    StringBuilder b =
        new StringBuilder(
            "module inv_chain(input a, output y);\n  wire [" + n + ":0] s;\n  assign s[0] = a;\n");
    for (int i = 0; i < n; i++) {
      b.append("  INVX1 i")
          .append(i)
          .append(" (.A(s[")
          .append(i)
          .append("]), .Y(s[")
          .append(i + 1)
          .append("]));\n");
    }
    return b.append("  assign y = s[").append(n).append("];\nendmodule\n").toString();
  }

  /** An N-bit ripple-carry adder of FAX1 full adders: carry c[i] into bit i, c[N] the carry out. */
  static String rippleAdder(int n) {
    StringBuilder b =
        new StringBuilder(
            "module ripple(input ["
                + (n - 1)
                + ":0] a, input ["
                + (n - 1)
                + ":0] b, input cin, "
                + "output ["
                + (n - 1)
                + ":0] s, output cout);\n  wire ["
                + n
                + ":0] c;\n  assign c[0] = cin;\n");
    for (int i = 0; i < n; i++) {
      b.append("  FAX1 fa")
          .append(i)
          .append(" (.A(a[")
          .append(i)
          .append("]), .B(b[")
          .append(i)
          .append("]), .C(c[")
          .append(i)
          .append("]), .YC(c[")
          .append(i + 1)
          .append("]), .YS(s[")
          .append(i)
          .append("]));\n");
    }
    return b.append("  assign cout = c[").append(n).append("];\nendmodule\n").toString();
  }

  private static double ns(String top, String verilog) {
    return TimingAnalysis.analyze(top, Map.of(top + ".v", verilog)).criticalPathNs();
  }

  /**
   * Hand figure: the input port's driving cell drives the first INVX1, each INVX1 drives the next
   * one's A pin, and the last drives the output port's load.
   */
  private double handInverterChain(int n) {
    LibertyHandCalc.Edges e = port("INVX1", "A");
    for (int i = 0; i < n; i++) {
      boolean last = i == n - 1;
      e =
          hand.through(
              "INVX1",
              "A",
              "Y",
              e,
              last ? outLoad : hand.pinCap("INVX1", "A", true),
              last ? outLoad : hand.pinCap("INVX1", "A", false));
    }
    return e.worst();
  }

  /**
   * Hand figure: the worst of starting at a[0], b[0] or cin (each port driven by the driving cell),
   * through bit 0's carry, the carry chain (C to YC, each loaded by the next bit's C pin), and the
   * last bit's YS or YC (driving an output port's load).
   */
  private double handRippleAdder(int n) {
    double worst = 0;
    for (String start : List.of("A", "B", "C")) {
      LibertyHandCalc.Edges e = port("FAX1", start);
      String in = start;
      for (int i = 0; i < n - 1; i++) {
        e =
            hand.through(
                "FAX1",
                in,
                "YC",
                e,
                hand.pinCap("FAX1", "C", true),
                hand.pinCap("FAX1", "C", false));
        in = "C";
      }
      worst = Math.max(worst, hand.through("FAX1", in, "YS", e, outLoad, outLoad).worst());
      worst = Math.max(worst, hand.through("FAX1", in, "YC", e, outLoad, outLoad).worst());
    }
    return worst;
  }

  @Test
  void inverterChainIsLinearInNAndMatchesTheLibertyTables() {
    double[] d = new double[3];
    int[] n = {8, 16, 24};
    for (int k = 0; k < n.length; k++) {
      d[k] = ns("inv_chain", inverterChain(n[k]));
      double h = handInverterChain(n[k]);
      assertEquals(
          h, d[k], 0.05 * h, n[k] + " inverters: OpenSTA " + d[k] + " ns, hand " + h + " ns");
    }
    assertTrue(d[1] - d[0] > 0, "a longer chain is slower");
    assertEquals(
        d[1] - d[0],
        d[2] - d[1],
        0.05 * (d[1] - d[0]),
        "each 8 more inverters add the same delay: " + List.of(d[0], d[1], d[2]));
  }

  @Test
  void rippleAdderIsLinearInNAndMatchesTheLibertyTables() {
    double[] d = new double[3];
    int[] n = {4, 8, 12};
    for (int k = 0; k < n.length; k++) {
      d[k] = ns("ripple", rippleAdder(n[k]));
      double h = handRippleAdder(n[k]);
      assertEquals(
          h,
          d[k],
          0.05 * h,
          n[k] + "-bit ripple adder: OpenSTA " + d[k] + " ns, hand " + h + " ns");
    }
    assertTrue(d[1] - d[0] > 0, "a wider adder is slower");
    assertEquals(
        d[1] - d[0],
        d[2] - d[1],
        0.05 * (d[1] - d[0]),
        "each 4 more bits add the same delay: " + List.of(d[0], d[1], d[2]));
  }

  /**
   * A 12x12 multiply between two register stages is critical; an 8-bit increment beside it is not.
   */
  @Test
  void aLongCombinationalPathIsReportedWithItsEndPointsAndJavaLines() {
    String v =
        "module long_path (\n  input wire clk,\n  input wire [11:0] x,\n  input wire [11:0] y,\n"
            + "  output wire [23:0] p,\n  output wire [7:0] q\n);\n"
            + "  reg [11:0] xr; // LongPath.java:10\n  reg [11:0] yr; // LongPath.java:11\n"
            + "  reg [23:0] pr; // LongPath.java:12\n  reg [7:0] cr; // LongPath.java:13\n"
            + "  assign p = pr; // LongPath.java:14\n  assign q = cr; // LongPath.java:15\n"
            + "  always @(posedge clk) begin\n    xr <= x; // LongPath.java:20\n    yr <= y; // LongPath.java:21\n"
            + "    pr <= (xr * yr); // LongPath.java:22\n    cr <= (cr + 8'd1); // LongPath.java:23\n  end\nendmodule\n";
    SynthesizedTiming t = TimingAnalysis.analyze("long_path", Map.of("long_path.v", v));
    assertTrue(t.startPoint().matches("[xy]r\\[\\d+\\]"), "starts at an operand register: " + t);
    assertTrue(t.endPoint().matches("pr\\[\\d+\\]"), "ends at the product register: " + t);
    assertTrue(
        t.javaLines().contains("LongPath.java:22"), "names the multiply's line: " + t.javaLines());
    String counter =
        "module short_path (\n  input wire clk,\n  output wire [7:0] q\n);\n  reg [7:0] cr;\n"
            + "  assign q = cr;\n  always @(posedge clk) cr <= (cr + 8'd1);\nendmodule\n";
    double shortNs =
        TimingAnalysis.analyze("short_path", Map.of("short_path.v", counter)).criticalPathNs();
    assertTrue(
        t.criticalPathNs() > 2 * shortNs,
        "the multiply ("
            + t.criticalPathNs()
            + " ns) is far longer than "
            + "the increment ("
            + shortNs
            + " ns)");
    assertTrue(t.areaUm2() > 0 && t.cells().size() > 5, "area and cells: " + t);
  }

  /**
   * FO4 is the slope of the FO4 chain, so it must sit between the chain's per-stage delays' bounds.
   */
  @Test
  void fo4IsTheSlopeOfTheFo4Chain() {
    double fo4 = Fo4.picoseconds();
    double perStageShort = 1000 * Fo4.chainNs(Fo4.SHORT) / (Fo4.SHORT + 1);
    assertEquals(
        1000 * (Fo4.chainNs(20) - Fo4.chainNs(Fo4.LONG)) / (20 - Fo4.LONG),
        fo4,
        0.02 * fo4,
        "the slope does not depend on the chain lengths");
    assertTrue(
        fo4 > 20 && fo4 < 500,
        "FO4 of a 0.18 um library is tens of ps, got " + fo4 + "; per stage " + perStageShort);
    double fo4Hand =
        1000 * (handFo4Chain(Fo4.LONG) - handFo4Chain(Fo4.SHORT)) / (Fo4.LONG - Fo4.SHORT);
    assertEquals(fo4Hand, fo4, 0.05 * fo4Hand, "FO4 from the liberty tables by hand");
  }

  /**
   * The FO4 chain by hand: the input port's driving cell drives the first stage, each stage drives
   * four INVX1 inputs, and the path ends at a load inverter driving an output port's load.
   */
  private double handFo4Chain(int n) {
    LibertyHandCalc.Edges e = port("INVX1", "A");
    for (int i = 0; i < n; i++) {
      e =
          hand.through(
              "INVX1",
              "A",
              "Y",
              e,
              4 * hand.pinCap("INVX1", "A", true),
              4 * hand.pinCap("INVX1", "A", false));
    }
    return hand.through("INVX1", "A", "Y", e, outLoad, outLoad).worst();
  }

  /** A damaged cache file is analyzed again, not reported as an error. */
  @Test
  void aDamagedCacheEntryIsReplaced() throws Exception {
    String v = inverterChain(3).replace("module inv_chain", "module damaged_chain");
    double first = ns("damaged_chain", v);
    java.nio.file.Path dir = io.hardformer.verilator.ModelCache.defaultRoot().resolve("timing");
    int damaged = 0;
    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir)) {
      for (java.nio.file.Path f : (Iterable<java.nio.file.Path>) files::iterator) {
        // entries are <key>.txt; a run's logs sit beside them in <key>.logs/
        if (java.nio.file.Files.isRegularFile(f)
            && f.getFileName().toString().endsWith(".txt")
            && java.nio.file.Files.readString(f).contains("damaged_chain")) {
          java.nio.file.Files.writeString(f, "truncated");
          damaged++;
        }
      }
    }
    assertTrue(damaged > 0, "the result was cached under " + dir);
    assertEquals(first, ns("damaged_chain", v));
  }
}
