package io.hardformer.cli.designs;

import io.hardformer.cli.output.OutputDirectory;
import io.hardformer.generators.area.AreaFigures;
import io.hardformer.generators.array.FmaArrayShape;
import io.hardformer.generators.attention.AttentionShape;
import io.hardformer.rtl.EmittedDesign;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One generated design: its catalog name and parameters, the emitted files, its area figures, the
 * manifest sections of the design (protocol, cycle contract, numerics) and its shape object for self-checks.
 */
public record GeneratedUnit(String design, Map<String, String> parameters, EmittedDesign emitted, AreaFigures area,
    Map<String, Object> extras, Object shape) {
  /** Stages the unit's files (Verilog, filelist, manifest) into {@code out} under {@code folder} ("" for the top). */
  public void writeInto(OutputDirectory out, String folder) {
    for (Map.Entry<String, String> f : emitted.files().entrySet()) {
      out.write(folder.isEmpty() ? f.getKey() : folder + "/" + f.getKey(), f.getValue());
    }
  }

  /** The manifest's {@code area} section: the area figures and the FMAs among them that do matmul work. */
  public Map<String, Object> areaManifest() {
    return areaManifest(area, shape);
  }

  static Map<String, Object> areaManifest(AreaFigures area, Object shape) {
    Map<String, Object> m = new LinkedHashMap<>(area.toManifest());
    m.put("matmulFmaCount", matmulFmas(shape));
    return m;
  }

  /** FMAs of this unit that do matmul work: the FMA array's grid; 0 for every other design. */
  public long matmulFmas() {
    return matmulFmas(shape);
  }

  static long matmulFmas(Object shape) {
    return shape instanceof FmaArrayShape ? ((FmaArrayShape) shape).fmaCount() : 0;
  }

  /** The unit as an attention engine for the throughput estimate (its step cycle contract), or none. */
  public List<Map<String, Object>> attentionEngines() {
    return attentionEngines(shape);
  }

  static List<Map<String, Object>> attentionEngines(Object shape) {
    if (!(shape instanceof AttentionShape)) {
      return List.of();
    }
    AttentionShape s = (AttentionShape) shape;
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("count", 1);
    e.put("qHeads", s.qHeads());
    e.put("headDim", s.headDim());
    e.put("stepFinishCycles", s.stepPeriod(0));
    e.put("contract", "one step (G query heads against S keys/values) every S + " + s.stepPeriod(0) + " cycles");
    return List.of(e);
  }
}
