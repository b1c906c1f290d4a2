package io.hardformer.testbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.dsl.Module;
import io.hardformer.generators.array.AccumulationMode;
import io.hardformer.generators.array.CellPipeline;
import io.hardformer.generators.array.FmaArray;
import io.hardformer.generators.array.FmaArrayShape;
import io.hardformer.generators.array.RowPorts;
import io.hardformer.generators.attention.AttentionShape;
import io.hardformer.generators.attention.AttentionUnit;
import io.hardformer.generators.examples.AdderTree;
import io.hardformer.generators.examples.Counter;
import io.hardformer.generators.examples.Fifo;
import io.hardformer.generators.examples.IntMac;
import io.hardformer.generators.examples.Pipeline;
import io.hardformer.generators.examples.RegisterSlice;
import io.hardformer.generators.examples.SystolicArray;
import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.fp8.Fp8Dot;
import io.hardformer.generators.fp8.Fp8Mul;
import io.hardformer.generators.fp8.Fp8Quant;
import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.rtl.EmitOptions;
import io.hardformer.rtl.EmittedDesign;
import io.hardformer.rtl.VerilogEmitter;
import io.hardformer.verilator.DesignGates;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example design passes Verilator -Wall, Yosys check and Icarus -g2005, and emits
 * byte-identically.
 */
