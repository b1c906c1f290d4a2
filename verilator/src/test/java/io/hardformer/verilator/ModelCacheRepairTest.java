package io.hardformer.verilator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.dsl.Module;
import io.hardformer.dsl.UInt;
import io.hardformer.rtl.EmitOptions;
import io.hardformer.rtl.EmittedDesign;
import io.hardformer.rtl.VerilogEmitter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged cache entry is detected and rebuilt in place of being run, and a silent model is
 * stopped with an error naming its path. All tests share one cache in a temporary folder (never the
 * user's cache).
 */
@Tag("verilator")
class ModelCacheRepairTest {
  @TempDir static Path cacheRoot;
  private static ModelCache cache;
  private static EmittedDesign design;
  private static HarnessSpec spec;

  /** y = a: the smallest model that answers a peek. */
  static final class Wire extends Module {
    final UInt a = in("a", 8);
    final UInt y = out("y", 8);

    Wire() {
      y.assign(a);
    }
  }

  @BeforeAll
  static void buildOnce() {
    design = VerilogEmitter.emit(new Wire(), EmitOptions.defaults());
    spec = HarnessSpec.of(design, false);
    cache = new ModelCache(cacheRoot);
    cache.get(design, spec);
  }

  /** Damages the sound entry, then asks again: the entry is rebuilt and the model runs. */
  private static void damagedEntryIsRebuilt(DamageAction damage) throws Exception {
    CompiledModel before = cache.get(design, spec);
    assertNull(ModelEntry.problem(before.executable().getParent()), "starts from a sound entry");
    damage.apply(before.executable());
    assertTrue(
        ModelEntry.problem(before.executable().getParent()) != null, "the damage is detected");
    CompiledModel after = cache.get(design, spec);
    assertTrue(after.builtNow(), "the damaged entry was rebuilt");
    assertEquals(before.executable(), after.executable(), "rebuilt in the same place");
    assertNull(ModelEntry.problem(after.executable().getParent()));
    try (SimulationProcess p = SimulationProcess.start(after, false)) {
      p.poke(spec.input("a"), new byte[] {0x5a});
      assertArrayEquals(new byte[] {0x5a}, p.peek(spec.output("y")));
    }
    assertFalse(cache.get(design, spec).builtNow(), "and is a cache hit afterwards");
  }

  private interface DamageAction {
    void apply(Path sim) throws IOException;
  }

  @Test
  void aTruncatedModelIsRebuilt() throws Exception {
    damagedEntryIsRebuilt(
        sim -> {
          try (RandomAccessFile f = new RandomAccessFile(sim.toFile(), "rw")) {
            f.setLength(f.length() / 2);
          }
        });
  }

  @Test
  void aZeroedModelIsRebuilt() throws Exception {
    damagedEntryIsRebuilt(sim -> Files.write(sim, new byte[(int) Files.size(sim)]));
  }

  @Test
  void aGarbageModelIsRebuilt() throws Exception {
    damagedEntryIsRebuilt(
        sim -> {
          byte[] junk = new byte[(int) Files.size(sim)];
          new Random(7).nextBytes(junk);
          Files.write(sim, junk);
        });
  }

  @Test
  void aDeletedModelIsRebuilt() throws Exception {
    damagedEntryIsRebuilt(Files::delete);
  }

  @Test
  void aModelThatNeverSendsItsHandshakeIsStoppedWithItsPath() throws Exception {
    Path sim = fakeModel("hang-at-start", "exec sleep 600");
    long before = ProcessHandle.current().descendants().count();
    System.setProperty("hardformer.model.start-timeout", "1");
    try {
      long t0 = System.nanoTime();
      SimulationException e =
          assertThrows(
              SimulationException.class,
              () -> SimulationProcess.start(new CompiledModel(sim, spec, "fake", false), false));
      assertTrue((System.nanoTime() - t0) / 1e9 < 30, "stopped near the 1 s limit");
      assertTrue(e.getMessage().contains(sim.toString()), e.getMessage());
      assertTrue(e.getMessage().contains("sent nothing for 1 s while starting"), e.getMessage());
      assertTrue(e.getMessage().contains("delete " + sim.getParent()), e.getMessage());
    } finally {
      System.clearProperty("hardformer.model.start-timeout");
    }
    assertEquals(
        before, ProcessHandle.current().descendants().count(), "the hung model was stopped");
  }

  @Test
  void aModelThatHangsMidRunIsStoppedWithItsPath() throws Exception {
    Path sim = fakeModel("hang-later", "printf 'hardformer-harness-v2\\n'; exec sleep 600");
    long before = ProcessHandle.current().descendants().count();
    System.setProperty("hardformer.model.reply-timeout", "1");
    try (SimulationProcess p =
        SimulationProcess.start(new CompiledModel(sim, spec, "fake", false), false)) {
      SimulationException e =
          assertThrows(SimulationException.class, () -> p.peek(spec.output("y")));
      assertTrue(e.getMessage().contains(sim.toString()), e.getMessage());
      assertTrue(
          e.getMessage().contains("sent nothing for 1 s while reading from"), e.getMessage());
    } finally {
      System.clearProperty("hardformer.model.reply-timeout");
    }
    assertEquals(
        before, ProcessHandle.current().descendants().count(), "the hung model was stopped");
  }

  @Test
  void aProgramThatIsNotAHarnessFailsAtStartWithItsPath() throws Exception {
    Path sim =
        fakeModel("not-a-harness", "echo 'hello, this is some other program'; exec cat >/dev/null");
    SimulationException e =
        assertThrows(
            SimulationException.class,
            () -> SimulationProcess.start(new CompiledModel(sim, spec, "fake", false), false));
    assertTrue(
        e.getMessage().contains(sim.toString()) && e.getMessage().contains("handshake"),
        e.getMessage());
  }

  private static Path fakeModel(String name, String body) throws IOException {
    Path dir = Files.createDirectories(cacheRoot.resolve("models").resolve(name));
    Path p = dir.resolve("sim");
    Files.writeString(p, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    return p;
  }
}
