package io.hardformer.testbench.fuzz;

import io.hardformer.dsl.Data;
import io.hardformer.dsl.HwType;
import io.hardformer.dsl.Module;
import io.hardformer.dsl.SInt;
import java.util.ArrayList;
import java.util.List;

/**
 * Several random designs side by side under one top, so one Verilator build and one Icarus run
 * check them all; member j's ports appear as {@code d<j>_<port>}.
 */
final class FuzzBundle extends Module {
  final List<List<String>> outputNames = new ArrayList<>();

  FuzzBundle(List<long[]> members) {
    for (int j = 0; j < members.size(); j++) {
      long[] m = members.get(j);
      RandomDesign d = instance("d" + j, new RandomDesign(m[0], (int) m[1], (int) m[2]));
      for (Data<?> p : d.inputs) {
        String name = "d" + j + "_" + ((io.hardformer.dsl.ir.SignalRef) p.expr()).signal().name();
        Data<?> top =
            p instanceof SInt ? in(name, HwType.sint(p.width())) : in(name, HwType.uint(p.width()));
        connect(p, top);
      }
      List<String> outs = new ArrayList<>();
      for (Data<?> p : d.outputs) {
        String name = "d" + j + "_" + ((io.hardformer.dsl.ir.SignalRef) p.expr()).signal().name();
        Data<?> top =
            p instanceof SInt
                ? out(name, HwType.sint(p.width()))
                : out(name, HwType.uint(p.width()));
        connect(top, p);
        outs.add(name);
      }
      outputNames.add(outs);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T extends Data<T>> void connect(Data<?> target, Data<?> value) {
    ((T) target).assign((T) value);
  }

  @Override
  public String kindName() {
    return "fuzz_bundle";
  }
}
