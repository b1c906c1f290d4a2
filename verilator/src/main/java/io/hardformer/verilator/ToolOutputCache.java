package io.hardformer.verilator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The text output of a deterministic tool run (Yosys statistics, OpenSTA reports), cached by
 * content under the model cache root ({@code synth/}, {@code timing/}): the key hashes everything
 * that decides the output (tool versions, scripts, libraries, every Verilog file), so a hit is
 * exactly what a run would print. A cached file that no longer parses is replaced by a fresh run; a
 * result that cannot be cached is still a result.
 */
public final class ToolOutputCache {
  private ToolOutputCache() {}

  /**
   * The parsed output for {@code key} (its parts, then each file's name and text): from {@code
   * <cache>/folder/} when present and parseable, else {@code run} parsed and stored atomically.
   */
  public static <T> T get(
      String folder,
      List<byte[]> key,
      Map<String, String> files,
      Supplier<String> run,
      Function<String, T> parse) {
    return getWithEntry(folder, key, files, entry -> run.get(), parse);
  }

  /**
   * As {@link #get(String, List, Map, Supplier, Function)}, but {@code run} is given the path the
   * entry will be stored at ({@code <cache>/folder/<hash>.txt}; empty when there is no cache), so
   * it can keep files beside it (e.g. the tools' logs in {@code <hash>.logs/}).
   */
  public static <T> T getWithEntry(
      String folder,
      List<byte[]> key,
      Map<String, String> files,
      Function<Optional<Path>, String> run,
      Function<String, T> parse) {
    Optional<Path> cached = entry(folder, key, files);
    if (cached.isPresent() && Files.isRegularFile(cached.get())) {
      try {
        return parse.apply(Files.readString(cached.get()));
      } catch (IllegalStateException | IOException damaged) {
        try {
          Files.deleteIfExists(cached.get()); // a truncated or foreign file: run again
        } catch (IOException e) {
          // run again all the same
        }
      }
    }
    String output = run.apply(cached);
    T result = parse.apply(output);
    if (cached.isPresent()) {
      try {
        Files.createDirectories(cached.get().getParent());
        Path tmp = Files.createTempFile(cached.get().getParent(), folder + "-", ".tmp");
        Files.writeString(tmp, output);
        Files.move(
            tmp, cached.get(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        // a result that cannot be cached is still a result
      }
    }
    return result;
  }

  /**
   * The parsed output for {@code key} when {@code <cache>/folder/} holds a parseable one, without
   * running anything; empty otherwise.
   */
  public static <T> Optional<T> peek(
      String folder, List<byte[]> key, Map<String, String> files, Function<String, T> parse) {
    Optional<Path> cached = entry(folder, key, files);
    try {
      if (cached.isPresent() && Files.isRegularFile(cached.get())) {
        return Optional.of(parse.apply(Files.readString(cached.get())));
      }
    } catch (IOException | IllegalStateException e) {
      // a damaged entry: not cached
    }
    return Optional.empty();
  }

  /**
   * Where the entry for {@code key} and {@code files} is (or would be) stored: {@code
   * <cache>/folder/<first 16 bytes of the SHA-256, hex>.txt}; empty when no hash is available.
   */
  public static Optional<Path> entry(String folder, List<byte[]> key, Map<String, String> files) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      key.forEach(md::update);
      for (Map.Entry<String, String> f : files.entrySet()) {
        md.update(f.getKey().getBytes(StandardCharsets.UTF_8));
        md.update(f.getValue().getBytes(StandardCharsets.UTF_8));
      }
      return Optional.of(
          ModelCache.defaultRoot()
              .resolve(folder)
              .resolve(HexFormat.of().formatHex(md.digest(), 0, 16) + ".txt"));
    } catch (NoSuchAlgorithmException e) {
      return Optional.empty();
    }
  }

  /** A key part from text. */
  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
