package io.hardformer.models.rtl;

import io.hardformer.generators.normalization.NormalizationShape;
import io.hardformer.generators.normalization.NormalizationUnit;
import io.hardformer.models.units.Activations;
import io.hardformer.testbench.Lanes;
import io.hardformer.testbench.Stream;
import io.hardformer.testbench.StreamRun;
import io.hardformer.testbench.Testbench;
import java.math.BigInteger;

/**
 * Streams the rows of a matrix through a {@code layernorm} or {@code rmsnorm} unit in one stream
 * run, as its protocol asks (docs/PROTOCOLS.md): every row twice, N / L beats a pass, {@code
 * in_last} on each pass's last beat; the statistics pass carries x only (gamma and beta zero), the
 * output pass x with gamma (and beta) and gives one output beat per beat. The unit's {@code
 * out_last} must mark each row's last output beat.
 */
final class NormalizationRowRun {
  private final Testbench tb;
  private final NormalizationUnit dut;
  private final NormalizationShape shape;

  /** What one run gave: y (FP32 bits), q (FP8 codes), cycle stamps and input beats. */
  record Output(Activations values, long cycles, long beats) {}

  NormalizationRowRun(Testbench tb, NormalizationUnit dut, NormalizationShape shape) {
    this.tb = tb;
    this.dut = dut;
    this.shape = shape;
  }

  /** Runs every row of {@code x}; {@code beta} is null for rmsnorm. */
  Output run(int[][] x, int[] gamma, int[] beta) {
    int lanes = shape.lanes();
    int beats = shape.beatsPerRow();
    int[] zero = new int[shape.dim()];
    Stream st = tb.stream(dut.in, dut.out);
    for (int[] row : x) {
      for (int pass = 0; pass < 2; pass++) {
        int[] g = pass == 0 ? zero : gamma;
        int[] b = pass == 0 ? zero : beta;
        for (int t = 0; t < beats; t++) {
          BigInteger last = t == beats - 1 ? BigInteger.ONE : BigInteger.ZERO;
          BigInteger xw = pack32(row, t * lanes, lanes);
          BigInteger gw = pack32(g, t * lanes, lanes);
          if (shape.centered()) {
            st.send(xw, gw, pack32(b, t * lanes, lanes), last);
          } else {
            st.send(xw, gw, last);
          }
        }
      }
    }
    int outputs = x.length * beats;
    StreamRun run = st.expectOutputs(outputs).run();
    int[][] y = new int[x.length][shape.dim()];
    int[][] q = new int[x.length][shape.dim()];
    for (int r = 0; r < x.length; r++) {
      for (int t = 0; t < beats; t++) {
        int index = r * beats + t;
        BigInteger[] got = run.output(index);
        if (got[2].testBit(0) != (t == beats - 1)) {
          throw new IllegalStateException(
              String.format(
                  "%s: out_last is %s on beat %d of row %d (%d beats a row) in cycle %d",
                  shape.centered() ? "layernorm" : "rmsnorm",
                  got[2],
                  t,
                  r,
                  beats,
                  run.outputCycle(index)));
        }
        for (int l = 0; l < lanes; l++) {
          y[r][t * lanes + l] = (int) Lanes.element(got[0], l, 32);
          q[r][t * lanes + l] = (int) Lanes.element(got[1], l, 8);
        }
      }
    }
    long cycles = run.outputCycle(outputs - 1) - run.acceptCycle(0) + 1;
    return new Output(new Activations(y, q), cycles, 2L * outputs);
  }

  private static BigInteger pack32(int[] v, int from, int count) {
    BigInteger w = BigInteger.ZERO;
    for (int e = count - 1; e >= 0; e--) {
      w = w.shiftLeft(32).or(BigInteger.valueOf(Integer.toUnsignedLong(v[from + e])));
    }
    return w;
  }
}
