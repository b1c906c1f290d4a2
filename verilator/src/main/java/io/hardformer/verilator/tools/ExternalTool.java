package io.hardformer.verilator.tools;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One external program behind a narrow interface: where it is, its version, and {@link #run}. The
 * binary is found through an environment variable naming it (e.g. {@code VERILATOR}) or on the
 * PATH; when missing, the error names every place searched and the Debian package that provides it.
 */
public final class ExternalTool {
  private final String displayName;
  private final String debianPackage;
  private final Path binary;
  private final List<String> searched;

  private ExternalTool(
      String displayName, String debianPackage, Path binary, List<String> searched) {
    this.displayName = displayName;
    this.debianPackage = debianPackage;
    this.binary = binary;
    this.searched = searched;
  }

  /**
   * Finds {@code executable}: first the file named by environment variable {@code envVar} (if set),
   * then each PATH entry.
   */
  public static ExternalTool find(
      String displayName, String executable, String envVar, String debianPackage) {
    List<String> searched = new ArrayList<>();
    String override = envVar == null ? null : System.getenv(envVar);
    if (override != null && !override.isEmpty()) {
      Path p = Path.of(override);
      searched.add("$" + envVar + "=" + override);
      return new ExternalTool(
          displayName, debianPackage, Files.isExecutable(p) ? p : null, searched);
    }
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator, -1)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path p = Path.of(dir, executable);
      if (searched.contains(p.toString())) {
        continue; // a folder listed twice on the PATH is searched (and named) once
      }
      searched.add(p.toString());
      if (Files.isExecutable(p)) {
        return new ExternalTool(displayName, debianPackage, p, searched);
      }
    }
    return new ExternalTool(displayName, debianPackage, null, searched);
  }

  /** A tool at an explicit path (used to test the missing and too-old cases). */
  public static ExternalTool at(String displayName, Path binary, String debianPackage) {
    boolean ok = Files.isExecutable(binary);
    return new ExternalTool(
        displayName, debianPackage, ok ? binary : null, List.of(binary.toString()));
  }

  public boolean available() {
    return binary != null;
  }

  /**
   * The binary, or a {@link ToolException} saying where it was looked for and how to install it.
   */
  public Path binary() {
    if (binary == null) {
      throw new ToolException(
          displayName
              + " not found (searched: "
              + String.join(", ", searched)
              + "). Install the Debian package '"
              + debianPackage
              + "' (apt-get install "
              + debianPackage
              + "), or run ./run-tests as root, which installs it.",
          List.of(),
          "");
    }
    return binary;
  }

  public String displayName() {
    return displayName;
  }

  /**
   * Runs the tool in {@code dir} with a time limit; never throws on a non-zero exit (see the
   * result).
   */
  public ToolResult run(List<String> args, Path dir, Map<String, String> env, long timeoutSeconds) {
    List<String> cmd = new ArrayList<>();
    cmd.add(binary().toString());
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    if (dir != null) {
      pb.directory(dir.toFile());
    }
    pb.environment().putAll(env);
    Process p = null;
    try {
      p = pb.start();
      p.getOutputStream().close();
      Process proc = p;
      StringBuilder out = new StringBuilder();
      Thread reader =
          new Thread(() -> out.append(readAll(proc.getInputStream())), displayName + "-output");
      reader.setDaemon(true);
      reader.start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(5, TimeUnit.SECONDS);
        reader.join(1000);
        throw new ToolException(
            displayName
                + " did not finish within "
                + timeoutSeconds
                + " s: "
                + String.join(" ", cmd),
            cmd,
            out.toString());
      }
      reader.join();
      return new ToolResult(cmd, p.exitValue(), out.toString());
    } catch (IOException e) {
      throw new ToolException("cannot run " + displayName + ": " + e.getMessage(), cmd, "");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (p != null) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      }
      throw new ToolException(displayName + " interrupted", cmd, "");
    }
  }

  /** Runs and requires exit code 0. */
  public ToolResult runOk(List<String> args, Path dir, long timeoutSeconds) {
    ToolResult r = run(args, dir, Map.of(), timeoutSeconds);
    if (!r.ok()) {
      throw new ToolException(
          displayName
              + " failed (exit "
              + r.exitCode()
              + "): "
              + String.join(" ", r.command())
              + "\n"
              + r.output(),
          r.command(),
          r.output());
    }
    return r;
  }

  private static String readAll(InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
