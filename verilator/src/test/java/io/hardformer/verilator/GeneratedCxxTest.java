package io.hardformer.verilator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated C++ of a model is counted from the build folder: its sources only. */
class GeneratedCxxTest {
  @Test
  void countsTheModelsCppAndHeadersButNotTheHarnessObjectsOrOtherModels(@TempDir Path obj)
      throws Exception {
    Files.writeString(obj.resolve("Vtop.h"), "a\nb\n");
    Files.writeString(obj.resolve("Vtop___024root__DepSet_h1__0.cpp"), "x\ny\nz\n");
    Files.writeString(obj.resolve("Vtop___024root__DepSet_h1__0.o"), "binary\n");
    Files.writeString(obj.resolve("harness.cpp"), "not the model\n");
    Files.writeString(obj.resolve("Vtop.mk"), "make\n");
    Files.writeString(obj.resolve("Vother.cpp"), "another top\n");
    GeneratedCxx cxx = GeneratedCxx.of(obj, "top");
    assertEquals(new GeneratedCxx(2, 5, 10), cxx);
  }
}
