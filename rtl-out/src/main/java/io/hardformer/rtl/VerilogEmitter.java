package io.hardformer.rtl;

import io.hardformer.dsl.Module;
import io.hardformer.dsl.elaborate.Design;
import io.hardformer.dsl.elaborate.Elaborator;
import io.hardformer.dsl.elaborate.ModuleDef;
import io.hardformer.dsl.ir.Instance;
import io.hardformer.dsl.ir.Signal;
import io.hardformer.dsl.ir.SignalKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Emits an elaborated design as Verilog-2005: one file per distinct module, a filelist and a
 * manifest. Java builds an immutable view model per module ({@link ModuleViewBuilder}); the
 * Velocity template {@code module.vm} lays it out.
 */
public final class VerilogEmitter {
  private VerilogEmitter() {}

  /** Elaborates and emits {@code top} in one step. */
  public static EmittedDesign emit(Module top, EmitOptions options) {
    return emit(Elaborator.elaborate(top), options);
  }

  public static EmittedDesign emit(Design design, EmitOptions options) {
    Set<ModuleDef> clocked = clockedModules(design);
    Map<String, String> files = new LinkedHashMap<>();
    for (ModuleDef def : design.modules()) {
      String text =
          TemplateRenderer.module(new ModuleViewBuilder(design, def, options, clocked).build());
      files.put(def.name() + ".v", text);
    }
    ModuleDef top = design.top();
    List<PortInfo> ports = new ArrayList<>();
    if (clocked.contains(top)) {
      ports.add(new PortInfo("clk", "input", 1));
      ports.add(new PortInfo("rst", "input", 1));
    }
    for (Signal p : top.body().ports()) {
      ports.add(
          new PortInfo(
              ModuleViewBuilder.portName(p),
              p.kind() == SignalKind.INPUT ? "input" : "output",
              p.width()));
    }
    String manifest =
        ManifestWriter.write(design, top.name(), ports, new ArrayList<>(files.keySet()), options);
    return new EmittedDesign(design, top.name(), files, ports, manifest);
  }

  /**
   * A simulation-only view of {@code emitted} for Verilator: the design flattened into one module,
   * the instances of its most repeated cell definition folded into one loop over arrays of their
   * registers ({@link FoldedViewBuilder}), same ports and the same outputs in every cycle. Empty
   * when no clocked definition with Moore outputs and combinational children has {@code
   * minInstances} instances or more.
   */
  public static Optional<EmittedDesign> foldedView(EmittedDesign emitted, int minInstances) {
    return foldedView(emitted, minInstances, SPLIT_FROM);
  }

  /**
   * Folded instances from which {@link #foldedView(EmittedDesign, int)} steps them in two clocked
   * blocks, for two threads. Below, the threads' hand-over costs more than they save
   * (docs/BENCHMARKS.md, "Two threads").
   */
  public static final int SPLIT_FROM = 256;

  /**
   * As {@link #foldedView(EmittedDesign, int)}, the loop split over two clocked blocks that
   * Verilator may run on two threads ({@link EmittedDesign#viewBlocks}) from {@code splitFrom}
   * instances (0: never). The split needs every value one half hands the other to be a register;
   * otherwise the view has one block.
   */
  public static Optional<EmittedDesign> foldedView(
      EmittedDesign emitted, int minInstances, int splitFrom) {
    Design design = emitted.design();
    return FoldedViewBuilder.build(design, minInstances, splitFrom)
        .map(
            view ->
                new EmittedDesign(
                    design,
                    emitted.top(),
                    Map.of(emitted.top() + ".v", view.text()),
                    emitted.ports(),
                    emitted.manifest(),
                    view.blocks()));
  }

  private static Set<ModuleDef> clockedModules(Design design) {
    Set<ModuleDef> clocked = Collections.newSetFromMap(new IdentityHashMap<>());
    for (ModuleDef def : design.modules()) { // children come first
      boolean c = def.body().signals().stream().anyMatch(s -> s.kind() == SignalKind.REGISTER);
      for (Instance i : def.body().instances()) {
        c |= clocked.contains(design.defOf(i.body()));
      }
      if (c) {
        clocked.add(def);
      }
    }
    return clocked;
  }
}