@Tag("verilator")
class EmittedDesignGatesTest {
  static Stream<Arguments> designs() {
    return Stream.of(
        Arguments.of("counter8", (Supplier<Module>) () -> new Counter(8)),
        Arguments.of("counter1", (Supplier<Module>) () -> new Counter(1)),
        Arguments.of("adder-tree-8x3", (Supplier<Module>) () -> new AdderTree(8, 3)),
        Arguments.of("adder-tree-130x1", (Supplier<Module>) () -> new AdderTree(130, 1)),
        Arguments.of("int-mac", (Supplier<Module>) () -> new IntMac(8, 24)),
        Arguments.of("register-slice", (Supplier<Module>) () -> new RegisterSlice(32)),
        Arguments.of("pipeline", (Supplier<Module>) () -> new Pipeline(8, 3)),
        Arguments.of("fifo", (Supplier<Module>) () -> new Fifo(8, 2)),
        Arguments.of("systolic-3x5", (Supplier<Module>) () -> new SystolicArray(3, 5)),
        Arguments.of("fp8-mul-e4m3-s1", (Supplier<Module>) () -> new Fp8Mul(Fp8Format.E4M3, 1)),
        Arguments.of("fp8-mul-e5m2-s3", (Supplier<Module>) () -> new Fp8Mul(Fp8Format.E5M2, 3)),
        Arguments.of(
            "fp8-quant-e4m3", (Supplier<Module>) () -> new Fp8Quant(Fp8Format.E4M3, false, 1)),
        Arguments.of(
            "fp8-quant-e5m2", (Supplier<Module>) () -> new Fp8Quant(Fp8Format.E5M2, true, 2)),
        Arguments.of(
            "fp8-dot-e4m3-1",
            (Supplier<Module>) () -> new Fp8Dot(Fp8Format.E4M3, 1, FloatPacker.FP32)),
        Arguments.of(
            "fp8-dot-e5m2-5-bf16",
            (Supplier<Module>) () -> new Fp8Dot(Fp8Format.E5M2, 5, FloatPacker.BF16)),
        Arguments.of(
            "fp8-dot-e5m2-32",
            (Supplier<Module>) () -> new Fp8Dot(Fp8Format.E5M2, 32, FloatPacker.FP32)),
        Arguments.of(
            "fma-array-e4m3-exact-3x5",
            (Supplier<Module>)
                () ->
                    new FmaArray(
                        FmaArrayShape.of(
                            3, 5, Fp8Format.E4M3, AccumulationMode.EXACT, FloatPacker.FP32))),
        Arguments.of(
            "fma-array-e5m2-fp32-4x2-bf16",
            (Supplier<Module>)
                () ->
                    new FmaArray(
                        FmaArrayShape.of(
                            4, 2, Fp8Format.E5M2, AccumulationMode.FP32, FloatPacker.BF16))),
        Arguments.of(
            "fma-array-e5m2-fp32-4x2-bf16-registered-rows",
            (Supplier<Module>)
                () ->
                    new FmaArray(
                        FmaArrayShape.of(
                                4, 2, Fp8Format.E5M2, AccumulationMode.FP32, FloatPacker.BF16)
                            .withRowPorts(RowPorts.REGISTERED))),
        Arguments.of(
            "fma-array-e4m3-exact-3x5-registered-rows",
            (Supplier<Module>)
                () ->
                    new FmaArray(
                        FmaArrayShape.of(
                                3, 5, Fp8Format.E4M3, AccumulationMode.EXACT, FloatPacker.FP32)
                            .withRowPorts(RowPorts.REGISTERED))),
        Arguments.of(
            "fma-array-e4m3-fp32-1x1-lanes16-registered-rows",
            (Supplier<Module>)
                () ->
                    new FmaArray(
                        FmaArrayShape.of(
                                1, 1, Fp8Format.E4M3, AccumulationMode.FP32, FloatPacker.FP32)
                            .withLanes(16)
                            .withRowPorts(RowPorts.REGISTERED))),
        Arguments.of(
            "fma-array-e4m3-exact-2x3-deep-lanes4-registered-rows",
            (Supplier<Module>)
                () ->
                    new FmaArray(
                        FmaArrayShape.of(
                                2, 3, Fp8Format.E4M3, AccumulationMode.EXACT, FloatPacker.FP32)
                            .withLanes(4)
                            .withPipeline(CellPipeline.DEEP)
                            .withRowPorts(RowPorts.REGISTERED))),
        Arguments.of(
            "attention-e4m3-4x2",
            (Supplier<Module>)
                () ->
                    new AttentionUnit(new AttentionShape(4, 2, Fp8Format.E4M3, FloatPacker.BF16))),
        Arguments.of(
            "attention-e5m2-3x1-fp32",
            (Supplier<Module>)
                () ->
                    new AttentionUnit(new AttentionShape(3, 1, Fp8Format.E5M2, FloatPacker.FP32))),
        Arguments.of(
            "attention-e4m3-4x2-deep",
            (Supplier<Module>)
                () ->
                    new AttentionUnit(
                        new AttentionShape(4, 2, Fp8Format.E4M3, FloatPacker.BF16, 4)
                            .withPipeline(
                                io.hardformer.generators.attention.AttentionPipeline.DEEP))),
        Arguments.of(
            "attention-e5m2-3x1-fp32-deep",
            (Supplier<Module>)
                () ->
                    new AttentionUnit(
                        new AttentionShape(3, 1, Fp8Format.E5M2, FloatPacker.FP32, 27)
                            .withPipeline(
                                io.hardformer.generators.attention.AttentionPipeline.DEEP))),
        Arguments.of( // past 16 lanes: the reciprocal_select copies
            "attention-e4m3-17x3-deep",
            (Supplier<Module>)
                () ->
                    new AttentionUnit(
                        new AttentionShape(17, 3, Fp8Format.E4M3, FloatPacker.BF16, 2)
                            .withPipeline(
                                io.hardformer.generators.attention.AttentionPipeline.DEEP))),
        Arguments.of(
            "attention-e4m3-4x2-deep-compact",
            (Supplier<Module>)
                () ->
                    new AttentionUnit(
                        new AttentionShape(4, 2, Fp8Format.E4M3, FloatPacker.BF16, 2)
                            .withPipeline(
                                io.hardformer.generators.attention.AttentionPipeline
                                    .DEEP_COMPACT))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("designs")
  void passesAllGatesAndIsReproducible(String name, Supplier<Module> design) {
    EmittedDesign first =
        VerilogEmitter.emit(design.get(), EmitOptions.forGenerator(name, java.util.Map.of()));
    EmittedDesign second =
        VerilogEmitter.emit(design.get(), EmitOptions.forGenerator(name, java.util.Map.of()));
    assertEquals(
        first.files(), second.files(), "emitting the same design twice gives identical files");
    List<String> problems = DesignGates.check(first);
    assertTrue(problems.isEmpty(), name + ":\n" + String.join("\n", problems));
  }
}
