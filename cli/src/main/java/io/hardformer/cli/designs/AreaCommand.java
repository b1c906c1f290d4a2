package io.hardformer.cli.designs;

import io.hardformer.area.FmaArrayArea;
import io.hardformer.area.UnitAreaTable;
import io.hardformer.area.UnitAreaTable.UnitArea;
import io.hardformer.dsl.Module;
import io.hardformer.rtl.EmitOptions;
import io.hardformer.rtl.VerilogEmitter;
import io.hardformer.verilator.AreaSynthesis;
import io.hardformer.verilator.SynthesizedArea;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hardformer area <design> [params]}: FMA count, register bits, NAND2 equivalents,
 * transistors and mm^2 of a design without writing it; {@code hardformer area --calibrate}
 * re-synthesizes the unit table.
 */
@Command(
    name = "area",
    mixinStandardHelpOptions = true,
    description = {
      "Area of a design: FMAs, register bits, NAND2 equivalents, transistors, mm^2 (the same "
          + "figures as the manifest). fma-array uses per-cell Yosys synthesis from a table; other designs a "
          + "pre-synthesis estimate.",
      "With --calibrate: synthesize every unit of the table with Yosys and print it (or --write it)."
    },
    footer = {
      "",
      "Examples:",
      "  ./hardformer area fma-array --rows 64 --cols 64 --format e4m3 --acc fp32",
      "  ./hardformer area fma-array --rows 128 --cols 128 --format e4m3 --acc exact --density 140 --json",
      "  ./hardformer area --calibrate --write area/src/main/resources/io/hardformer/area/unit-areas.tsv"
    })
public final class AreaCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--calibrate",
      description = "Synthesize every table unit with Yosys and print the table.")
  boolean calibrate;

  @Option(
      names = "--write",
      description =
          "With --calibrate: write the table to this file (its folder is created " + "if needed).")
  Path write;

  @Override
  public Integer call() throws Exception {
    if (!calibrate) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "missing design; valid designs: "
              + String.join(", ", spec.subcommands().keySet())
              + " (or --calibrate)");
    }
    String text = calibrated().format(HEADER);
    if (write != null) {
      try {
        io.hardformer.cli.output.WholeFile.write(write, text);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(
            "cannot write the unit-area table to " + write + ": " + e, e);
      }
      System.out.println("wrote " + write);
    } else {
      System.out.print(text);
    }
    return 0;
  }

  static final String HEADER =
      "# Synthesized unit areas: Yosys synth -flatten; dfflibmap + abc against hardformer_nand2.lib"
          + " (NAND2 = 1).\n# Regenerate: ./hardformer area --calibrate --write <this file>\n# unit\tnand2\tflip_flops\n";

  /** Every unit of {@link FmaArrayArea#calibrationUnits()}, synthesized now. */
  public static UnitAreaTable calibrated() {
    Map<String, UnitArea> m = new LinkedHashMap<>();
    for (Map.Entry<String, Supplier<Module>> e : FmaArrayArea.calibrationUnits().entrySet()) {
      SynthesizedArea s =
          AreaSynthesis.synthesize(VerilogEmitter.emit(e.getValue().get(), EmitOptions.defaults()));
      m.put(e.getKey(), new UnitArea(s.nand2Equivalents(), s.flipFlops()));
      System.err.println(
          "hardformer: synthesized "
              + e.getKey()
              + ": "
              + Math.round(s.nand2Equivalents())
              + " NAND2 eq");
    }
    return new UnitAreaTable(m);
  }
}
