package io.hardformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A machine without g++ or without Verilator: the tile says which package to install, once. */
@Tag("verilator")
class ToolchainMissingTest {
  @TempDir Path tmp;

  @Test
  void withoutGxxTheSelfCheckNamesThePackageInsteadOfMakesError() throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    for (String tool : new String[] {"verilator", "verilator_bin", "make", "perl"}) {
      Files.createSymbolicLink(bin.resolve(tool), onPath(tool));
    }
    CliProcess.Result r =
        CliProcess.run(
            tmp,
            Map.of("PATH", bin.toString(), "HARDFORMER_CACHE", tmp.resolve("cache").toString()),
            "--config",
            CliProcess.smallTile(tmp).toString(),
            "--out",
            tmp.resolve("out").toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(
        r.out()
            .contains(
                "self-check: skipped: the tile was not simulated: g++ (the C++ compiler Verilator "
                    + "builds models with) not found (searched: "
                    + bin.resolve("g++")
                    + "). Install the Debian package 'g++' "
                    + "(apt-get install g++)"),
        r.out());
    assertFalse((r.out() + r.err()).contains("No such file or directory"), r.out() + r.err());
  }

  @Test
  void withoutVerilatorTheMessageSaysItOnceAndListsEachPlaceOnce() throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    CliProcess.Result r =
        CliProcess.run(
            tmp,
            Map.of("PATH", bin + ":" + bin, "HARDFORMER_CACHE", tmp.resolve("cache").toString()),
            "--config",
            CliProcess.smallTile(tmp).toString(),
            "--out",
            tmp.resolve("out").toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(
        r.out().contains("Verilator not found (searched: " + bin.resolve("verilator") + ")."),
        r.out());
    assertEquals(1, count(r.out(), bin.resolve("verilator").toString()), r.out());
    assertEquals(
        1,
        count(r.out().toLowerCase(java.util.Locale.ROOT), "install the debian package"),
        r.out());
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }

  private static Path onPath(String tool) {
    for (String dir : System.getenv("PATH").split(":", -1)) {
      Path p = Path.of(dir, tool);
      if (!dir.isEmpty() && Files.isExecutable(p)) {
        return p;
      }
    }
    throw new IllegalStateException(tool + " is not on the PATH; ./run-tests installs it");
  }
}
