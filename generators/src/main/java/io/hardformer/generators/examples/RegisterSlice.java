package io.hardformer.generators.examples;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.Stream;
import io.hardformer.dsl.StreamPorts;
import io.hardformer.dsl.UInt;

/**
 * A full-throughput valid/ready register slice (a two-entry skid buffer): registers data, valid and
 * ready, so neither path is combinational from input to output. Latency 1, II 1, no loss under
 * backpressure.
 */
public final class RegisterSlice extends Module {
  /** Ports {@code in_valid}, {@code in_ready}, {@code in_data}. */
  public final Stream<Word> in;

  /** Ports {@code out_valid}, {@code out_ready}, {@code out_data}. */
  public final Stream<Word> out;

  public RegisterSlice(int width) {
    param("width", width);
    timing(1, 1);
    in = inStream("in", Word.type(width), StreamPorts.DEFAULT);
    out = outStream("out", Word.type(width), StreamPorts.DEFAULT);
    UInt inData = in.payload().data;
    Bool outReady = out.ready();
    Bool full = reg("full", false); // main register holds a word
    UInt data = reg("data", width, 0);
    Bool skipFull = reg("skid_full", false); // skid register holds a word
    UInt skid = reg("skid", width, 0);

    Bool ready = skipFull.not();
    in.driveReady(ready);
    out.valid().assign(full);
    out.payload().data.assign(data);

    Bool pop = full.and(outReady);
    Bool push = in.fire();
    when(
            pop.or(full.not()),
            () -> {
              // the output register is free (or being freed): refill from skid first, else from the
              // input
              when(
                      skipFull,
                      () -> {
                        data.next(skid);
                        full.next(bool(true));
                        skipFull.next(bool(false));
                      })
                  .otherwise(
                      () -> {
                        data.next(inData);
                        full.next(push);
                      });
            })
        .otherwise(
            () -> {
              // output stalled: park an incoming word in the skid register
              when(
                  push,
                  () -> {
                    skid.next(inData);
                    skipFull.next(bool(true));
                  });
            });
  }
}
