package io.hardformer.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output folder is written whole or not at all, keeps the user's files and drops the previous
 * run's leftovers.
 */
class OutputDirectoryTest {
  @TempDir Path tmp;

  private Path out() {
    return tmp.resolve("out");
  }

  private void run(String... namesAndTexts) {
    runAs("generate", namesAndTexts);
  }

  private void runAs(String producer, String... namesAndTexts) {
    try (OutputDirectory o = OutputDirectory.open(out(), producer)) {
      for (int i = 0; i < namesAndTexts.length; i += 2) {
        o.write(namesAndTexts[i], namesAndTexts[i + 1]);
      }
      o.commit();
    }
  }

  private List<String> siblings() throws Exception {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void interruptedWriteLeavesThePreviousOutputsIntact() throws Exception {
    run("fma_array.v", "module old;", "manifest.json", "{\"old\": true}");
    RuntimeException killed =
        assertThrows(
            RuntimeException.class,
            () -> {
              try (OutputDirectory o = OutputDirectory.open(out(), "generate")) {
                o.write("fma_array.v", "module new_but_trunc");
                throw new RuntimeException("killed mid-write");
              }
            });
    assertEquals("killed mid-write", killed.getMessage());
    assertEquals("module old;", Files.readString(out().resolve("fma_array.v")));
    assertEquals("{\"old\": true}", Files.readString(out().resolve("manifest.json")));
    assertEquals(List.of("out"), siblings(), "the staging folder is removed");
  }

  @Test
  void nothingAppearsBeforeCommit() throws Exception {
    try (OutputDirectory o = OutputDirectory.open(out(), "generate")) {
      o.write("unit/a.v", "module a;");
      assertFalse(Files.exists(out().resolve("unit/a.v")));
      o.commit();
      assertEquals("module a;", Files.readString(out().resolve("unit/a.v")));
    }
  }

  @Test
  void aStagingFolderLeftByAKilledRunIsRemovedByTheNext() throws Exception {
    Files.createDirectories(tmp.resolve(".out.hardformer-staging-123/unit"));
    Files.writeString(tmp.resolve(".out.hardformer-staging-123/unit/a.v"), "half");
    Files.writeString(tmp.resolve("neighbour.txt"), "mine");
    run("a.v", "module a;");
    assertEquals(List.of("neighbour.txt", "out"), siblings());
  }

  @Test
  void theUsersOwnFileSurvivesAndStaleFilesOfThePreviousRunAreRemoved() throws Exception {
    Files.createDirectories(out().resolve("unit"));
    Files.writeString(out().resolve("notes.txt"), "mine");
    Files.writeString(out().resolve("unit/mine.v"), "my own module");
    run(
        "a.v",
        "module a;",
        "unit/b.v",
        "module b;",
        "gone/c.v",
        "module c;",
        "manifest.json",
        "{}");
    run("a.v", "module a2;", "manifest.json", "{\"n\": 2}");
    assertEquals("module a2;", Files.readString(out().resolve("a.v")));
    assertFalse(Files.exists(out().resolve("unit/b.v")), "the previous run's file is removed");
    assertFalse(
        Files.exists(out().resolve("gone")), "a folder the stale files leave empty is removed");
    assertEquals("mine", Files.readString(out().resolve("notes.txt")));
    assertEquals("my own module", Files.readString(out().resolve("unit/mine.v")));
    assertEquals(
        List.of("a.v", "manifest.json"),
        Files.readAllLines(out().resolve(OutputDirectory.ledgerName("generate"))));
  }

  @Test
  void anotherProducersFilesAreNotItsStaleFiles() throws Exception {
    runAs("tile", "manifest.json", "{}", "fma-array/fma_array.v", "module fma_array;");
    runAs("report", "index.html", "<html>");
    runAs("report", "index.html", "<html>2");
    assertTrue(
        Files.exists(out().resolve("fma-array/fma_array.v")),
        "the report run keeps the tile's files");
    assertTrue(Files.exists(out().resolve("manifest.json")));
  }

  @Test
  void aFolderWithoutAListOfPreviousFilesLosesNothingButWhatIsRewritten() throws Exception {
    Files.createDirectories(out());
    Files.writeString(out().resolve("old.v"), "written by an older tool or by hand");
    run("a.v", "module a;");
    assertTrue(Files.exists(out().resolve("old.v")));
  }

  @Test
  void aSecondWriterFailsClearlyWhileTheFirstHoldsTheLock() throws Exception {
    try (OutputDirectory first = OutputDirectory.open(out(), "generate")) {
      first.write("a.v", "module a;");
      UncheckedIOException e =
          assertThrows(UncheckedIOException.class, () -> OutputDirectory.open(out(), "generate"));
      assertTrue(e.getMessage().contains("is in use by another hardformer run"), e.getMessage());
      assertTrue(
          e.getMessage().contains("wait for that run to finish or choose another folder"),
          e.getMessage());
      first.commit();
    }
    run("b.v", "module b;");
    assertTrue(Files.exists(out().resolve("b.v")), "the lock is released on close");
  }

  @Test
  void pathsOutsideTheFolderAreRefused() {
    try (OutputDirectory o = OutputDirectory.open(out(), "generate")) {
      assertThrows(IllegalArgumentException.class, () -> o.write("../escape.v", "x"));
      assertThrows(
          IllegalArgumentException.class,
          () -> o.write(OutputDirectory.ledgerName("generate"), "x"));
    }
  }

  @Test
  void aLedgerNamingFilesOutsideTheFolderDeletesNothingThere() throws Exception {
    Files.writeString(tmp.resolve("precious.txt"), "keep");
    Files.createDirectories(out());
    Files.writeString(
        out().resolve(OutputDirectory.ledgerName("generate")),
        "../precious.txt\n" + tmp.resolve("precious.txt") + "\n");
    run("a.v", "module a;");
    assertEquals("keep", Files.readString(tmp.resolve("precious.txt")));
  }
}
