package io.hardformer.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The hardformer command run in a child JVM with a chosen environment ({@code PATH}, {@code
 * HARDFORMER_CACHE}), for what an in-process run cannot vary. stdout and stderr are kept apart.
 */
final class CliProcess {
  record Result(int code, String out, String err) {}

  private CliProcess() {}

  static Result run(Path workDir, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classPath,
                HardformerCommand.class.getName()));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile(workDir, "stdout", ".txt");
    Path err = Files.createTempFile(workDir, "stderr", ".txt");
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .directory(workDir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    if (!p.waitFor(15, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException(
          "hardformer " + String.join(" ", args) + " did not finish in 15 minutes");
    }
    return new Result(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** A tile config of one small FMA array (2 x 2), quick to build a model for. */
  static Path smallTile(Path dir) throws IOException {
    return Files.writeString(
        dir.resolve("small-tile.yaml"),
        """
        name: small
        clock-ghz: 1.0
        units:
          - {name: fma-array, design: fma-array, options: {rows: 2, cols: 2, format: e4m3, acc: fp32, out-format: bf16}}
        """);
  }
}
