package io.hardformer.cli.designs;

import io.hardformer.area.AreaFigures;
import io.hardformer.area.AreaModel;
import io.hardformer.cli.output.OutputDirectory;
import io.hardformer.generators.catalog.BadParameterException;
import io.hardformer.generators.catalog.ConfiguredGenerator;
import io.hardformer.generators.catalog.Generator;
import io.hardformer.generators.catalog.ParameterOption;
import io.hardformer.rtl.EmittedDesign;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * One design as a subcommand of {@code generate}, {@code area} or {@code timing}, built from its
 * {@link Generator} descriptor: the parameter record's options (names, help, defaults) plus the
 * options every design has ({@code --out}, {@code --density}, {@code --json}, {@code
 * --node-fo4-ps}, {@code --timing}). What it does depends on the parent command.
 */
final class GeneratorCommand implements Callable<Integer> {
  private final Generator<?> generator;
  private final CommandSpec spec;

  private GeneratorCommand(Generator<?> generator) {
    this.generator = generator;
    this.spec = CommandSpec.wrapWithoutInspection(this);
    spec.name(generator.name()).mixinStandardHelpOptions(true);
    List<String> footer =
        new ArrayList<>(List.of("", generator.examples().size() == 1 ? "Example:" : "Examples:"));
    generator.examples().forEach(e -> footer.add("  " + e));
    spec.usageMessage()
        .description(generator.description().toArray(new String[0]))
        .footer(footer.toArray(new String[0]));
    for (ParameterOption o : ParameterOption.of(generator.parameterType())) {
      OptionSpec.Builder b =
          OptionSpec.builder(o.name())
              .type(o.type())
              .paramLabel("<" + o.component() + ">")
              .description(o.description());
      if (o.required()) {
        b.required(true);
      } else {
        b.defaultValue(o.defaultValue());
      }
      if (o.negatable()) {
        b.negatable(true).fallbackValue("true");
      }
      spec.addOption(b.build());
    }
    spec.addOption(
        OptionSpec.builder("--out")
            .type(Path.class)
            .paramLabel("<out>")
            .description("Output folder (created if needed); required by generate.")
            .build());
    spec.addOption(
        OptionSpec.builder("--density")
            .type(Double.class)
            .paramLabel("<density>")
            .description(
                "area: logic density in million "
                    + "transistors per mm^2 (default: "
                    + AreaFigures.DEFAULT_DENSITY_MTR_PER_MM2
                    + ", "
                    + AreaFigures.DENSITY_SOURCE
                    + ").")
            .build());
    spec.addOption(
        OptionSpec.builder("--json")
            .type(boolean.class)
            .initialValue(false)
            .description("area, timing: print the figures as JSON.")
            .build());
    spec.addOption(
        OptionSpec.builder("--node-fo4-ps")
            .type(Double.class)
            .paramLabel("<nodeFo4Ps>")
            .description(
                "timing: FO4 delay in ps of the "
                    + "node to scale the clock to (default: "
                    + ModernNode.DEFAULT_FO4_PS
                    + ", "
                    + ModernNode.DEFAULT_SOURCE
                    + ").")
            .build());
    spec.addOption(
        OptionSpec.builder("--timing")
            .type(boolean.class)
            .initialValue(false)
            .description(
                "generate: add a "
                    + "timing section to manifest.json (the figures of 'hardformer timing --json'; runs Yosys and OpenSTA).")
            .build());
    spec.addOption(
        OptionSpec.builder("--delay-target-ps")
            .type(Integer.class)
            .paramLabel("<ps>")
            .description(
                "timing, generate --timing: ABC's delay target in ps (abc -D; default: "
                    + io.hardformer.verilator.timing.TimingAnalysis.DELAY_TARGET_PS
                    + "). It bounds the logic between flip-flops; a path that must fit 30 FO4 "
                    + "with the flip-flops' clock-to-Q and setup asks for about 2600.")
            .build());
    spec.addOption(
        OptionSpec.builder("--time-limit")
            .type(Long.class)
            .paramLabel("<seconds>")
            .description(
                "timing, generate --timing: seconds each tool (Yosys with ABC, then OpenSTA) may run "
                    + "before timing stops with an error naming the log it left (default: "
                    + io.hardformer.verilator.timing.TimingAnalysis.DEFAULT_TIME_LIMIT_S
                    + ").")
            .build());
  }

