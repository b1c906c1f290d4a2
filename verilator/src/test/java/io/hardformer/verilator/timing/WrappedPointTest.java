package io.hardformer.verilator.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * OpenSTA wraps a start or end point whose hierarchical name is long ({@code
 * row_0/cell_0/lane0/_412_} of a deep 4 x 4 FMA array): {@link TimingAnalysis#joinWrappedPoints}
 * joins it back so the point is found, and leaves every other line as it is.
 */
class WrappedPointTest {
  @Test
  void aWrappedEndpointIsJoinedAndOtherLinesKept() {
    String report =
        "Startpoint: _0713_ (rising edge-triggered flip-flop clocked by clk)\n"
            + "Endpoint: row_0/cell_0/lane0/_412_\n"
            + "          (rising edge-triggered flip-flop clocked by clk)\n"
            + "Path Group: clk\n"
            + "   0.2045    0.2045 v _0713_/Q (DFFPOSX1)\n"
            + "   (not a point)\n";
    List<String> lines = TimingAnalysis.joinWrappedPoints(report.lines().toList());
    assertEquals(
        List.of(
            "Startpoint: _0713_ (rising edge-triggered flip-flop clocked by clk)",
            "Endpoint: row_0/cell_0/lane0/_412_ (rising edge-triggered flip-flop clocked by clk)",
            "Path Group: clk",
            "   0.2045    0.2045 v _0713_/Q (DFFPOSX1)",
            "   (not a point)"),
        lines);
  }
}
