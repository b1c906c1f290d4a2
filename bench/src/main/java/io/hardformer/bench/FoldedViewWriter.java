package io.hardformer.bench;

import io.hardformer.generators.array.AccumulationMode;
import io.hardformer.generators.array.FmaArray;
import io.hardformer.generators.array.FmaArrayShape;
import io.hardformer.generators.array.RowPorts;
import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.rtl.EmitOptions;
import io.hardformer.rtl.EmittedDesign;
import io.hardformer.rtl.VerilogEmitter;
import java.nio.file.Path;

/**
 * {@code bench/run fold-view ROWS COLS DIR [fp32|exact|fixed] [wired|registered] [SPLIT_FROM]}:
 * writes {@code fma-array} E4M3 as generated ({@code DIR/s}) and as its folded simulation view
 * ({@code DIR/l}, {@link VerilogEmitter#foldedView}), for {@code bench/fma-loop-view-check} and
 * {@code bench/fma-loop-view-speed}.
 */
final class FoldedViewWriter {
  private FoldedViewWriter() {}

  static void run(String[] args) {
    int rows = Integer.parseInt(args[1]);
    int cols = Integer.parseInt(args[2]);
    Path dir = Path.of(args[3]);
    AccumulationMode mode =
        args.length > 4 ? AccumulationMode.parse(args[4]) : AccumulationMode.FP32;
    RowPorts ports = args.length > 5 ? RowPorts.parse(args[5]) : RowPorts.WIRED;
    int splitFrom = args.length > 6 ? Integer.parseInt(args[6]) : VerilogEmitter.SPLIT_FROM;
    FmaArrayShape shape =
        FmaArrayShape.of(rows, cols, Fp8Format.E4M3, mode, FloatPacker.FP32).withRowPorts(ports);
    EmittedDesign emitted = VerilogEmitter.emit(new FmaArray(shape), EmitOptions.defaults());
    emitted.writeTo(dir.resolve("s"));
    EmittedDesign view =
        VerilogEmitter.foldedView(emitted, 1, splitFrom)
            .orElseThrow(() -> new IllegalStateException("nothing to fold"));
    view.writeTo(dir.resolve("l"));
  }
}
