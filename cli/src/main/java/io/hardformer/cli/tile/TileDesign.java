package io.hardformer.cli.tile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hardformer.cli.designs.DesignCatalog;
import io.hardformer.cli.designs.GeneratedUnit;
import io.hardformer.cli.output.OutputDirectory;
import io.hardformer.dsl.elaborate.Elaborator;
import io.hardformer.rtl.EmitOptions;
import io.hardformer.rtl.EmittedDesign;
import io.hardformer.rtl.EmittedPart;
import io.hardformer.rtl.VerilogEmitter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tile as one design: {@link TileTop} over every unit, elaborated and emitted together, so each
 * Verilog module is defined once under a design-wide name. Written into the output folder as every
 * module's {@code .v}, the filelist {@code tile_top.f} and, per unit, {@code <unit>/<module>.f} and
 * {@code <unit>/manifest.json} naming the tile's files ({@code ../fma_array.v}), so a unit can
 * still be linted or simulated alone.
 */
final class TileDesign {
  /** Keys of the whole design's manifest that the tile manifest carries. */
  private static final List<String> DESIGN_KEYS =
      List.of(
          "top", "filelist", "files", "clock", "reset", "ports", "modules", "stats", "warnings");

  private final EmittedDesign whole;
  private final List<EmittedPart> parts;

  private TileDesign(EmittedDesign whole, List<EmittedPart> parts) {
    this.whole = whole;
    this.parts = List.copyOf(parts);
  }

  /**
   * Emits the tile: {@code top} has adopted every unit's hardware, the same modules the standalone
   * {@code units} were elaborated from (each unit is built once).
   */
  static TileDesign of(TileConfig config, TileTop top, List<GeneratedUnit> units) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("name", config.name());
    params.put(
        "units", String.join(",", config.units().stream().map(TileConfig.Unit::name).toList()));
    EmittedDesign whole =
        VerilogEmitter.emit(Elaborator.elaborate(top), EmitOptions.forGenerator("tile", params));
    List<EmittedPart> parts = new ArrayList<>();
    for (int i = 0; i < units.size(); i++) {
      GeneratedUnit u = units.get(i);
      parts.add(
          EmittedPart.of(
              whole,
              TileTop.instanceName(config.units().get(i).name()),
              "../",
              DesignCatalog.emitOptions(u.generator(), u.area())));
    }
    return new TileDesign(whole, parts);
  }

  EmittedDesign whole() {
    return whole;
  }

  /** One per unit, in config order. */
  List<EmittedPart> parts() {
    return parts;
  }

  /**
   * Stages the tile's Verilog and filelist at the folder's root and each unit's filelist and
   * manifest into {@code <unit>/} ({@code folders}, in unit order).
   */
  void writeInto(OutputDirectory out, List<String> folders) {
    for (Map.Entry<String, String> f : whole.verilog().entrySet()) {
      out.write(f.getKey(), f.getValue());
    }
    out.write(whole.filelistName(), whole.filelist());
    for (int i = 0; i < parts.size(); i++) {
      for (Map.Entry<String, String> f : parts.get(i).files().entrySet()) {
        out.write(folders.get(i) + "/" + f.getKey(), f.getValue());
      }
    }
  }

  /**
   * The whole design's manifest sections for the tile manifest: top, filelist, files, clock, reset,
   * ports, modules, stats and warnings.
   */
  Map<String, Object> manifestSections() {
    Map<String, Object> parsed;
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = new ObjectMapper().readValue(whole.manifest(), LinkedHashMap.class);
      parsed = m;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the emitted manifest is not JSON", e);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (String k : DESIGN_KEYS) {
      if (parsed.containsKey(k)) {
        out.put(k, parsed.get(k));
      }
    }
    return out;
  }
}
