package io.hardformer.generators.examples;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.HwType;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.Stream;
import io.hardformer.dsl.StreamPorts;
import io.hardformer.dsl.UInt;
import io.hardformer.dsl.Vec;

/**
 * A synchronous valid/ready FIFO of {@code 2^addrBits} entries built from registers. Output data
 * come straight from the head entry (latency 1 from push to visible), full throughput.
 */
public final class Fifo extends Module {
  /** Ports {@code in_valid}, {@code in_ready}, {@code in_data}. */
  public final Stream<Word> in;

  /** Ports {@code out_valid}, {@code out_ready}, {@code out_data}. */
  public final Stream<Word> out;

  public Fifo(int width, int addrBits) {
    param("width", width);
    param("depth", 1 << addrBits);
    timing(1, 1);
    in = inStream("in", Word.type(width), StreamPorts.DEFAULT);
    out = outStream("out", Word.type(width), StreamPorts.DEFAULT);
    Bool inValid = in.valid();
    UInt inData = in.payload().data;
    Bool outReady = out.ready();
    int depth = 1 << addrBits;
    Vec<UInt> mem = regVec("mem", depth, HwType.uint(width), 0);
    UInt head = reg("head", addrBits, 0);
    UInt tail = reg("tail", addrBits, 0);
    UInt count = reg("count", addrBits + 1, 0);

    Bool empty = count.eq(lit(0, addrBits + 1));
    Bool full = count.eq(lit(depth, addrBits + 1));
    in.driveReady(full.not());
    out.valid().assign(empty.not());
    out.payload().data.assign(mem.select(head));

    Bool push = inValid.and(full.not());
    Bool pop = outReady.and(empty.not());
    for (int i = 0; i < depth; i++) {
      UInt slot = mem.get(i);
      when(push.and(tail.eq(lit(i, addrBits))), () -> slot.next(inData));
    }
    when(push, () -> tail.next(tail.inc()));
    when(pop, () -> head.next(head.inc()));
    when(push.and(pop.not()), () -> count.next(count.inc()))
        .elseWhen(
            pop.and(push.not()),
            () -> count.next(count.sub(lit(1, addrBits + 1)).trunc(addrBits + 1)));
  }
}
