package io.hardformer.testbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The testbench API runs without JUnit (the tile self-check in the CLI uses it): no class of the
 * module refers to {@code org.junit}. The JUnit glue ({@code TestbenchExtension}) lives in the
 * {@code testbench-junit} module.
 */
class NoJUnitInMainCodeTest {
  @Test
  void mainClassesReferNoJUnitType() throws IOException {
    Path classes =
        Path.of(Testbench.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    assertTrue(
        Files.isRegularFile(classes.resolve("io/hardformer/testbench/Testbench.class")),
        classes.toString());
    List<String> offenders;
    try (Stream<Path> files = Files.walk(classes)) {
      offenders =
          files
              .filter(f -> f.toString().endsWith(".class"))
              .filter(NoJUnitInMainCodeTest::refersToJUnit)
              .map(f -> classes.relativize(f).toString())
              .sorted()
              .toList();
    }
    assertEquals(List.of(), offenders, "main classes of testbench that refer to org/junit");
  }

  /**
   * A class's constant pool names every type it uses, as {@code org/junit/...} in modified UTF-8.
   */
  private static boolean refersToJUnit(Path classFile) {
    try {
      return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1)
          .contains("org/junit/");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
