package io.hardformer.throughput;

import java.util.Locale;

/**
 * The number format of weights, KV cache and the matmul datapath: FP8 (1 byte) or BF16 (2 bytes).
 */
public enum Precision {
  FP8(1),
  BF16(2);

  private final int bytes;

  Precision(int bytes) {
    this.bytes = bytes;
  }

  public int bytes() {
    return bytes;
  }

  /** The name on the command line: fp8, bf16. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The precision named {@code s} (any case), or an error naming the choices. */
  public static Precision parse(String s) {
    for (Precision p : values()) {
      if (p.cliName().equalsIgnoreCase(s)) {
        return p;
      }
    }
    throw new IllegalArgumentException("must be one of fp8, bf16, got '" + s + "'");
  }
}
