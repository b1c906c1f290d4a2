package io.hardformer.verilator.timing;

import io.hardformer.verilator.tools.ToolException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The OSU 0.18 um standard-cell timing liberty ({@code osu018_stdcells.lib}, Debian package {@code
 * qflow-tech-osu018}); {@code $HARDFORMER_OSU018_LIB} names another copy.
 */
public final class Osu018 {
  public static final String PACKAGE = "qflow-tech-osu018";
  public static final Path DEFAULT = Path.of("/usr/share/qflow/tech/osu018/osu018_stdcells.lib");

  private Osu018() {}

  /** The liberty file, or a {@link ToolException} naming the package that provides it. */
  public static Path liberty() {
    String env = System.getenv("HARDFORMER_OSU018_LIB");
    Path p = env == null || env.isEmpty() ? DEFAULT : Path.of(env);
    if (!Files.isRegularFile(p)) {
      throw new ToolException(
          "OSU 0.18 um liberty not found (searched: "
              + p
              + "). Install the Debian package '"
              + PACKAGE
              + "' (apt-get install "
              + PACKAGE
              + "), or run ./run-tests as root, which installs it.",
          List.of(),
          "");
    }
    return p;
  }
}
