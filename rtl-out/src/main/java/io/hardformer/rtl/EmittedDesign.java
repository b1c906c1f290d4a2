package io.hardformer.rtl;

import io.hardformer.dsl.elaborate.Design;
import io.hardformer.dsl.ir.Signal;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The emitted files of a design, in memory: one {@code .v} per module (children first), the
 * filelist {@code <top>.f} and {@code manifest.json}. Byte-identical for the same design on any
 * machine.
 */
public final class EmittedDesign {
  private final Design design;
  private final String top;
  private final Map<String, String> verilog;
  private final List<PortInfo> ports;
  private final String manifest;
  private final int viewBlocks;

  EmittedDesign(
      Design design,
      String top,
      Map<String, String> verilog,
      List<PortInfo> ports,
      String manifest) {
    this(design, top, verilog, ports, manifest, 0);
  }

  EmittedDesign(
      Design design,
      String top,
      Map<String, String> verilog,
      List<PortInfo> ports,
      String manifest,
      int viewBlocks) {
    this.viewBlocks = viewBlocks;
    this.design = design;
    this.top = top;
    this.verilog = Collections.unmodifiableMap(new LinkedHashMap<>(verilog));
    this.ports = List.copyOf(ports);
    this.manifest = manifest;
  }

  /**
   * Whether this is a folded simulation view ({@link VerilogEmitter#foldedView}): one flattened
   * module for Verilator, not the emitted modules.
   */
  public boolean isFoldedView() {
    return viewBlocks > 0;
  }

  /**
   * A folded view's clocked blocks that share no variable, which Verilator may run on threads of
   * their own (1 or 2); 0 for emitted modules.
   */
  public int viewBlocks() {
    return viewBlocks;
  }

  public Design design() {
    return design;
  }

  /** The top module's Verilog name. */
  public String top() {
    return top;
  }

  /** File name to Verilog text, children before parents. */
  public Map<String, String> verilog() {
    return verilog;
  }

  /** Ports of the top module, including clk and rst when clocked, in port order. */
  public List<PortInfo> ports() {
    return ports;
  }

  public PortInfo port(String name) {
    for (PortInfo p : ports) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "top module "
            + top
            + " has no port '"
            + name
            + "'; ports: "
            + ports.stream().map(PortInfo::name).toList());
  }

  /** The emitted name of {@code port}, a port signal of the top module (matched by identity). */
  public String portName(Signal port) {
    for (Signal p : design.top().body().ports()) {
      if (p == port) {
        return ModuleViewBuilder.portName(p);
      }
    }
    throw new IllegalArgumentException(
        "'" + port.name() + "' is not a port of the top module " + top);
  }

  public String filelistName() {
    return top + ".f";
  }

  /**
   * The filelist: one Verilog file name per line, in compile order, relative to the filelist's
   * folder (so the folder can move). Verilator's {@code -F} resolves such names from any working
   * folder; {@code -f} and {@code iverilog -c} only from that folder.
   */
  public String filelist() {
    return String.join("\n", verilog.keySet()) + "\n";
  }

  public String manifest() {
    return manifest;
  }

  /** Every file this design consists of, by name. */
  public Map<String, String> files() {
    Map<String, String> all = new LinkedHashMap<>(verilog);
    all.put(filelistName(), filelist());
    all.put("manifest.json", manifest);
    return all;
  }

  /**
   * Writes {@code text} as UTF-8 through a small buffer (the bytes of a large module are never held
   * whole); unencodable characters become '?', as {@link String#getBytes} would write them.
   */
  static void writeUtf8(Path p, String text) throws IOException {
    CharsetEncoder utf8 =
        StandardCharsets.UTF_8
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    char[] slice = new char[8192]; // Writer.write(String) would copy the whole text first
    try (Writer w = new OutputStreamWriter(Files.newOutputStream(p), utf8)) {
      for (int off = 0; off < text.length(); off += slice.length) {
        int n = Math.min(slice.length, text.length() - off);
        text.getChars(off, off + n, slice, 0);
        w.write(slice, 0, n);
      }
    }
  }

  /** Writes all files into {@code dir} (created if needed) and returns their paths. */
  public List<Path> writeTo(Path dir) {
    try {
      Files.createDirectories(dir);
      List<Path> written = new ArrayList<>();
      for (Map.Entry<String, String> f : files().entrySet()) {
        Path p = dir.resolve(f.getKey());
        writeUtf8(p, f.getValue());
        written.add(p);
      }
      return written;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write design "
              + top
              + " to "
              + dir
              + " ("
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + ")",
          e);
    }
  }
}
