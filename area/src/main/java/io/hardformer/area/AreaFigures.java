package io.hardformer.area;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The area figures every manifest carries: FMA count, register bits, NAND2-equivalent gates,
 * transistors (4 per NAND2 equivalent, static CMOS) and mm^2 at a logic density, with the method
 * that produced them.
 *
 * <p>Default density: {@value #DEFAULT_DENSITY_MTR_PER_MM2} million transistors per mm^2, the
 * NVIDIA H100 (80 billion transistors on 814 mm^2, TSMC 4N; NVIDIA H100 whitepaper), a real 4 nm
 * design with its SRAM and wiring, at the low end of the 100-150 MTr/mm^2 that 4-5 nm logic reaches
 * in real designs.
 */
public record AreaFigures(
    long fmaCount, long registerBits, double nand2, double densityMTrPerMm2, String method) {
  public static final double DEFAULT_DENSITY_MTR_PER_MM2 = 98.3;
  public static final String DENSITY_SOURCE = "NVIDIA H100: 80e9 transistors on 814 mm^2 (TSMC 4N)";

  /** Etched's published figure for one FP16 FMA at 2 GHz ("around 10k transistors"). */
  public static final double ETCHED_TRANSISTORS_PER_FMA = 10_000;

  public double transistors() {
    return 4 * nand2;
  }

  public double mm2() {
    return transistors() / (densityMTrPerMm2 * 1e6);
  }

  /** Transistors per FMA over the whole design (edge logic included); 0 without FMAs. */
  public double transistorsPerFma() {
    return fmaCount == 0 ? 0 : transistors() / fmaCount;
  }

  public AreaFigures atDensity(double mtrPerMm2) {
    return new AreaFigures(fmaCount, registerBits, nand2, mtrPerMm2, method);
  }

  /** The manifest's {@code area} section. */
  public Map<String, Object> toManifest() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("fmaCount", fmaCount);
    m.put("registerBits", registerBits);
    m.put("nand2Equivalents", Math.round(nand2));
    m.put("transistors", Math.round(transistors()));
    m.put("transistorsPerFma", Math.round(transistorsPerFma()));
    m.put("mm2", Math.round(mm2() * 1e6) / 1e6);
    m.put("densityMTrPerMm2", densityMTrPerMm2);
    m.put("densitySource", DENSITY_SOURCE);
    m.put("method", method);
    return m;
  }
}
