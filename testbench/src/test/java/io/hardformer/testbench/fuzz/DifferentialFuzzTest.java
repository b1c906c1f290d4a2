package io.hardformer.testbench.fuzz;

import static org.junit.jupiter.api.Assertions.fail;

import io.hardformer.rtl.EmitOptions;
import io.hardformer.rtl.VerilogEmitter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential fuzzing of the whole pipeline (DSL, elaboration, emission, four simulators). CI runs
 * a fixed, deterministic budget; {@code -Dhardformer.fuzz.seconds=N} keeps going for N seconds with
 * fresh seeds, {@code -Dhardformer.fuzz.base=S} moves the seed range. A mismatch is shrunk and
 * reported as a reproducer to paste into {@link FuzzRegressionTest}.
 */
@Tag("verilator")
class DifferentialFuzzTest {
  static final int PER_BUNDLE = 8;
  static final int CYCLES = 200;

  @TempDir Path work;

  @Test
  void randomDesignsAgreeOnAllThreeSimulators() throws Exception {
    int bundles = Integer.getInteger("hardformer.fuzz.bundles", 40);
    long seconds = Long.getLong("hardformer.fuzz.seconds", 0L);
    long base = Long.getLong("hardformer.fuzz.base", 1L);
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    int designs = 0;
    long cycles = 0;
    for (int b = 0; b < bundles || System.nanoTime() < deadline; b++) {
      Random r = new Random(base * 1_000_003L + b);
      List<DifferentialFuzzer.Member> members = new ArrayList<>();
      for (int j = 0; j < PER_BUNDLE; j++) {
        members.add(new DifferentialFuzzer.Member(r.nextLong(), 8 + r.nextInt(40), r.nextInt(3)));
      }
      long stimulusSeed = r.nextLong();
      List<DifferentialFuzzer.Mismatch> found =
          DifferentialFuzzer.check(members, CYCLES, stimulusSeed, work);
      designs += PER_BUNDLE;
      cycles += (long) PER_BUNDLE * CYCLES;
      if (!found.isEmpty()) {
        DifferentialFuzzer.Mismatch small =
            DifferentialFuzzer.shrink(found.get(0), stimulusSeed, work);
        String verilog =
            VerilogEmitter.emit(
                    new FuzzBundle(
                        List.of(
                            new long[] {
                              small.member().seed(), small.member().ops(), small.member().depth()
                            })),
                    EmitOptions.defaults().withSourceComments(false))
                .verilog()
                .toString();
        fail(
            "simulators disagree (stimulus seed "
                + stimulusSeed
                + "L): "
                + small.describe()
                + "\nreproducer for FuzzRegressionTest: "
                + small.member()
                + ", stimulus seed "
                + stimulusSeed
                + "L, "
                + small.cycles()
                + " cycles\n"
                + verilog);
      }
    }
    String summary =
        designs
            + " random designs, "
            + cycles
            + " design-cycles, all clean on Java, JIT, Verilator and Icarus";
    Files.writeString(Path.of("target/fuzz-summary.txt"), summary + "\n");
    System.out.println("[fuzz] " + summary);
  }
}
