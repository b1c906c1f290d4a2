package io.hardformer.testbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.generators.examples.Pipeline;
import io.hardformer.rtl.EmitOptions;
import io.hardformer.rtl.EmittedDesign;
import io.hardformer.rtl.VerilogEmitter;
import io.hardformer.verilator.CompiledModel;
import io.hardformer.verilator.HarnessSpec;
import io.hardformer.verilator.ModelCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model cache builds a model once, however many threads ask for it at the same moment. */
@Tag("verilator")
class ModelCacheTest {
  @TempDir Path cacheRoot;

  @Test
  void parallelRequestsForOneModelBuildItOnce() throws Exception {
    EmittedDesign design = VerilogEmitter.emit(new Pipeline(12, 2), EmitOptions.defaults());
    HarnessSpec spec = HarnessSpec.of(design, false);
    ModelCache cache = new ModelCache(cacheRoot);
    int threads = 4;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<CompiledModel>> results = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      results.add(
          pool.submit(
              () -> {
                start.await();
                return cache.get(design, spec);
              }));
    }
    List<CompiledModel> models = new ArrayList<>();
    for (Future<CompiledModel> f : results) {
      models.add(f.get());
    }
    pool.shutdown();
    long built = models.stream().filter(CompiledModel::builtNow).count();
    assertEquals(1, built, "exactly one thread built the model");
    assertEquals(1, models.stream().map(CompiledModel::executable).distinct().count());
    assertEquals(1, Files.readAllLines(cacheRoot.resolve("builds.log")).size());
    try (var tmp = Files.list(cacheRoot.resolve("tmp"))) {
      assertFalse(tmp.findAny().isPresent(), "no temporary build folder is left behind");
    }
    CompiledModel again = cache.get(design, spec);
    assertFalse(again.builtNow(), "a later request is a cache hit");
    assertTrue(Files.isExecutable(again.executable()));
  }
}
