package io.hardformer.generators.examples;

import io.hardformer.dsl.Bool;
import io.hardformer.dsl.HwType;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.SInt;

/**
 * A small signed integer multiply-accumulate: {@code acc <= clear ? a*b : acc + a*b} in every cycle
 * where {@code in_valid} is high, wrapping at {@code accWidth} bits.
 */
public final class IntMac extends Module {
  final SInt a;
  final SInt b;
  final Bool clear = in("clear");
  final Bool inValid = in("in_valid");
  final SInt acc;

  public IntMac(int width, int accWidth) {
    param("width", width);
    param("acc", accWidth);
    a = in("a", HwType.sint(width));
    b = in("b", HwType.sint(width));
    acc = out("acc", HwType.sint(accWidth));
    SInt sum = reg("sum", HwType.sint(accWidth), 0);
    SInt product = a.mul(b).sext(accWidth);
    when(inValid, () -> sum.next(mux(clear, product, sum.add(product).trunc(accWidth))));
    acc.assign(sum);
  }
}
