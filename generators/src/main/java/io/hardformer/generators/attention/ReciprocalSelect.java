package io.hardformer.generators.attention;

import io.hardformer.dsl.HwType;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.UInt;
import io.hardformer.dsl.Vec;
import java.util.ArrayList;
import java.util.List;

/**
 * The draining head's reciprocal, picked from the G heads' by a binary multiplexer tree, as a
 * module of its own: {@code attention --pipeline deep} instantiates one per 16 drain lanes, so that
 * no gate drives the input registers of all D lanes. Copies of the same logic inside one module
 * would be merged back into one by synthesis; a module boundary keeps them apart, and each drives
 * 16 lanes.
 */
public final class ReciprocalSelect extends Module {
  /** The draining head's index. */
  public final UInt head;

  /** Each head's reciprocal. */
  public final Vec<UInt> recips;

  /** recips[head]. */
  public final UInt recip = out("recip", AttentionShape.RECIPROCAL_BITS);

  public ReciprocalSelect(int heads, int headBits) {
    param("heads", heads);
    head = in("head", headBits);
    recips = inVec("recips", heads, HwType.uint(AttentionShape.RECIPROCAL_BITS));
    List<UInt> level = new ArrayList<>();
    for (int h = 0; h < heads; h++) {
      level.add(recips.get(h));
    }
    for (int bit = 0; level.size() > 1; bit++) {
      List<UInt> next = new ArrayList<>();
      for (int i = 0; i < level.size(); i += 2) {
        next.add(
            i + 1 < level.size()
                ? mux(head.bit(bit), level.get(i + 1), level.get(i))
                : level.get(i));
      }
      level = next;
    }
    recip.assign(level.get(0));
  }

  @Override
  public String kindName() {
    return "reciprocal_select";
  }
}
