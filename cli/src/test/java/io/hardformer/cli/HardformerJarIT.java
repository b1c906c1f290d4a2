package io.hardformer.cli;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The shaded {@code hardformer.jar} carries the command and its runtime, not the test framework:
 * the JUnit glue lives in {@code testbench-junit}, which cli does not ship. Runs in the verify
 * phase (failsafe), after packaging.
 */
class HardformerJarIT {
  @Test
  void shadedJarHasTheCommandAndNoTestFramework() throws Exception {
    String root = System.getProperty("hardformer.root");
    assertNotNull(
        root, "system property hardformer.root is not set; run this test with mvn verify");
    Path jar = Path.of(root, "cli", "target", "hardformer.jar");
    assertTrue(Files.isRegularFile(jar), jar + " is missing: package cli first");
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      List<String> names = Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
      assertTrue(
          names.contains("io/hardformer/cli/HardformerCommand.class"), "the jar holds the command");
      assertTrue(
          names.contains("io/hardformer/testbench/Testbench.class"),
          "the jar holds the testbench the tile self-check uses");
      List<String> testFramework =
          names.stream()
              .filter(
                  n ->
                      n.startsWith("org/junit/")
                          || n.startsWith("org/opentest4j/")
                          || n.startsWith("org/apiguardian/")
                          || n.startsWith("io/hardformer/testbench/junit/"))
              .toList();
      assertTrue(
          testFramework.isEmpty(),
          testFramework.size()
              + " test-framework entries in "
              + jar
              + ", e.g. "
              + testFramework.subList(0, Math.min(5, testFramework.size())));
    }
  }
}
