package io.hardformer.testbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.dsl.HardwareMisuseException;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.UInt;
import io.hardformer.rtl.EmitOptions;
import io.hardformer.rtl.EmittedDesign;
import io.hardformer.rtl.VerilogEmitter;
import io.hardformer.verilator.CompiledModel;
import io.hardformer.verilator.DesignGates;
import io.hardformer.verilator.HarnessSpec;
import io.hardformer.verilator.ModelCache;
import io.hardformer.verilator.PortLayout;
import io.hardformer.verilator.SimulationException;
import io.hardformer.verilator.SimulationProcess;
import io.hardformer.verilator.Verilator;
import io.hardformer.verilator.tools.ExternalTool;
import io.hardformer.verilator.tools.ToolException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile names, broken tools and crashing models give clear messages and leave nothing behind. */
@Tag("verilator")
class BadInputTest {
  @TempDir Path tmp;

  /** Ports named like C++ keywords used to break the Verilator build (SYMRSVDWORD). */
  static final class CppNames extends Module {
    final UInt delete = in("delete", 8);
    final UInt self = out("this", 8);

    CppNames() {
      self.assign(delete.inc());
    }
  }

  @Test
  void cppKeywordNamesAreRenamedAndSimulate() {
    try (Testbench tb = Testbench.of(new CppNames())) {
      assertTrue(tb.design().design().warnings().get(0).message().contains("emitted as 'delete_'"));
      assertTrue(DesignGates.check(tb.design()).isEmpty());
      tb.poke("delete_", 41);
      assertEquals(42, tb.peekLong("this_"));
    }
  }

  static final class Hostile extends Module {
    final UInt a = in("a", 4);
    final UInt y = out("y", 4);

    Hostile() {
      param("note", "x\n  initial $finish;\n//");
      y.assign(a);
    }

    @Override
    public String kindName() {
      return "a; initial $finish";
    }
  }

  @Test
  void userStringsCannotInjectVerilog() {
    EmittedDesign d =
        VerilogEmitter.emit(
            new Hostile(),
            new EmitOptions("gen\ninitial $finish;", Map.of("p", "1\n$finish;"), true, Map.of()));
    String v = d.verilog().values().iterator().next();
    for (String line : v.lines().toList()) {
      assertFalse(line.strip().startsWith("initial") || line.strip().startsWith("$finish"), line);
    }
    assertEquals("a__initial__finish", d.top());
    assertTrue(DesignGates.check(d).isEmpty(), DesignGates.check(d).toString());
  }

  static final class BadInstanceName extends Module {
    BadInstanceName() {
      instance("u0; initial $finish", new CppNames());
    }
  }

  @Test
  void illegalInstanceNamesFailAtTheCall() {
    HardwareMisuseException e = assertThrows(HardwareMisuseException.class, BadInstanceName::new);
    assertTrue(
        e.getMessage().contains("'u0; initial $finish' is not a legal instance name"),
        e.getMessage());
    assertTrue(e.getMessage().startsWith("BadInputTest.java:"), e.getMessage());
  }

  private Path script(String name, String body) throws Exception {
    Path p = tmp.resolve(name);
    Files.writeString(p, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    return p;
  }

  @Test
  void aFailingVerilatorBuildNamesTheJavaLineAndLeavesNoTemporaryFolder() throws Exception {
    EmittedDesign d = VerilogEmitter.emit(new CppNames(), EmitOptions.defaults());
    String[] lines = d.verilog().get("CppNames.v").split("\n", -1);
    int line = 1;
    while (!lines[line - 1].contains("assign this_")) {
      line++;
    }
    Path fake =
        script(
            "verilator",
            "case \"$1\" in --version) echo 'Verilator 5.006 2023-01-22';; "
                + "*) echo '%Error: CppNames.v:"
                + line
                + ":3: something went wrong'; exit 1;; esac");
    Verilator v = Verilator.locate(ExternalTool.at("Verilator", fake, "verilator"));
    ModelCache cache = new ModelCache(tmp.resolve("cache"), v);
    ToolException e =
        assertThrows(ToolException.class, () -> cache.get(d, HarnessSpec.of(d, false)));
    assertTrue(
        e.getMessage()
            .contains(
                "building the Verilator model of CppNames failed (exit 1), model cache "
                    + tmp.resolve("cache")),
        e.getMessage());
    assertTrue(
        e.getMessage()
            .contains(
                "%Error: CppNames.v:"
                    + line
                    + ":3: something went wrong   [from BadInputTest.java:"),
        e.getMessage() + "\n" + d.verilog());
    try (var left = Files.list(tmp.resolve("cache/tmp"))) {
      assertFalse(left.findAny().isPresent(), "the temporary build folder was removed");
    }
  }

  @Test
  void aCrashingModelFailsTheCallWithItsStderrAndLeavesNoProcess() throws Exception {
    Path crash =
        script("sim", "printf 'hardformer-harness-v2\\n'; echo 'model exploded' >&2; exit 3");
    EmittedDesign d = VerilogEmitter.emit(new CppNames(), EmitOptions.defaults());
    HarnessSpec spec = HarnessSpec.of(d, false);
    long before = ProcessHandle.current().descendants().count();
    SimulationProcess p =
        SimulationProcess.start(new CompiledModel(crash, spec, "fake", false), false);
    PortLayout out = spec.output("this_");
    SimulationException e = assertThrows(SimulationException.class, () -> p.peek(out));
    assertTrue(e.getMessage().contains("exit code 3"), e.getMessage());
    assertTrue(e.getMessage().contains("model exploded"), e.getMessage());
    p.close();
    assertEquals(before, ProcessHandle.current().descendants().count(), "no stray process");
  }

  @Test
  void closingATestbenchEndsItsModelProcess() {
    long before = ProcessHandle.current().descendants().count();
    Testbench tb = Testbench.of(new CppNames());
    tb.poke("delete_", 1).step(3);
    tb.close();
    assertEquals(before, ProcessHandle.current().descendants().count());
  }
}
