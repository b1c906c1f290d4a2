package io.hardformer.testbench;

import io.hardformer.verilator.BatchResult;
import io.hardformer.verilator.HarnessSpec;
import java.math.BigInteger;

/** Outputs of a batch run by port name, one record per sampled cycle, with the absolute cycle. */
public final class Outputs {
  private final HarnessSpec spec;
  private final BatchResult result;

  Outputs(HarnessSpec spec, BatchResult result) {
    this.spec = spec;
    this.result = result;
  }

  public int size() {
    return result.size();
  }

  /** The cycle (since the model started) record {@code k} was sampled in. */
  public long cycle(int k) {
    return result.cycle(k);
  }

  public long getLong(int k, String port) {
    return result.getLong(k, spec.output(port));
  }

  public BigInteger get(int k, String port) {
    return result.get(k, spec.output(port));
  }
}
