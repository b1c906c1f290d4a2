package io.hardformer.verilator;

import io.hardformer.rtl.EmittedDesign;
import io.hardformer.rtl.PortInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * The harness's view of a top module: inputs (without {@code clk}) and outputs in port order, with
 * frame sizes, and whether the model is built with waveform tracing. Also the Velocity model of
 * {@code harness.cpp.vm}.
 */
public record HarnessSpec(
    String top, boolean clocked, List<PortLayout> inputs, List<PortLayout> outputs, boolean trace) {
  public HarnessSpec {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }

  public static HarnessSpec of(EmittedDesign design, boolean trace) {
    List<PortLayout> in = new ArrayList<>();
    List<PortLayout> out = new ArrayList<>();
    boolean clocked = false;
    for (PortInfo p : design.ports()) {
      if (p.name().equals("clk")) {
        clocked = true;
      } else if (p.isInput()) {
        in.add(new PortLayout(p.name(), in.size(), p.width(), frameBytes(in)));
      } else {
        out.add(new PortLayout(p.name(), out.size(), p.width(), frameBytes(out)));
      }
    }
    return new HarnessSpec(design.top(), clocked, in, out, trace);
  }

  private static int frameBytes(List<PortLayout> ports) {
    return ports.stream().mapToInt(PortLayout::bytes).sum();
  }

  public HarnessSpec withTrace(boolean on) {
    return new HarnessSpec(top, clocked, inputs, outputs, on);
  }

  public PortLayout input(String name) {
    for (PortLayout p : inputs) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        top
            + " has no input '"
            + name
            + "'; inputs: "
            + inputs.stream().map(PortLayout::name).toList());
  }

  public PortLayout output(String name) {
    for (PortLayout p : outputs) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        top
            + " has no output '"
            + name
            + "'; outputs: "
            + outputs.stream().map(PortLayout::name).toList());
  }

  public int inputFrameBytes() {
    return inputs.stream().mapToInt(PortLayout::bytes).sum();
  }

  public int outputFrameBytes() {
    return outputs.stream().mapToInt(PortLayout::bytes).sum();
  }

  // ---- for the template ------------------------------------------------------------------------

  public String modelClass() {
    return "V" + top;
  }

  public String includes() {
    return "#include \""
        + modelClass()
        + ".h\""
        + (trace ? "\n#include \"verilated_fst_c.h\"" : "");
  }

  public int inputCount() {
    return inputs.size();
  }

  public int outputCount() {
    return outputs.size();
  }

  public String inputBytesList() {
    StringBuilder sb = new StringBuilder();
    inputs.forEach(p -> sb.append(p.bytes()).append(", "));
    return sb.toString();
  }

  public String outputBytesList() {
    StringBuilder sb = new StringBuilder();
    outputs.forEach(p -> sb.append(p.bytes()).append(", "));
    return sb.toString();
  }

  public int maxPortBytes() {
    int m = 8;
    for (PortLayout p : inputs) {
      m = Math.max(m, p.bytes());
    }
    for (PortLayout p : outputs) {
      m = Math.max(m, p.bytes());
    }
    return m + 8;
  }
}
