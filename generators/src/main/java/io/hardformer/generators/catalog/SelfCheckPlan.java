package io.hardformer.generators.catalog;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A generator's self-check as data: the stimulus for a short simulation and the results its golden
 * model expects, compared bit for bit by the runner (the cli drives it through Verilator). Two
 * shapes: {@link Vectors} (one input vector per cycle, results in order on a valid-qualified
 * output) and {@link Streamed} (valid/ready input beats, valid-only output beats).
 */
public sealed interface SelfCheckPlan permits SelfCheckPlan.Vectors, SelfCheckPlan.Streamed {
  /** One line: what ran, e.g. {@code all 65,536 input pairs (every special) bit-exact}. */
  String summary();

  /**
   * {@code inputs.get(c)} is driven in cycle c with {@code in_valid} high, back to back; the {@code
   * out_valid} results in order must equal {@code expected} on port {@code output}; {@code
   * label.apply(c)} names vector c.
   */
  record Vectors(
      List<Map<String, BigInteger>> inputs,
      String output,
      long[] expected,
      IntFunction<String> label,
      String summary)
      implements SelfCheckPlan {}

  /**
   * Input beats on a valid/ready source ({@code sourcePorts}: valid, ready, data...), outputs on a
   * valid-only sink ({@code sinkPorts}: valid, data...); each expected beat compares sink data
   * ports in order.
   */
  record Streamed(
      List<String> sourcePorts,
      List<String> sinkPorts,
      List<BigInteger[]> beats,
      List<ExpectedBeat> expected,
      String summary)
      implements SelfCheckPlan {}

  /** One expected output beat: one entry per sink data port, in the order of {@code sinkPorts}. */
  record ExpectedBeat(List<ExpectedPort> ports) {}

  /**
   * The expected value of one data port: with {@code elementWidth} 0 the whole value is {@code
   * elements[0]} (a mismatch names {@code where}); otherwise element j ({@code elementWidth} bits,
   * element 0 in the low bits) is {@code elements[j]} (a mismatch names {@code where element j}).
   */
  record ExpectedPort(String where, int elementWidth, long... elements) {}
}
