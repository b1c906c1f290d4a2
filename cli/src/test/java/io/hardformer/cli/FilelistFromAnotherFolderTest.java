package io.hardformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code generate} says how to use its filelist from another folder, and that command works there.
 */
@Tag("verilator")
class FilelistFromAnotherFolderTest {
  @TempDir Path tmp;

  @Test
  void theFilelistCommandPrintedByGenerateWorksFromAnotherFolder() throws Exception {
    Path out = tmp.resolve("out/tree");
    PrintStream old = System.out;
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
      code =
          HardformerCommand.execute(
              "generate", "adder-tree", "--width", "4", "--depth", "2", "--out", out.toString());
    } finally {
      System.setOut(old);
    }
    String printed = stdout.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, printed);
    Matcher m = Pattern.compile("verilator (-F \\S+\\.f)\\)").matcher(printed);
    assertTrue(m.find(), "generate prints the filelist command: " + printed);
    String filelistOption = m.group(1);
    assertEquals("-F " + out.resolve("AdderTree.f"), filelistOption);

    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    assertEquals(
        0,
        lint(elsewhere, "-F", out.resolve("AdderTree.f")),
        "-F resolves the names from any folder");
    assertTrue(
        lint(elsewhere, "-f", out.resolve("AdderTree.f")) != 0,
        "-f resolves them from the working folder, which is why generate prints -F");
  }

  private static int lint(Path dir, String option, Path filelist) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "verilator",
                "--lint-only",
                "-Wall",
                "--top-module",
                "AdderTree",
                option,
                filelist.toString()));
    Process p =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    return p.exitValue();
  }
}
