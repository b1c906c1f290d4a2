package io.hardformer.generators.fp8;

import io.hardformer.generators.numerics.BinaryFormat;

/**
 * Output formats of the exact dot product and the FMA array: FP32 or BF16 (8-bit exponent both).
 */
public enum FloatPacker {
  FP32(BinaryFormat.FP32),
  BF16(BinaryFormat.BF16);

  private final BinaryFormat format;

  FloatPacker(BinaryFormat format) {
    this.format = format;
  }

  public static FloatPacker parse(String name) {
    for (FloatPacker p : values()) {
      if (p.name().equalsIgnoreCase(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown output format '" + name + "'; valid: fp32, bf16");
  }

  public BinaryFormat format() {
    return format;
  }

  public String cliName() {
    return name().toLowerCase();
  }

  public int width() {
    return format.width();
  }

  /** Significant bits including the hidden one: 24 or 8. */
  public int precision() {
    return format.mantissaBits() + 1;
  }
}
