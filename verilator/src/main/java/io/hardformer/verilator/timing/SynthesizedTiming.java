package io.hardformer.verilator.timing;

import java.util.List;

/**
 * The worst path of a design mapped to the OSU 0.18 um cells, as OpenSTA reports it.
 *
 * @param criticalPathNs the smallest clock period the path allows: its arrival time plus the
 *     capturing flip-flop's setup time (ideal clock, inputs arriving and outputs required at the
 *     clock edge)
 * @param startPoint the Verilog signal the path starts at (a register or an input port)
 * @param endPoint the Verilog signal it ends at (the register it loads, or an output port)
 * @param cells the cells along the path, in order, as {@code CELL instance}
 * @param javaLines the Java source lines ({@code File.java:line}) of the statements driving the
 *     start and end points, where the emitted Verilog names them
 * @param areaUm2 the mapped netlist's area in um^2 ({@code stat -liberty})
 */
public record SynthesizedTiming(
    String top,
    double criticalPathNs,
    String startPoint,
    String endPoint,
    List<String> cells,
    List<String> javaLines,
    double areaUm2) {
  public SynthesizedTiming {
    cells = List.copyOf(cells);
    javaLines = List.copyOf(javaLines);
  }
}
