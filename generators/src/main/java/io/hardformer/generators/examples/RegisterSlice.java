package io.hardformer.generators.examples;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.UInt;

/**
 * A full-throughput valid/ready register slice (a two-entry skid buffer): registers data, valid and
 * ready, so neither path is combinational from input to output. Latency 1, II 1, no loss under
 * backpressure.
 */
public final class RegisterSlice extends Module {
  final Bool inValid = in("in_valid");
  final Bool inReady = out("in_ready");
  final UInt inData;
  final Bool outValid = out("out_valid");
  final Bool outReady = in("out_ready");
  final UInt outData;

  public RegisterSlice(int width) {
    param("width", width);
    timing(1, 1);
    inData = in("in_data", width);
    outData = out("out_data", width);
    Bool full = reg("full", false);        // main register holds a word
    UInt data = reg("data", width, 0);
    Bool skipFull = reg("skid_full", false); // skid register holds a word
    UInt skid = reg("skid", width, 0);

    Bool ready = skipFull.not();
    inReady.assign(ready);
    outValid.assign(full);
    outData.assign(data);

    Bool pop = full.and(outReady);
    Bool push = inValid.and(ready);
    when(pop.or(full.not()), () -> {
      // the output register is free (or being freed): refill from skid first, else from the input
      when(skipFull, () -> {
        data.next(skid);
        full.next(bool(true));
        skipFull.next(bool(false));
      }).otherwise(() -> {
        data.next(inData);
        full.next(push);
      });
    }).otherwise(() -> {
      // output stalled: park an incoming word in the skid register
      when(push, () -> {
        skid.next(inData);
        skipFull.next(bool(true));
      });
    });
  }
}
