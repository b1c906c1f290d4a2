package io.hardformer.cli.designs;

import io.hardformer.cli.output.OutputDirectory;
import io.hardformer.generators.area.AreaFigures;
import io.hardformer.rtl.EmittedDesign;
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
}
