package io.hardformer.verilator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.verilator.tools.ExternalTool;
import io.hardformer.verilator.tools.ToolException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Missing and too-old Verilator give messages naming what was found and how to fix it. */
class VerilatorLocateTest {
  @TempDir Path tmp;

  @Test
  void missingVerilatorNamesThePackage() {
    ExternalTool tool = ExternalTool.at("Verilator", tmp.resolve("no-such-verilator"), "verilator");
    ToolException e = assertThrows(ToolException.class, () -> Verilator.locate(tool));
    assertTrue(e.getMessage().contains("Verilator not found"), e.getMessage());
    assertTrue(e.getMessage().contains("apt-get install verilator"), e.getMessage());
    assertTrue(
        e.getMessage().contains("no-such-verilator"), "names where it looked: " + e.getMessage());
  }

  @Test
  void tooOldVerilatorNamesTheVersionFound() throws Exception {
    Path fake = tmp.resolve("verilator");
    Files.writeString(
        fake, "#!/bin/sh\necho 'Verilator 4.038 2020-07-11 rev v4.036-114-g0cd4a57ad'\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    ToolException e =
        assertThrows(
            ToolException.class,
            () -> Verilator.locate(ExternalTool.at("Verilator", fake, "verilator")));
    assertTrue(
        e.getMessage().contains("Verilator 5.0 or newer is required, found 'Verilator 4.038"),
        e.getMessage());
  }

  @Test
  void buildErrorsPointFromVerilogBackToJava() {
    String out = "%Error: Mac.v:3:5: syntax error\n%Warning-WIDTH: other line\n";
    String annotated =
        ModelCache.annotate(
            out, Map.of("Mac.v", "module Mac;\n  wire a;\n  assign a = b; // Mac.java:12\n"));
    assertTrue(
        annotated.contains("%Error: Mac.v:3:5: syntax error   [from Mac.java:12]"), annotated);
  }

  @Test
  void portValuesRoundTripAtAnyWidth() {
    for (int w : new int[] {1, 7, 8, 9, 63, 64, 65, 130, 4000}) {
      PortLayout p = new PortLayout("x", 0, w);
      java.math.BigInteger v =
          java.math.BigInteger.ONE
              .shiftLeft(w)
              .subtract(java.math.BigInteger.valueOf(3))
              .max(java.math.BigInteger.ONE);
      byte[] b = PortValues.encode(v, p);
      assertEquals(p.bytes(), b.length);
      assertEquals(v, PortValues.decode(b, 0, b.length));
    }
  }
}
