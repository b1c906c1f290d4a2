package io.hardformer.verilator.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Netlist names back to the emitted Verilog and its Java line comments (no tools needed). */
class SourceLinesTest {
  private static final Map<String, String> VERILOG =
      Map.of(
          "Stage.v",
              "module Stage (\n  input wire clk,\n  input wire [3:0] a,\n  output wire [3:0] y\n);\n"
                  + "  reg [3:0] r; // Stage.java:10\n  assign y = r; // Stage.java:12\n"
                  + "  always @(posedge clk) begin\n    r <= (a + 4'd1); // Stage.java:11\n  end\nendmodule\n",
          "Top.v",
              "module Top (\n  input wire clk,\n  input wire [3:0] a,\n  output wire [3:0] out\n);\n"
                  + "  wire [3:0] s0_y;\n  assign out = s0_y; // Top.java:30\n"
                  + "  Stage s0 ( // Top.java:20\n    .clk(clk),\n    .a(a),\n    .y(s0_y)\n  );\nendmodule\n");

  @Test
  void aFlipFlopNamedAfterAPortOrWireIsFollowedBackToItsRegister() {
    assertEquals("s0.r[2]", SourceLines.register("Top", VERILOG, "out[2]"));
    assertEquals("s0.r[2]", SourceLines.register("Top", VERILOG, "s0_y[2]"));
    assertEquals("s0.r", SourceLines.register("Top", VERILOG, "s0.y"));
    assertEquals("a[1]", SourceLines.register("Top", VERILOG, "a[1]"), "an input is no alias");
  }

  @Test
  void drivingStatementsGiveTheirJavaLines() {
    assertEquals(List.of("Stage.java:11"), SourceLines.driving("Top", VERILOG, "s0.r[3]"));
    assertEquals(List.of("Top.java:30"), SourceLines.driving("Top", VERILOG, "out[0]"));
    assertEquals(
        List.of(),
        SourceLines.driving("Top", VERILOG, "a[0]"),
        "an input has no driving statement");
    assertEquals(List.of(), SourceLines.driving("Top", VERILOG, "nosuch.r[0]"));
  }

  @Test
  void yosysSuffixesAndEscapesAreRemoved() {
    assertEquals("acc[3]", SourceLines.verilogName("\\acc$reg [3]"));
    assertEquals("u.v[0]", SourceLines.verilogName("\\u.v [0]"));
  }
}
