package io.hardformer.verilator;

import io.hardformer.verilator.tools.ExternalTool;

/**
 * The C++ toolchain Verilator compiles models with: {@code make} and the compiler ({@code $CXX},
 * else {@code g++}). Checked before a build so a missing one is named with its Debian package,
 * instead of surfacing as make's {@code g++: No such file or directory}.
 */
public final class CxxToolchain {
  private CxxToolchain() {}

  /** The C++ compiler: {@code $CXX} or {@code g++} on the PATH (may be unavailable). */
  static ExternalTool compiler() {
    return ExternalTool.find(
        "g++ (the C++ compiler Verilator builds models with)", "g++", "CXX", "g++");
  }

  /**
   * Throws a {@link io.hardformer.verilator.tools.ToolException} naming the package when g++ or
   * make is missing.
   */
  public static void require() {
    compiler().binary();
    ExternalTool.find("make (Verilator builds models with it)", "make", null, "make").binary();
  }
}