  /** The subcommand of a generator. */
  static CommandSpec spec(Generator<?> generator) {
    return new GeneratorCommand(generator).spec;
  }

  private <T> T value(String option) {
    return spec.findOption(option).getValue();
  }

  /**
   * The parsed options as the generator's parameter record, or a usage error naming the bad option.
   */
  private ConfiguredGenerator<?> configured() {
    Map<String, Object> values = new LinkedHashMap<>();
    for (ParameterOption o : ParameterOption.of(generator.parameterType())) {
      values.put(o.component(), value(o.name()));
    }
    try {
      return ConfiguredGenerator.of(generator, values);
    } catch (BadParameterException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  @Override
  public Integer call() throws Exception {
    String parent = spec.parent() == null ? "generate" : spec.parent().name();
    if (parent.equals("area")) {
      return printArea();
    }
    if (parent.equals("timing")) {
      return printTiming();
    }
    Path out = value("--out");
    boolean timing = value("--timing");
    if (out == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "missing required option: '--out=<out>'");
    }
    io.hardformer.cli.output.OutputFolder.require(spec.commandLine(), "--out", out);
    String timingOption = timingOptionGiven();
    if (timingOption != null && !timing) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "option '" + timingOption + "' needs --timing");
    }
    checkNodeFo4();
    GeneratedUnit unit = DesignCatalog.generate(configured(), timing ? this::timingFigures : null);
    EmittedDesign d = unit.emitted();
    try (OutputDirectory o = OutputDirectory.open(out, "generate")) {
      unit.writeInto(o, "");
      o.commit();
    }
    if (this.<Boolean>value("--json")) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("design", spec.name());
      m.put("top", d.top());
      m.put("out", out.toString());
      m.put("files", new ArrayList<>(d.files().keySet()));
      m.put("area", unit.areaManifest());
      if (unit.extras().containsKey("timing")) {
        m.put("timing", unit.extras().get("timing"));
      }
      System.out.println(
          new com.fasterxml.jackson.databind.ObjectMapper()
              .writerWithDefaultPrettyPrinter()
              .writeValueAsString(m));
      return 0;
    }
    // the filelist names files relative to its own folder: -F (not -f) reads it from any working
    // folder
    System.out.println(
        "wrote "
            + d.verilog().size()
            + " Verilog file(s), "
            + d.filelistName()
            + " and manifest.json for "
            + d.top()
            + " to "
            + out
            + " (from any folder: verilator -F "
            + out.resolve(d.filelistName())
            + ")");
    d.design().warnings().forEach(w -> System.err.println(w.render()));
    return 0;
  }

  private int printTiming() throws Exception {
    Path out = value("--out");
    Double density = value("--density");
    boolean timing = value("--timing");
    if (out != null || density != null || timing) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "option '"
              + (out != null ? "--out" : density != null ? "--density" : "--timing")
              + "' does not apply to timing");
    }
    checkNodeFo4();
    GeneratedUnit unit = DesignCatalog.generate(configured(), null);
    TimingFigures f = timingFigures(unit.emitted(), unit.area().nand2());
    if (this.<Boolean>value("--json")) {
      System.out.println(
          new com.fasterxml.jackson.databind.ObjectMapper()
              .writerWithDefaultPrettyPrinter()
              .writeValueAsString(f.toJson()));
    } else {
      System.out.print(f.text(spec.name(), unit.parameters()));
    }
    return 0;
  }

  /**
   * Throws a usage error unless {@code --node-fo4-ps} is unset or positive and {@code --time-limit}
   * unset or at least 1 s.
   */
  private void checkNodeFo4() {
    Double nodeFo4Ps = value("--node-fo4-ps");
    if (nodeFo4Ps != null && !(nodeFo4Ps > 0 && nodeFo4Ps < 1e6)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "option '--node-fo4-ps' must be positive (ps), got " + nodeFo4Ps);
    }
    Long limit = value("--time-limit");
    if (limit != null && limit < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "option '--time-limit' must be at least 1 (seconds), got " + limit);
    }
    Integer target = value("--delay-target-ps");
    if (target != null && (target < 100 || target > 100_000)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "option '--delay-target-ps' must be 100 to 100000 (ps), got "
              + target
              + "; 2600 fits a 30 FO4 register-to-register path, 3000 is the default");
    }
  }

  /** The options that only timing reads, in the order errors name them. */
  private static final List<String> TIMING_OPTIONS =
      List.of("--node-fo4-ps", "--time-limit", "--delay-target-ps");

  /** The first of {@link #TIMING_OPTIONS} given on the command line, or null. */
  private String timingOptionGiven() {
    return TIMING_OPTIONS.stream().filter(o -> value(o) != null).findFirst().orElse(null);
  }

  /** Times {@code d} (Yosys + OpenSTA, cached) and measures FO4. */
  private TimingFigures timingFigures(EmittedDesign d, double nand2Estimate) {
    checkNodeFo4();
    Double nodeFo4Ps = value("--node-fo4-ps");
    io.hardformer.verilator.timing.Hierarchy hierarchy =
        io.hardformer.verilator.timing.Hierarchy.forEstimate(nand2Estimate);
    System.err.println(
        "hardformer: timing "
            + d.top()
            + " with Yosys + OpenSTA on osu018_stdcells.lib, "
            + hierarchy.label()
            + " (cached by content)");
    Long limit = value("--time-limit");
    Integer chosenTarget = value("--delay-target-ps");
    int target =
        chosenTarget == null
            ? io.hardformer.verilator.timing.TimingAnalysis.DELAY_TARGET_PS
            : chosenTarget;
    io.hardformer.verilator.timing.SynthesizedTiming t =
        io.hardformer.verilator.timing.TimingAnalysis.analyze(
            d,
            hierarchy,
            limit == null
                ? io.hardformer.verilator.timing.TimingAnalysis.DEFAULT_TIME_LIMIT_S
                : limit,
            target);
    io.hardformer.verilator.timing.TimingAnalysis.logs(d, hierarchy, target)
        .filter(java.nio.file.Files::isDirectory)
        .ifPresent(l -> System.err.println("hardformer: the tools' logs of this result: " + l));
    double fo4 = io.hardformer.verilator.timing.Fo4.picoseconds();
    return new TimingFigures(
        t,
        hierarchy,
        fo4,
        nodeFo4Ps == null ? ModernNode.DEFAULT_FO4_PS : nodeFo4Ps,
        nodeFo4Ps == null ? ModernNode.DEFAULT_SOURCE : "--node-fo4-ps",
        nand2Estimate,
        target);
  }

  private int printArea() throws Exception {
    boolean timing = value("--timing");
    Double density = value("--density");
    String timingOption = timing ? "--timing" : timingOptionGiven();
    if (timingOption != null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "option '" + timingOption + "' does not apply to area");
    }
    double dens = density == null ? AreaFigures.DEFAULT_DENSITY_MTR_PER_MM2 : density;
    if (dens <= 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "option '--density' must be positive, got " + dens);
    }
    ConfiguredGenerator<?> g = configured();
    // priced from the generator's bill of materials: only a design without one is elaborated whole
    AreaModel.Priced priced = AreaModel.of(g, null, dens);
    AreaFigures a = priced.figures();
    if (this.<Boolean>value("--json")) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("design", spec.name());
      m.put("parameters", g.parameterValues());
      m.put("area", a.toManifest());
      System.out.println(
          new com.fasterxml.jackson.databind.ObjectMapper()
              .writerWithDefaultPrettyPrinter()
              .writeValueAsString(m));
      return 0;
    }
    System.out.println(spec.name() + " " + g.parameterValues());
    System.out.printf(java.util.Locale.ROOT, "  FMAs                 %,d%n", a.fmaCount());
    System.out.printf(java.util.Locale.ROOT, "  register bits        %,d%n", a.registerBits());
    System.out.printf(java.util.Locale.ROOT, "  NAND2 equivalents    %,.0f%n", a.nand2());
    System.out.printf(
        java.util.Locale.ROOT,
        "  transistors          %,.0f (4 per NAND2 equivalent)%n",
        a.transistors());
    if (a.fmaCount() > 0) {
      System.out.printf(
          java.util.Locale.ROOT,
          "  transistors per FMA  %,.0f (Etched: ~%,.0f for an FP16 FMA at 2 GHz)%n",
          a.transistorsPerFma(),
          AreaFigures.ETCHED_TRANSISTORS_PER_FMA);
    }
    System.out.printf(
        java.util.Locale.ROOT,
        "  area                 %.4f mm^2 at %.1f MTr/mm^2%n",
        a.mm2(),
        a.densityMTrPerMm2());
    System.out.println("  method: " + a.method());
    priced.notes().forEach(n -> System.out.println("  " + n));
    return 0;
  }
}
