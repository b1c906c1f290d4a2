package io.hardformer.rtl;

import io.hardformer.dsl.elaborate.Design;
import io.hardformer.dsl.elaborate.ModuleDef;
import io.hardformer.dsl.ir.Instance;
import io.hardformer.dsl.ir.Signal;
import io.hardformer.dsl.ir.SignalKind;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One instance of an emitted design's top module, described as a design of its own that reuses the
 * whole design's Verilog files instead of writing them again: a filelist and a manifest for the
 * instance's module and everything below it, with the module names of the whole design (so a module
 * shared by two parts is still one file). A tile writes one per unit into {@code <unit>/}, with
 * file names relative to that folder ({@code ../fma_array.v}), so a unit can be linted or simulated
 * alone from the tile's files.
 */
public final class EmittedPart {
  private final String instance;
  private final String top;
  private final List<String> files;
  private final List<PortInfo> ports;
  private final String manifest;

  private EmittedPart(
      String instance, String top, List<String> files, List<PortInfo> ports, String manifest) {
    this.instance = instance;
    this.top = top;
    this.files = List.copyOf(files);
    this.ports = List.copyOf(ports);
    this.manifest = manifest;
  }

  /**
   * The part of {@code whole} below the top's instance {@code instance}.
   *
   * @param pathToWhole prefixed to each of the whole design's file names ({@code "../"} when the
   *     part's files are written one folder below the whole design's)
   * @param options the part's generator, parameters and manifest sections
   * @throws IllegalArgumentException when the top has no such instance
   */
  public static EmittedPart of(
      EmittedDesign whole, String instance, String pathToWhole, EmitOptions options) {
    Design design = whole.design();
    Instance inst =
        design.top().body().instances().stream()
            .filter(i -> i.name().equals(instance))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "top module " + whole.top() + " has no instance '" + instance + "'"));
    List<ModuleDef> modules = modulesBelow(design, design.defOf(inst.body()));
    List<String> files = new ArrayList<>();
    for (ModuleDef d : modules) {
      files.add(pathToWhole + d.name() + ".v");
    }
    ModuleDef root = modules.get(modules.size() - 1);
    List<PortInfo> ports = new ArrayList<>();
    if (root.body().isClocked()) {
      ports.add(new PortInfo("clk", "input", 1));
      ports.add(new PortInfo("rst", "input", 1));
    }
    for (Signal p : root.body().ports()) {
      ports.add(
          new PortInfo(
              ModuleViewBuilder.portName(p),
              p.kind() == SignalKind.INPUT ? "input" : "output",
              p.width()));
    }
    String manifest =
        ManifestWriter.write(modules, design.warnings(), ports, files, root.name() + ".f", options);
    return new EmittedPart(instance, root.name(), files, ports, manifest);
  }

  /**
   * The modules at and below {@code root} in the design's order (children first, {@code root}
   * last), each with its instance count under {@code root}.
   */
  private static List<ModuleDef> modulesBelow(Design design, ModuleDef root) {
    Set<ModuleDef> reached = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    List<ModuleDef> stack = new ArrayList<>(List.of(root));
    while (!stack.isEmpty()) {
      ModuleDef d = stack.remove(stack.size() - 1);
      if (reached.add(d)) {
        for (Instance i : d.body().instances()) {
          stack.add(design.defOf(i.body()));
        }
      }
    }
    List<ModuleDef> ordered = new ArrayList<>();
    for (ModuleDef d : design.modules()) {
      if (reached.contains(d)) {
        ordered.add(d);
      }
    }
    // multiplicities flow top-down: parents come after their children in the design's order
    Map<ModuleDef, Long> count = new IdentityHashMap<>();
    count.put(root, 1L);
    for (int k = ordered.size() - 1; k >= 0; k--) {
      ModuleDef d = ordered.get(k);
      long n = count.getOrDefault(d, 0L);
      for (Instance i : d.body().instances()) {
        count.merge(design.defOf(i.body()), n, Long::sum);
      }
    }
    List<ModuleDef> out = new ArrayList<>();
    for (ModuleDef d : ordered) {
      out.add(new ModuleDef(d.name(), d.body(), count.get(d)));
    }
    return out;
  }

  /** The instance of the whole design's top this part is. */
  public String instance() {
    return instance;
  }

  /** The part's top module name (its name in the whole design). */
  public String top() {
    return top;
  }

  /** Ports of the part's top, clk and rst first when clocked. */
  public List<PortInfo> ports() {
    return ports;
  }

  /** The Verilog files of the part, children first, as the filelist names them. */
  public List<String> verilogFiles() {
    return files;
  }

  public String filelistName() {
    return top + ".f";
  }

  /** One file name per line, compile order, relative to the filelist's folder. */
  public String filelist() {
    return String.join("\n", files) + "\n";
  }

  public String manifest() {
    return manifest;
  }

  /** The part's own files: its filelist and manifest (the Verilog is the whole design's). */
  public Map<String, String> files() {
    Map<String, String> all = new LinkedHashMap<>();
    all.put(filelistName(), filelist());
    all.put("manifest.json", manifest);
    return all;
  }
}
