package io.hardformer.cli.designs;

import io.hardformer.area.AreaFigures;
import io.hardformer.cli.output.OutputDirectory;
import io.hardformer.generators.catalog.AttentionFacts;
import io.hardformer.generators.catalog.ConfiguredGenerator;
import io.hardformer.generators.catalog.MatmulFacts;
import io.hardformer.rtl.EmittedDesign;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One generated design: the configured generator it came from, the emitted files, its area figures
 * and the manifest sections of the design (protocol, cycle contract, numerics, timing when asked
 * for).
 */
public record GeneratedUnit(
    ConfiguredGenerator<?> generator,
    EmittedDesign emitted,
    AreaFigures area,
    Map<String, Object> extras) {
  /** The catalog name of the design. */
  public String design() {
    return generator.name();
  }

  /** The parameters by option key, as the manifest lists them. */
  public Map<String, String> parameters() {
    return generator.parameterValues();
  }

  /**
   * Stages the unit's files (Verilog, filelist, manifest) into {@code out} under {@code folder} (""
   * for the top).
   */
  public void writeInto(OutputDirectory out, String folder) {
    for (Map.Entry<String, String> f : emitted.files().entrySet()) {
      out.write(folder.isEmpty() ? f.getKey() : folder + "/" + f.getKey(), f.getValue());
    }
  }

  /**
   * The manifest's {@code area} section: the area figures and the FMAs among them that do matmul
   * work.
   */
  public Map<String, Object> areaManifest() {
    return areaManifest(area, generator);
  }

  static Map<String, Object> areaManifest(AreaFigures area, ConfiguredGenerator<?> generator) {
    Map<String, Object> m = new LinkedHashMap<>(area.toManifest());
    m.put("matmulFmaCount", generator.matmul().map(MatmulFacts::fmas).orElse(0L));
    return m;
  }

  /**
   * FMAs of this unit that do matmul work: the FMA array's grid; 0 for a unit that is no matmul
   * hardware.
   */
  public long matmulFmas() {
    return generator.matmul().map(MatmulFacts::fmas).orElse(0L);
  }

  /**
   * The unit as an attention engine for the throughput estimate (its step cycle contract), or none.
   */
  public List<Map<String, Object>> attentionEngines() {
    return generator.attention().map(a -> List.of(a.toManifest())).orElse(List.of());
  }

  /** The attention facts of the unit, if it is an attention engine. */
  public java.util.Optional<AttentionFacts> attention() {
    return generator.attention();
  }
}
