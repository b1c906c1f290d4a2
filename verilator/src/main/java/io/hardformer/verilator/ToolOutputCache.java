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
    Path cached = null;
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      key.forEach(md::update);
      for (Map.Entry<String, String> f : files.entrySet()) {
        md.update(f.getKey().getBytes(StandardCharsets.UTF_8));
        md.update(f.getValue().getBytes(StandardCharsets.UTF_8));
      }
      cached =
          ModelCache.defaultRoot()
              .resolve(folder)
              .resolve(HexFormat.of().formatHex(md.digest(), 0, 16) + ".txt");
      if (Files.isRegularFile(cached)) {
        try {
          return parse.apply(Files.readString(cached));
        } catch (IllegalStateException damaged) {
          Files.deleteIfExists(cached); // a truncated or foreign file: run again
        }
      }
    } catch (NoSuchAlgorithmException | IOException e) {
      cached = null; // no cache: run
    }
    String output = run.get();
    T result = parse.apply(output);
    if (cached != null) {
      try {
        Files.createDirectories(cached.getParent());
        Path tmp = Files.createTempFile(cached.getParent(), folder + "-", ".tmp");
        Files.writeString(tmp, output);
        Files.move(
            tmp, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      key.forEach(md::update);
      for (Map.Entry<String, String> f : files.entrySet()) {
        md.update(f.getKey().getBytes(StandardCharsets.UTF_8));
        md.update(f.getValue().getBytes(StandardCharsets.UTF_8));
      }
      Path cached =
          ModelCache.defaultRoot()
              .resolve(folder)
              .resolve(HexFormat.of().formatHex(md.digest(), 0, 16) + ".txt");
      if (Files.isRegularFile(cached)) {
        return Optional.of(parse.apply(Files.readString(cached)));
      }
    } catch (NoSuchAlgorithmException | IOException | IllegalStateException e) {
      // no cache, or a damaged entry: not cached
    }
    return Optional.empty();
  }

  /** A key part from text. */
  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
