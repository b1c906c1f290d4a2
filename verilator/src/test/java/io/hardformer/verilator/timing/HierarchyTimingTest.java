package io.hardformer.verilator.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Timing with the hierarchy kept ({@link Hierarchy#KEEP}): a path that leaves one module
 * combinationally and ends in a register of its parent is still the critical path, with the right
 * end points, and about as long as in the flattened netlist.
 */
@Tag("verilator")
class HierarchyTimingTest {
  /**
   * {@code stage_a} registers two operands and multiplies them combinationally onto its output; the
   * top adds one and registers the sum: the critical path crosses the instance boundary.
   */
  static final String CROSSING =
      "module stage_a (\n  input wire clk,\n  input wire [11:0] x,\n  input wire [11:0] y,\n"
          + "  output wire [23:0] p\n);\n"
          + "  reg [11:0] xr; // StageA.java:10\n  reg [11:0] yr; // StageA.java:11\n"
          + "  assign p = (xr * yr); // StageA.java:12\n"
          + "  always @(posedge clk) begin\n    xr <= x; // StageA.java:13\n"
          + "    yr <= y; // StageA.java:14\n  end\nendmodule\n"
          + "module crossing (\n  input wire clk,\n  input wire [11:0] x,\n  input wire [11:0] y,\n"
          + "  output wire [23:0] q\n);\n  wire [23:0] p;\n  reg [23:0] qr; // Crossing.java:20\n"
          + "  stage_a a (\n    .clk(clk),\n    .x(x),\n    .y(y),\n    .p(p)\n  );\n"
          + "  assign q = qr; // Crossing.java:21\n"
          + "  always @(posedge clk) begin\n    qr <= (p + 24'd1); // Crossing.java:22\n  end\n"
          + "endmodule\n";

  @Test
  void aPathAcrossAModuleBoundaryIsFoundWithItsEndPoints() {
    SynthesizedTiming kept =
        TimingAnalysis.analyze("crossing", Map.of("crossing.v", CROSSING), Hierarchy.KEEP);
    assertTrue(
        kept.startPoint().matches("a\\.[xy]r\\[\\d+\\]"),
        "starts at an operand register inside the instance: " + kept);
    assertTrue(kept.endPoint().matches("qr\\[\\d+\\]"), "ends at the top's register: " + kept);
    assertTrue(
        kept.javaLines().contains("Crossing.java:22")
            && kept.javaLines().stream().anyMatch(l -> l.startsWith("StageA.java:1")),
        "Java lines of both ends: " + kept.javaLines());
    SynthesizedTiming flat =
        TimingAnalysis.analyze("crossing", Map.of("crossing.v", CROSSING), Hierarchy.FLATTEN);
    assertEquals(
        flat.criticalPathNs(),
        kept.criticalPathNs(),
        0.25 * flat.criticalPathNs(),
        "the multiply and the increment in series, as in the flattened netlist");
    SynthesizedTiming multiplyOnly =
        TimingAnalysis.analyze(
            "stage_a",
            Map.of("stage_a.v", CROSSING.substring(0, CROSSING.indexOf("module crossing"))),
            Hierarchy.KEEP);
    assertTrue(
        kept.criticalPathNs() > multiplyOnly.criticalPathNs() + 0.3,
        "the increment after the boundary adds to the multiply: "
            + kept.criticalPathNs()
            + " vs "
            + multiplyOnly.criticalPathNs());
  }

  @Test
  void largeEstimatesKeepTheHierarchy() {
    assertEquals(Hierarchy.FLATTEN, Hierarchy.forEstimate(47_000));
    assertEquals(Hierarchy.KEEP, Hierarchy.forEstimate(Hierarchy.FLATTEN_LIMIT_NAND2 + 1));
    assertEquals(Hierarchy.KEEP, Hierarchy.forEstimate(768_583)); // the 16 x 16 FP32 array
    assertEquals(
        Hierarchy.KEEP_WHOLE_PORTS, Hierarchy.forEstimate(Hierarchy.WHOLE_PORTS_LIMIT_NAND2 + 1));
  }

  @Test
  void wholePortsTimeTheSamePathAsSingleBitPorts() {
    // the instance's ports are multi-bit and connected to parts of the top's nets: with ports
    // whole, write_verilog leaves concatenations in the instance's connections, which OpenSTA reads
    SynthesizedTiming bits =
        TimingAnalysis.analyze("crossing", Map.of("crossing.v", CROSSING), Hierarchy.KEEP);
    SynthesizedTiming whole =
        TimingAnalysis.analyze(
            "crossing", Map.of("crossing.v", CROSSING), Hierarchy.KEEP_WHOLE_PORTS);
    assertEquals(bits.criticalPathNs(), whole.criticalPathNs(), 1e-4, whole.toString());
    assertEquals(bits.startPoint(), whole.startPoint());
    assertEquals(bits.endPoint(), whole.endPoint());
    assertEquals(bits.areaUm2(), whole.areaUm2(), 1e-6);
  }

  @Test
  void aWrappedEndpointLineIsJoined() {
    assertEquals(
        List.of(
            "Startpoint: a/_1_ (rising edge-triggered flip-flop clocked by clk)",
            "Endpoint: row_0/cell_0/tree/_11081_ (rising edge-triggered flip-flop clocked by clk)",
            "Path Group: clk"),
        TimingAnalysis.joinWrappedPoints(
            List.of(
                "Startpoint: a/_1_ (rising edge-triggered flip-flop clocked by clk)",
                "Endpoint: row_0/cell_0/tree/_11081_",
                "          (rising edge-triggered flip-flop clocked by clk)",
                "Path Group: clk")));
  }
}
