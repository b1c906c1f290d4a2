package io.hardformer.verilator;

import io.hardformer.verilator.tools.ExternalTool;
import io.hardformer.verilator.tools.ToolException;
import io.hardformer.verilator.tools.ToolResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Verilator binary: found through {@code $VERILATOR} or the PATH, version 5.0 or newer required
 * (checked once). Lints and builds; the build flags that make results reproducible live in {@link
 * ModelCache}.
 */
public final class Verilator {
  private static final Pattern VERSION = Pattern.compile("Verilator (\\d+)\\.(\\d+)");
  private static volatile Verilator instance;

  private final ExternalTool tool;
  private final String version;

  private Verilator(ExternalTool tool, String version) {
    this.tool = tool;
    this.version = version;
  }

  /** The checked Verilator of this machine; throws a {@link ToolException} naming what is wrong. */
  public static Verilator get() {
    Verilator v = instance;
    if (v == null) {
      synchronized (Verilator.class) {
        if (instance == null) {
          instance = locate(ExternalTool.find("Verilator", "verilator", "VERILATOR", "verilator"));
        }
        v = instance;
      }
    }
    return v;
  }

  /** Checks {@code tool} is a usable Verilator (present, version 5.0 or newer). */
  public static Verilator locate(ExternalTool tool) {
    tool.binary(); // throws with the search list when missing
    ToolResult r = tool.run(List.of("--version"), null, Map.of(), 30);
    Matcher m = VERSION.matcher(r.output());
    if (!r.ok() || !m.find()) {
      throw new ToolException(
          "cannot read the version of "
              + tool.binary()
              + " (exit "
              + r.exitCode()
              + "): "
              + r.output().strip(),
          r.command(),
          r.output());
    }
    int major = Integer.parseInt(m.group(1));
    String version = r.output().strip();
    if (major < 5) {
      throw new ToolException(
          "Verilator 5.0 or newer is required, found '"
              + version
              + "' at "
              + tool.binary()
              + ". Install Debian's 'verilator' package (bookworm has 5.006) or set "
              + "VERILATOR to a newer binary.",
          r.command(),
          r.output());
    }
    return new Verilator(tool, version);
  }

  /** The full version line, e.g. {@code Verilator 5.006 2023-01-22 rev (Debian 5.006-3)}. */
  public String version() {
    return version;
  }

  public ExternalTool tool() {
    return tool;
  }

  /**
   * {@code verilator --lint-only -Wall} on the given files; returns the warnings and errors it
   * printed (empty when clean).
   */
  public List<String> lint(Path dir, List<String> files, String top) {
    List<String> args = new ArrayList<>(List.of("--lint-only", "-Wall", "--top-module", top));
    args.addAll(files);
    ToolResult r = tool.run(args, dir, Map.of(), 120);
    List<String> findings = new ArrayList<>();
    for (String line : r.output().lines().toList()) {
      if (line.startsWith("%Warning") || line.startsWith("%Error")) {
        findings.add(line);
      }
    }
    if (!r.ok() && findings.isEmpty()) {
      findings.add("verilator exited with " + r.exitCode() + ": " + r.output().strip());
    }
    return findings;
  }
}
