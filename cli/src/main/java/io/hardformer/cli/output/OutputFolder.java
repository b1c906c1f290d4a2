package io.hardformer.cli.output;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * The one check of an output-folder option (generate's and the tile's {@code --out}, estimate's
 * {@code --report}): an existing regular file there is a bad command line (exit 2) with one message
 * naming the option and the path.
 */
public final class OutputFolder {
  private OutputFolder() {}

  /** Throws a usage error when {@code folder} names an existing file that is not a folder. */
  public static void require(CommandLine cmd, String option, Path folder) {
    if (Files.exists(folder) && !Files.isDirectory(folder)) {
      throw new CommandLine.ParameterException(
          cmd,
          "option '"
              + option
              + "' must be a folder, but '"
              + folder
              + "' is a file; pass a folder path (it is created if needed)");
    }
  }
}
