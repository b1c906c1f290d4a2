package io.hardformer.cli.designs;

import io.hardformer.cli.output.OutputDirectory;
import io.hardformer.dsl.Module;
import io.hardformer.rtl.EmitOptions;
import io.hardformer.rtl.EmittedDesign;
import io.hardformer.rtl.VerilogEmitter;
import java.nio.file.Path;
import io.hardformer.generators.area.AreaFigures;
import io.hardformer.generators.area.GateEstimate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Common shape of one {@code generate <design>} subcommand: validated options, the module they build,
 * and {@code --out}. Subclasses declare their options and build the module.
 */
abstract class DesignCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--out", description = "Output folder (created if needed); required by generate.")
  Path out;

  @Option(names = "--density", description = "area: logic density in million transistors per mm^2 (default: "
      + AreaFigures.DEFAULT_DENSITY_MTR_PER_MM2 + ", " + AreaFigures.DENSITY_SOURCE + ").")
  Double density;

  @Option(names = "--json", description = "area, timing: print the figures as JSON.")
  boolean json;

  @Option(names = "--node-fo4-ps", description = "timing: FO4 delay in ps of the node to scale the clock to (default: "
      + ModernNode.DEFAULT_FO4_PS + ", " + ModernNode.DEFAULT_SOURCE + ").")
  Double nodeFo4Ps;

  @Option(names = "--timing", description = "generate: add a timing section to manifest.json (the figures of "
      + "'hardformer timing --json'; runs Yosys and OpenSTA).")
  boolean timing;

  /** The design's parameters by name, for the header and manifest, in option order. */
  abstract Map<String, String> parameters();

  /** Builds the module; options are already validated. */
  abstract Module build();

  /** Extra manifest sections of this design (area, numerics, timing assumptions). */
  Map<String, Object> manifestExtras(io.hardformer.dsl.elaborate.Design design) {
    return Map.of();
  }

  /** The design's area figures; by default the pre-synthesis IR estimate. */
  AreaFigures area(io.hardformer.dsl.elaborate.Design design, double density) {
    return GateEstimate.figures(design, density);
  }

  /** Whether {@link #area} and {@link #areaNotes} read the elaborated design (false: they use only the options). */
  boolean areaNeedsDesign() {
    return true;
  }

  /** Extra lines for the area report (after the figures). */
  List<String> areaNotes(io.hardformer.dsl.elaborate.Design design, double density) {
    return List.of();
  }

  /** Throws a usage error unless {@code value} is one of {@code allowed} (case-insensitive). */
  final String choice(String option, String value, String... allowed) {
    for (String a : allowed) {
      if (a.equalsIgnoreCase(value)) {
        return a;
      }
    }
    throw new CommandLine.ParameterException(spec.commandLine(), "option '" + option + "' must be one of "
        + String.join(", ", allowed) + ", got '" + value + "'");
  }

  /** Throws a usage error unless {@code min <= value <= max}. */
  final int range(String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw new CommandLine.ParameterException(spec.commandLine(), "option '" + option + "' must be between "
          + min + " and " + max + ", got " + value);
    }
    return value;
  }

  static Map<String, String> params(Object... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(String.valueOf(kv[i]), String.valueOf(kv[i + 1]));
    }
    return m;
  }

  @Override
  public Integer call() throws Exception {
    boolean areaOnly = spec.parent() != null && spec.parent().name().equals("area");
    if (areaOnly) {
      return printArea();
    }
    if (spec.parent() != null && spec.parent().name().equals("timing")) {
      return printTiming();
    }
    if (out == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "missing required option: '--out=<out>'");
    }
    io.hardformer.cli.output.OutputFolder.require(spec.commandLine(), "--out", out);
    if (nodeFo4Ps != null && !timing) {
      throw new CommandLine.ParameterException(spec.commandLine(), "option '--node-fo4-ps' needs --timing");
    }
    checkNodeFo4();
    GeneratedUnit unit = generate();
    EmittedDesign d = unit.emitted();
    try (OutputDirectory o = OutputDirectory.open(out, "generate")) {
      unit.writeInto(o, "");
      o.commit();
    }
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("design", spec.name());
      m.put("top", d.top());
      m.put("out", out.toString());
      m.put("files", new java.util.ArrayList<>(d.files().keySet()));
      m.put("area", unit.areaManifest());
      if (unit.extras().containsKey("timing")) {
        m.put("timing", unit.extras().get("timing"));
      }
      System.out.println(new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
          .writeValueAsString(m));
      return 0;
    }
    // the filelist names files relative to its own folder: -F (not -f) reads it from any working folder
    System.out.println("wrote " + d.verilog().size() + " Verilog file(s), " + d.filelistName()
        + " and manifest.json for " + d.top() + " to " + out + " (from any folder: verilator -F "
        + out.resolve(d.filelistName()) + ")");
    d.design().warnings().forEach(w -> System.err.println(w.render()));
    return 0;
  }

  /** Elaborates and emits with the area and design sections in the manifest (in memory; nothing is written). */
  GeneratedUnit generate() {
    io.hardformer.dsl.elaborate.Design design = io.hardformer.dsl.elaborate.Elaborator.elaborate(build());
    AreaFigures a = area(design, AreaFigures.DEFAULT_DENSITY_MTR_PER_MM2);
    EmitOptions options = EmitOptions.forGenerator(spec.name(), parameters());
    options = options.withManifestExtra("area", GeneratedUnit.areaManifest(a, shape()));
    if (!GeneratedUnit.attentionEngines(shape()).isEmpty()) {
      options = options.withManifestExtra("attentionEngines", GeneratedUnit.attentionEngines(shape()));
    }
    Map<String, Object> extras = manifestExtras(design);
    for (Map.Entry<String, Object> e : extras.entrySet()) {
      options = options.withManifestExtra(e.getKey(), e.getValue());
    }
    EmittedDesign d = VerilogEmitter.emit(design, options);
    if (timing) {
      // the Verilog does not depend on the manifest, so the timed design is the one written
      Map<String, Object> t = timingFigures(d, a.nand2()).toJson();
      extras = new LinkedHashMap<>(extras);
      extras.put("timing", t);
      d = VerilogEmitter.emit(design, options.withManifestExtra("timing", t));
    }
    return new GeneratedUnit(spec.name(), parameters(), d, a, extras, shape());
  }

  /** The generator's shape object for self-checks (FmaArrayShape, AttentionShape), or null. */
  Object shape() {
    return null;
  }

  private int printTiming() throws Exception {
    if (out != null || density != null || timing) {
      throw new CommandLine.ParameterException(spec.commandLine(), "option '" + (out != null ? "--out"
          : density != null ? "--density" : "--timing") + "' does not apply to timing");
    }
    checkNodeFo4();
    GeneratedUnit unit = generate();
    TimingFigures f = timingFigures(unit.emitted(), unit.area().nand2());
    if (json) {
      System.out.println(new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
          .writeValueAsString(f.toJson()));
    } else {
      System.out.print(f.text(spec.name(), parameters()));
    }
    return 0;
  }

  /** Throws a usage error unless {@code --node-fo4-ps} is unset or positive. */
  private void checkNodeFo4() {
    if (nodeFo4Ps != null && !(nodeFo4Ps > 0 && nodeFo4Ps < 1e6)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "option '--node-fo4-ps' must be positive (ps), got "
          + nodeFo4Ps);
    }
  }

  /** Times {@code d} (Yosys + OpenSTA, cached) and measures FO4. */
  private TimingFigures timingFigures(EmittedDesign d, double nand2Estimate) {
    checkNodeFo4();
    System.err.println("hardformer: timing " + d.top() + " with Yosys + OpenSTA on osu018_stdcells.lib"
        + " (cached by content)");
    io.hardformer.verilator.timing.SynthesizedTiming t = io.hardformer.verilator.timing.TimingAnalysis.analyze(d);
    double fo4 = io.hardformer.verilator.timing.Fo4.picoseconds();
    return new TimingFigures(t, fo4, nodeFo4Ps == null ? ModernNode.DEFAULT_FO4_PS : nodeFo4Ps,
        nodeFo4Ps == null ? ModernNode.DEFAULT_SOURCE : "--node-fo4-ps", nand2Estimate);
  }

  private int printArea() throws Exception {
    if (timing || nodeFo4Ps != null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "option '" + (timing ? "--timing" : "--node-fo4-ps")
          + "' does not apply to area");
    }
    double dens = density == null ? AreaFigures.DEFAULT_DENSITY_MTR_PER_MM2 : density;
    if (dens <= 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "option '--density' must be positive, got " + dens);
    }
    // the area alone needs no elaborated design when the generator's model is analytic (a 128 x 128 array
    // elaborates in about a minute)
    io.hardformer.dsl.elaborate.Design design = areaNeedsDesign()
        ? io.hardformer.dsl.elaborate.Elaborator.elaborate(build()) : null;
    AreaFigures a = area(design, dens);
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("design", spec.name());
      m.put("parameters", parameters());
      m.put("area", a.toManifest());
      System.out.println(new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
          .writeValueAsString(m));
      return 0;
    }
    System.out.println(spec.name() + " " + parameters());
    System.out.printf(java.util.Locale.ROOT, "  FMAs                 %,d%n", a.fmaCount());
    System.out.printf(java.util.Locale.ROOT, "  register bits        %,d%n", a.registerBits());
    System.out.printf(java.util.Locale.ROOT, "  NAND2 equivalents    %,.0f%n", a.nand2());
    System.out.printf(java.util.Locale.ROOT, "  transistors          %,.0f (4 per NAND2 equivalent)%n", a.transistors());
    if (a.fmaCount() > 0) {
      System.out.printf(java.util.Locale.ROOT, "  transistors per FMA  %,.0f (Etched: ~%,.0f for an FP16 FMA at 2 GHz)%n",
          a.transistorsPerFma(), AreaFigures.ETCHED_TRANSISTORS_PER_FMA);
    }
    System.out.printf(java.util.Locale.ROOT, "  area                 %.4f mm^2 at %.1f MTr/mm^2%n", a.mm2(), a.densityMTrPerMm2());
    System.out.println("  method: " + a.method());
    areaNotes(design, dens).forEach(n -> System.out.println("  " + n));
    return 0;
  }
}
