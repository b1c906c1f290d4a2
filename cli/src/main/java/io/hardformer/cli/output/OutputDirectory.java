package io.hardformer.cli.output;

import io.hardformer.verilator.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An output folder ({@code --out}) written whole or not at all. Files are staged in a temporary
 * folder beside it (same parent, so moves are renames) and moved into place by {@link #commit()}
 * only when all are complete: first the other files, then every {@code manifest.json}, deepest
 * first (a torn folder has no new manifest, since the old ones are removed before anything moves).
 * The folder is locked while open, so a second writer fails with a clear message. Files the
 * previous run of the same producer ({@code generate}, {@code tile}, {@code report}) wrote and this
 * one did not are removed; a hidden list per producer in the folder, {@code
 * .hardformer-<producer>-files}, records which files it wrote, and no other file is ever deleted.
 *
 * <pre>{@code
 * try (OutputDirectory o = OutputDirectory.open(out, "generate")) {
 *   o.write("fma_array.v", verilog);
 *   o.write("manifest.json", manifest);
 *   o.commit();
 * }   // without commit(), nothing in out changes
 * }</pre>
 */
public final class OutputDirectory implements AutoCloseable {
  /** The lock file in the folder. */
  public static final String LOCK = ".hardformer-lock";

  /** Our own bookkeeping files start with this; a staged file may not. */
  private static final String OWN_PREFIX = ".hardformer-";

  /** Files with this name are moved into place last. */
  public static final String MANIFEST = "manifest.json";

  private final Path dir;
  private final Path ledger;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Path staging;
  private final Map<String, Path> staged = new LinkedHashMap<>();
  private boolean committed;

  private OutputDirectory(
      Path dir, String producer, FileChannel lockChannel, FileLock lock, Path staging) {
    this.dir = dir;
    this.ledger = dir.resolve(ledgerName(producer));
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.staging = staging;
  }

  /**
   * Creates {@code dir} if needed, locks it and prepares a staging folder beside it.
   *
   * @throws UncheckedIOException naming the folder when it cannot be created, or is locked by
   *     another run
   */
  public static OutputDirectory open(Path dir, String producer) {
    if (!producer.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException(
          "producer must be a lower-case word, got '" + producer + "'");
    }
    Path abs = dir.toAbsolutePath().normalize();
    if (abs.getParent() == null) {
      throw new UncheckedIOException(
          new IOException("cannot write into the root folder " + abs + "; choose a sub-folder"));
    }
    FileChannel channel = null;
    try {
      Files.createDirectories(abs);
      channel =
          FileChannel.open(abs.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        throw new IOException(
            "output folder "
                + dir
                + " is in use by another hardformer run (it holds "
                + abs.resolve(LOCK)
                + "); wait for that run to finish or choose another folder");
      }
      removeAbandonedStaging(abs);
      Path staging = Files.createTempDirectory(abs.getParent(), stagingPrefix(abs));
      return new OutputDirectory(abs, producer, channel, lock, staging);
    } catch (IOException e) {
      closeQuietly(channel);
      String msg =
          e.getMessage() != null && e.getMessage().startsWith("output folder")
              ? e.getMessage()
              : "cannot write into output folder " + dir + " (" + reason(e) + ")";
      throw new UncheckedIOException(msg, e);
    }
  }

  /** The name of the list of files a producer wrote, in the folder. */
  public static String ledgerName(String producer) {
    return OWN_PREFIX + producer + "-files";
  }

  /** The folder, absolute. */
  public Path path() {
    return dir;
  }

  /**
   * Stages {@code text} (UTF-8) as {@code relative} (a path inside the folder, such as {@code
   * unit/top.v}).
   */
  public void write(String relative, String text) {
    write(relative, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Stages {@code bytes} as {@code relative}; nothing appears in the folder before {@link
   * #commit()}.
   */
  public void write(String relative, byte[] bytes) {
    if (committed) {
      throw new IllegalStateException("output folder " + dir + " is already committed");
    }
    String name = checkedRelative(relative);
    if (name == null) {
      throw new IllegalArgumentException(
          "'" + relative + "' is not a path inside the output folder");
    }
    Path p = staging.resolve(name);
    try {
      Files.createDirectories(p.getParent());
      Files.write(p, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write " + dir.resolve(name) + " (" + reason(e) + ")", e);
    }
    staged.put(name, p);
  }

  /**
   * Moves every staged file into place (manifests last), removes the files the previous run wrote
   * and this one did not, and records this run's files. Returns the files, relative to the folder,
   * in the order written.
   */
  public List<String> commit() {
    if (committed) {
      throw new IllegalStateException("output folder " + dir + " is already committed");
    }
    try {
      Set<String> previous = readLedger();
      Set<String> both = new LinkedHashSet<>(previous);
      both.addAll(staged.keySet());
      // until this run is complete, the list covers both runs' files, so an interrupted run is
      // cleaned up next time
      writeLedger(both);
      List<String> manifests = new ArrayList<>();
      for (String name : staged.keySet()) {
        if (isManifest(name)) {
          manifests.add(name);
          Files.deleteIfExists(dir.resolve(name));
        }
      }
      for (Map.Entry<String, Path> f : staged.entrySet()) {
        if (!isManifest(f.getKey())) {
          moveIntoPlace(f.getValue(), dir.resolve(f.getKey()));
        }
      }
      for (String old : previous) {
        if (!staged.containsKey(old)) {
          removeStale(dir.resolve(old));
        }
      }
      manifests.sort(Comparator.comparingInt((String n) -> n.split("/").length).reversed());
      for (String m : manifests) {
        moveIntoPlace(staged.get(m), dir.resolve(m));
      }
      writeLedger(staged.keySet());
      committed = true;
      return List.copyOf(staged.keySet());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot move the new files into output folder " + dir + " (" + reason(e) + ")", e);
    }
  }

  /** Removes the staging folder (discarding uncommitted files) and releases the lock. */
  @Override
  public void close() {
    FileTrees.deleteQuietly(staging);
    try {
      lock.release();
    } catch (IOException ignored) {
      // closing the channel releases it too
    }
    closeQuietly(lockChannel);
  }

  /** The operating system's reason ("Not a directory", "Permission denied"), else the exception. */
  private static String reason(IOException e) {
    if (e instanceof java.nio.file.FileSystemException
        && ((java.nio.file.FileSystemException) e).getReason() != null) {
      return ((java.nio.file.FileSystemException) e).getReason();
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  private static String stagingPrefix(Path dir) {
    return "." + dir.getFileName() + ".hardformer-staging-";
  }

  /** Staging folders of runs that were killed: we hold the lock, so no live run owns them. */
  private static void removeAbandonedStaging(Path dir) throws IOException {
    String prefix = stagingPrefix(dir);
    try (Stream<Path> s = Files.list(dir.getParent())) {
      s.filter(p -> p.getFileName().toString().startsWith(prefix) && Files.isDirectory(p))
          .forEach(FileTrees::deleteQuietly);
    }
  }

  private static boolean isManifest(String name) {
    return name.equals(MANIFEST) || name.endsWith("/" + MANIFEST);
  }

  /**
   * {@code relative} normalized with '/' separators, or null when it is empty or leaves the folder.
   */
  private static String checkedRelative(String relative) {
    if (relative == null || relative.isBlank()) {
      return null;
    }
    Path p = Path.of(relative).normalize();
    if (p.isAbsolute()
        || p.toString().isEmpty()
        || p.startsWith("..")
        || p.getName(0).toString().startsWith(OWN_PREFIX)) {
      return null;
    }
    return p.toString().replace('\\', '/');
  }

  private void moveIntoPlace(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Deletes a file of the previous run and the folders it leaves empty, up to (not including) the
   * output folder.
   */
  private void removeStale(Path file) throws IOException {
    if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.delete(file);
    for (Path p = file.getParent();
        p != null && !p.equals(dir) && p.startsWith(dir);
        p = p.getParent()) {
      try {
        Files.delete(p);
      } catch (DirectoryNotEmptyException e) {
        return;
      }
    }
  }

  private Set<String> readLedger() throws IOException {
    Set<String> names = new LinkedHashSet<>();
    if (!Files.isRegularFile(ledger)) {
      return names;
    }
    for (String line : Files.readAllLines(ledger, StandardCharsets.UTF_8)) {
      String name = checkedRelative(line.strip());
      if (name != null) {
        names.add(name);
      }
    }
    return names;
  }

  private void writeLedger(Set<String> names) throws IOException {
    Path tmp = Files.createTempFile(staging, "ledger", ".txt");
    Files.writeString(
        tmp, names.isEmpty() ? "" : String.join("\n", names) + "\n", StandardCharsets.UTF_8);
    moveIntoPlace(tmp, ledger);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException ignored) {
      // nothing more to release
    }
  }
}
