package io.hardformer.verilator;

import java.util.List;

/**
 * A batch of transactions driven natively through a valid/ready (or valid-only) interface. The
 * source presents transaction {@code k} on {@code sourceData} with {@code sourceValid} high,
 * holding it until accepted ({@code sourceReady} high, or always when there is no ready); before
 * offering, a random bubble of probability {@code bubble} may delay it. The sink's {@code
 * sinkReady} is low with probability {@code backpressure}. Output transactions are recorded until
 * {@code expected} arrived or {@code maxCycles} passed.
 *
 * @param sourceFrames {@code transactions} concatenated frames of the source data ports
 */
public record StreamRequest(
    PortLayout sourceValid,
    PortLayout sourceReady,
    List<PortLayout> sourceData,
    PortLayout sinkValid,
    PortLayout sinkReady,
    List<PortLayout> sinkData,
    double bubble,
    double backpressure,
    long seed,
    int transactions,
    byte[] sourceFrames,
    int expected,
    long maxCycles) {
  public StreamRequest {
    sourceData = List.copyOf(sourceData);
    sinkData = List.copyOf(sinkData);
    if (bubble < 0 || bubble >= 1 || backpressure < 0 || backpressure >= 1) {
      throw new IllegalArgumentException("bubble and backpressure probabilities must be in [0, 1)");
    }
  }

  public int sourceFrameBytes() {
    return sourceData.stream().mapToInt(PortLayout::bytes).sum();
  }

  public int sinkFrameBytes() {
    return sinkData.stream().mapToInt(PortLayout::bytes).sum();
  }
}
