package io.hardformer.cli.tile;

import io.hardformer.cli.designs.DesignCatalog;
import io.hardformer.cli.designs.GeneratedUnit;
import io.hardformer.verilator.timing.Fo4;
import io.hardformer.verilator.timing.Hierarchy;
import io.hardformer.verilator.timing.SynthesizedTiming;
import io.hardformer.verilator.timing.TimingAnalysis;
import io.hardformer.verilator.tools.ToolException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench/tile-timing-table [FILE]}: times every unit of the embedded default tile, one after
 * the other, as {@code ./hardformer timing <design> <options>} does (the timing cache answers a
 * unit timed before), and writes {@link MeasuredTimingTable}'s text to {@code FILE} (default: the
 * table in the sources, {@link MeasuredTimingTable#SOURCE_PATH}), whole or not at all. Progress on
 * stderr; one line per unit on stdout.
 */
public final class RegenerateTileTimingTable {
  private RegenerateTileTimingTable() {}

  public static void main(String[] args) {
    Path file = Path.of(args.length > 0 ? args[0] : MeasuredTimingTable.SOURCE_PATH);
    try {
      write(file);
    } catch (ToolException | IOException e) {
      System.err.println("tile-timing-table: " + e.getMessage());
      System.exit(2);
    }
  }

  private static void write(Path file) throws IOException {
    TileConfig config = TileConfig.embeddedDefault();
    List<MeasuredTimingTable.Entry> rows = new ArrayList<>();
    for (TileConfig.Unit u : config.units()) {
      GeneratedUnit g = DesignCatalog.generate(u.generator());
      Hierarchy hierarchy = Hierarchy.forEstimate(g.area().nand2());
      System.err.println(
          "tile-timing-table: timing unit '" + u.name() + "' (" + hierarchy.label() + ") ...");
      long start = System.nanoTime();
      SynthesizedTiming t = TimingAnalysis.analyze(g.emitted(), hierarchy);
      rows.add(
          new MeasuredTimingTable.Entry(
              TimingAnalysis.contentKey(g.emitted(), hierarchy),
              u.name(),
              g.design(),
              t.criticalPathNs(),
              t.startPoint(),
              t.endPoint(),
              t.areaUm2(),
              hierarchy.label()));
      System.out.printf(
          Locale.ROOT,
          "%s\t%.3f ns\t%.1f FO4\t%s -> %s\t(%.0f s)%n",
          u.name(),
          t.criticalPathNs(),
          t.criticalPathNs() * 1000 / Fo4.picoseconds(),
          t.startPoint(),
          t.endPoint(),
          (System.nanoTime() - start) / 1e9);
    }
    List<String> comments =
        List.of(
            "# The default tile's units (default-tile.yaml) timed by ./hardformer timing <design> <options>:",
            "# Yosys + ABC (TimingAnalysis.ABC_SCRIPT) on osu018_stdcells.lib, then OpenSTA; critical path in ns",
            "# at 0.18 um. Keyed by TimingAnalysis.contentKey (the emitted Verilog and the flow's scripts).",
            "# TileClock reads it when the timing cache has no result for a unit. Written by "
                + MeasuredTimingTable.REGENERATE
                + "; do not edit.",
            "# Tools: "
                + firstLine(List.of("yosys", "-V"))
                + "; "
                + firstLine(List.of("sta", "-version")).replace("\n", " ")
                + " (OpenSTA)");
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "tile-timing-", ".tmp");
    Files.writeString(tmp, MeasuredTimingTable.format(comments, Fo4.picoseconds(), rows));
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    System.err.println("tile-timing-table: wrote " + file);
  }

  private static String firstLine(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out =
          new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
              .strip();
      p.waitFor();
      return out.lines().findFirst().orElse("?");
    } catch (IOException e) {
      return command.get(0) + " (not found)";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "?";
    }
  }
}
