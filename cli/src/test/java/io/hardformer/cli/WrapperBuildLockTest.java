package io.hardformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./hardformer} wrapper script: two runs started together after a source change build
 * once. The script runs in a copy of a checkout with stub {@code mvn} (slow, counts its runs,
 * writes the jar) and {@code java} first on the PATH, so nothing is really built.
 */
class WrapperBuildLockTest {
  @TempDir Path tmp;

  @Test
  void twoConcurrentRunsAfterASourceChangeBuildOnce() throws Exception {
    Path checkout = Files.createDirectories(tmp.resolve("checkout"));
    Path script = checkout.resolve("hardformer");
    Files.copy(repositoryRoot().resolve("hardformer"), script, StandardCopyOption.COPY_ATTRIBUTES);
    Path jar = Files.createDirectories(checkout.resolve("cli/target")).resolve("hardformer.jar");
    Files.writeString(jar, "old jar");
    Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
    Files.createDirectories(checkout.resolve("dsl/src"));
    Files.writeString(
        checkout.resolve("dsl/src/Changed.java"), "class Changed {}"); // newer than the jar

    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path count = tmp.resolve("mvn-runs");
    executable(
        bin.resolve("mvn"),
        "echo run >> '"
            + count
            + "'\nsleep 3\nmkdir -p cli/target\n"
            + "echo new jar > cli/target/hardformer.jar");
    executable(bin.resolve("java"), "echo \"java $*\"");

    List<Process> runs = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      ProcessBuilder pb =
          new ProcessBuilder(script.toString(), "--version").redirectErrorStream(true);
      pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
      runs.add(pb.start());
    }
    for (Process p : runs) {
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the wrapper finished");
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, p.exitValue(), output);
      assertTrue(output.contains("java -XX:+UseSerialGC -jar " + jar + " --version"), output);
    }
    assertEquals(1, Files.readAllLines(count).size(), "Maven ran once for two concurrent wrappers");
    assertEquals("new jar", Files.readString(jar).strip());
  }

  private static Path repositoryRoot() {
    Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("hardformer"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException(
          "the hardformer script was not found above " + System.getProperty("user.dir"));
    }
    return dir;
  }

  private static void executable(Path p, String body) throws IOException {
    Files.writeString(p, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
