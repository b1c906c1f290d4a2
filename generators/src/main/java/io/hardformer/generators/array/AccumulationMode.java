package io.hardformer.generators.array;

/**
 * How an FMA cell accumulates: {@code EXACT} in a wide fixed-point register, rounded once at the
 * end (as fp8-dot does); {@code FP32} in IEEE binary32 with RNE after every product, in the order k
 * = 0..K-1; {@code FIXED} in a short block floating-point register (B fraction bits below a running
 * maximum exponent, two's-complement truncation), optionally promoted into an FP32 running sum
 * every N products (docs/NUMERICS.md, "Fixed-point accumulation").
 */
public enum AccumulationMode {
  EXACT,
  FP32,
  FIXED;

  public static AccumulationMode parse(String name) {
    for (AccumulationMode m : values()) {
      if (m.name().equalsIgnoreCase(name)) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown accumulation '" + name + "'; valid: exact, fp32, fixed");
  }

  public String cliName() {
    return name().toLowerCase();
  }
}
