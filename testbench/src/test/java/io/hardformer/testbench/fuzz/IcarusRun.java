package io.hardformer.testbench.fuzz;

import io.hardformer.rtl.EmittedDesign;
import io.hardformer.rtl.PortInfo;
import io.hardformer.verilator.tools.ExternalTool;
import io.hardformer.verilator.tools.Icarus;
import io.hardformer.verilator.tools.ToolResult;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs an emitted design in Icarus Verilog with the harness's cycle semantics (apply inputs,
 * settle, sample outputs, rising edge): a generated Verilog testbench reads the stimulus with
 * {@code $readmemh} and writes every cycle's outputs in hex. An X or Z output bit is reported as
 * null.
 */
final class IcarusRun {
  private IcarusRun() {}

  /** {@code stimulus[cycle][input]} in the design's input order (rst included, clk excluded). */
  static List<BigInteger[]> run(EmittedDesign design, List<BigInteger[]> stimulus, Path dir)
      throws IOException {
    design.writeTo(dir);
    List<PortInfo> ins = new ArrayList<>();
    List<PortInfo> outs = new ArrayList<>();
    boolean clocked = false;
    for (PortInfo p : design.ports()) {
      if (p.name().equals("clk")) {
        clocked = true;
      } else if (p.isInput()) {
        ins.add(p);
      } else {
        outs.add(p);
      }
    }
    int total = ins.stream().mapToInt(PortInfo::width).sum();
    StringBuilder tb = new StringBuilder("module fuzz_tb;\n");
    if (clocked) {
      tb.append("  reg clk = 1'b0;\n");
    }
    for (PortInfo p : ins) {
      tb.append("  reg ").append(range(p.width())).append(p.name()).append(";\n");
    }
    for (PortInfo p : outs) {
      tb.append("  wire ").append(range(p.width())).append(p.name()).append(";\n");
    }
    tb.append("  reg [")
        .append(total - 1)
        .append(":0] stim [0:")
        .append(stimulus.size() - 1)
        .append("];\n");
    tb.append("  integer i, f;\n  ").append(design.top()).append(" dut (");
    List<String> conns = new ArrayList<>();
    for (PortInfo p : design.ports()) {
      conns.add("." + p.name() + "(" + p.name() + ")");
    }
    tb.append(String.join(", ", conns)).append(");\n");
    tb.append(
        "  initial begin\n    $readmemh(\"stim.hex\", stim);\n    f = $fopen(\"out.txt\", \"w\");\n");
    tb.append("    for (i = 0; i < ").append(stimulus.size()).append("; i = i + 1) begin\n      {");
    List<String> names = new ArrayList<>();
    ins.forEach(p -> names.add(p.name()));
    tb.append(String.join(", ", names)).append("} = stim[i];\n      #1;\n      $fwrite(f, \"");
    tb.append("%h ".repeat(outs.size()).strip()).append("\\n\"");
    for (PortInfo p : outs) {
      tb.append(", ").append(p.name());
    }
    tb.append(");\n");
    tb.append(clocked ? "      clk = 1'b1; #1; clk = 1'b0; #1;\n" : "      #2;\n");
    tb.append("    end\n    $fclose(f);\n    $finish;\n  end\nendmodule\n");
    Files.writeString(dir.resolve("fuzz_tb.v"), tb);
    StringBuilder hex = new StringBuilder();
    for (BigInteger[] cycle : stimulus) {
      BigInteger v = BigInteger.ZERO;
      for (int k = 0; k < ins.size(); k++) {
        v = v.shiftLeft(ins.get(k).width()).or(cycle[k]);
      }
      hex.append(v.toString(16)).append('\n');
    }
    Files.writeString(dir.resolve("stim.hex"), hex);
    List<String> args = new ArrayList<>(List.of("-g2005", "-o", "sim.vvp", "fuzz_tb.v"));
    args.addAll(design.verilog().keySet());
    new Icarus().tool().runOk(args, dir, 120);
    ExternalTool vvp = ExternalTool.find("vvp", "vvp", "VVP", "iverilog");
    ToolResult r = vvp.run(List.of("-n", "sim.vvp"), dir, Map.of(), 300);
    if (!r.ok()) {
      throw new IllegalStateException("vvp failed: " + r.output());
    }
    List<BigInteger[]> out = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("out.txt"))) {
      String[] parts = line.strip().split(" ", -1);
      BigInteger[] row = new BigInteger[outs.size()];
      for (int k = 0; k < outs.size(); k++) {
        row[k] = parts[k].matches("[0-9a-fA-F]+") ? new BigInteger(parts[k], 16) : null;
      }
      out.add(row);
    }
    return out;
  }

  private static String range(int w) {
    return w == 1 ? "" : "[" + (w - 1) + ":0] ";
  }
}
