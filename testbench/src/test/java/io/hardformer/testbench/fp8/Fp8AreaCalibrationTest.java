package io.hardformer.testbench.fp8;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.area.GateEstimate;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.elaborate.Design;
import io.hardformer.dsl.elaborate.Elaborator;
import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.fp8.Fp8Dot;
import io.hardformer.generators.fp8.Fp8Mul;
import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.rtl.EmitOptions;
import io.hardformer.rtl.VerilogEmitter;
import io.hardformer.verilator.AreaSynthesis;
import io.hardformer.verilator.SynthesizedArea;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Synthesizes fp8-mul and an 8-lane fp8-dot with Yosys against the NAND2-normalized liberty file,
 * records the cell counts (target/area-calibration.md) and checks the manifest's pre-synthesis
 * estimate stays a conservative bound of the same order.
 */
@Tag("verilator")
class Fp8AreaCalibrationTest {
  static Stream<Arguments> units() {
    return Stream.of(
        Arguments.of("fp8-mul e4m3", (Supplier<Module>) () -> new Fp8Mul(Fp8Format.E4M3, 2)),
        Arguments.of("fp8-mul e5m2", (Supplier<Module>) () -> new Fp8Mul(Fp8Format.E5M2, 2)),
        Arguments.of(
            "fp8-dot e4m3 x8",
            (Supplier<Module>) () -> new Fp8Dot(Fp8Format.E4M3, 8, FloatPacker.FP32)),
        Arguments.of(
            "fp8-dot e5m2 x8",
            (Supplier<Module>) () -> new Fp8Dot(Fp8Format.E5M2, 8, FloatPacker.FP32)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("units")
  void synthesizedAreaIsRecordedAndBoundedByTheEstimate(String name, Supplier<Module> unit)
      throws Exception {
    Design design = Elaborator.elaborate(unit.get());
    SynthesizedArea s =
        AreaSynthesis.synthesize(VerilogEmitter.emit(design, EmitOptions.defaults()));
    double estimate = GateEstimate.nand2(design);
    String row =
        String.format(
            "| %s | %.0f | %d | %s | %.0f | %.2f |%n",
            name,
            s.nand2Equivalents(),
            s.flipFlops(),
            s.cells(),
            estimate,
            estimate / s.nand2Equivalents());
    Path record = Path.of("target/area-calibration.md");
    Files.writeString(record, row, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    System.out.print(row);
    assertTrue(s.nand2Equivalents() > 100, row);
    assertTrue(s.flipFlops() > 0, row);
    double ratio = estimate / s.nand2Equivalents();
    assertTrue(ratio >= 0.9 && ratio <= 2.5, "estimate/synthesis = " + ratio + ": " + row);
  }
}
