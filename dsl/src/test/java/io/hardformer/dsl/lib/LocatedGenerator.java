package io.hardformer.dsl.lib;

import io.hardformer.dsl.Module;
import io.hardformer.dsl.UInt;

/**
 * A generator in a package named like the library's own (its code source is the user's), with
 * several operators on different lines of one method, one multi-line statement and a helper method.
 * Lines whose location a test checks end in {@code // AT: <name>}; do not move them without the
 * markers.
 */
public final class LocatedGenerator extends Module {
  final UInt a = in("a", 8);
  final UInt b = in("b", 8);
  final UInt y = out("y", 8);
  final UInt z = out("z", 8);
  final UInt bad = out("bad", 8);

  public LocatedGenerator(boolean withWidthError) {
    UInt sum = a.add(b); // AT: add
    UInt low = sum.trunc(8); // AT: trunc
    UInt both =
        low.and(a) // AT: and
            .xor(b); // AT: xor
    y.assign(both); // AT: assign-y
    z.assign(mask(a, b)); // AT: assign-z
    if (withWidthError) {
      bad.assign(a.add(b)); // AT: width-error
    } else {
      bad.assign(a);
    }
  }

  private UInt mask(UInt p, UInt q) {
    return p.or(q); // AT: helper-or
  }
}
