package io.hardformer.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.hardformer.dsl.Module;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whole-file golden comparisons of the emitter on small designs ({@link GoldenDesigns}), byte for
 * byte, so readability cannot regress silently. Golden files live in {@code
 * src/test/resources/golden/<design>/<module>.v}. After an intended change of the output,
 * regenerate them and review the diff:
 *
 * <pre>
 * mvn -o test -pl rtl-out -am -Dtest=EmitterGoldenTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dhardformer.updateGoldens=true
 * </pre>
 */
class EmitterGoldenTest {
  static final String UPDATE_PROPERTY = "hardformer.updateGoldens";
  static final Path GOLDEN_ROOT = Path.of("src/test/resources/golden");

  static Stream<Arguments> designs() {
    return Stream.of(
        Arguments.of("counter", (Supplier<Module>) GoldenDesigns.Counter::new, false),
        Arguments.of("control", (Supplier<Module>) GoldenDesigns.Control::new, false),
        Arguments.of("named-reduction", (Supplier<Module>) GoldenDesigns.NamedReduction::new, true),
        Arguments.of("vec-memory", (Supplier<Module>) GoldenDesigns.VecMemory::new, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("designs")
  void emitsTheGoldenText(String name, Supplier<Module> design, boolean sourceComments)
      throws IOException {
    EmitOptions options =
        EmitOptions.forGenerator(name, Map.of()).withSourceComments(sourceComments);
    Map<String, String> files = VerilogEmitter.emit(design.get(), options).files();
    Path dir = GOLDEN_ROOT.resolve(name);
    if (Boolean.getBoolean(UPDATE_PROPERTY)) {
      write(dir, files);
      return;
    }
    List<String> expectedNames;
    try (Stream<Path> listing = Files.list(dir)) {
      expectedNames = listing.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (java.nio.file.NoSuchFileException e) {
      fail(
          "no golden files in "
              + dir.toAbsolutePath()
              + "; create them with -D"
              + UPDATE_PROPERTY
              + "=true");
      return;
    }
    assertEquals(
        expectedNames, files.keySet().stream().sorted().toList(), name + ": emitted module files");
    for (Map.Entry<String, String> f : files.entrySet()) {
      String expected = Files.readString(dir.resolve(f.getKey()), StandardCharsets.UTF_8);
      String problem = GoldenDiff.firstDifference(expected, f.getValue());
      if (problem != null) {
        fail(
            name
                + "/"
                + f.getKey()
                + " differs from its golden file "
                + dir.resolve(f.getKey())
                + ":\n"
                + problem
                + "\nIf the change is intended, regenerate with -D"
                + UPDATE_PROPERTY
                + "=true and review the diff.");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("designs")
  void emitsByteIdenticallyRunToRun(String name, Supplier<Module> design, boolean sourceComments) {
    EmitOptions options =
        EmitOptions.forGenerator(name, Map.of()).withSourceComments(sourceComments);
    assertEquals(
        VerilogEmitter.emit(design.get(), options).files(),
        VerilogEmitter.emit(design.get(), options).files());
  }

  private static void write(Path dir, Map<String, String> files) throws IOException {
    Files.createDirectories(dir);
    try (Stream<Path> old = Files.list(dir)) {
      for (Path p : old.toList()) {
        Files.delete(p);
      }
    }
    for (Map.Entry<String, String> f : files.entrySet()) {
      Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
    }
  }
}
