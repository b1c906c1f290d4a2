package io.hardformer.verilator;

import java.math.BigInteger;

/** Little-endian byte encoding of port values, as the harness exchanges them. */
public final class PortValues {
  private PortValues() {}

  /** {@code value} (non-negative, below 2^width) as {@code ceil(width/8)} little-endian bytes. */
  public static byte[] encode(BigInteger value, PortLayout port) {
    if (value.signum() < 0 || value.bitLength() > port.width()) {
      throw new IllegalArgumentException(
          "value "
              + value
              + " does not fit port '"
              + port.name()
              + "' ("
              + port.width()
              + " bits, unsigned)");
    }
    byte[] out = new byte[port.bytes()];
    byte[] be = value.toByteArray();
    for (int i = 0; i < out.length && i < be.length; i++) {
      out[i] = be[be.length - 1 - i];
    }
    return out;
  }

  public static void encodeLong(long value, int bytes, byte[] dst, int offset) {
    for (int i = 0; i < bytes; i++) {
      dst[offset + i] = (byte) (value >>> (8 * i));
    }
  }

  public static BigInteger decode(byte[] src, int offset, int bytes) {
    byte[] be = new byte[bytes + 1];
    for (int i = 0; i < bytes; i++) {
      be[bytes - i] = src[offset + i];
    }
    return new BigInteger(be);
  }

  public static long decodeLong(byte[] src, int offset, int bytes) {
    long v = 0;
    for (int i = 0; i < Math.min(bytes, 8); i++) {
      v |= (src[offset + i] & 0xFFL) << (8 * i);
    }
    return v;
  }
}
