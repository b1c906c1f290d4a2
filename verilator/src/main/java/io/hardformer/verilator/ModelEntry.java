package io.hardformer.verilator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One folder of the model cache: the executable {@code sim} and {@code sim.sha256}, its size and
 * SHA-256 recorded when it was built. An entry is used only when the executable still matches the
 * record, so a truncated, zeroed, overwritten or deleted model is detected and rebuilt instead of
 * run.
 */
final class ModelEntry {
  static final String EXECUTABLE = "sim";
  static final String RECORD = "sim.sha256";

  private ModelEntry() {}

  /**
   * Records the size and hash of {@code dir/sim}; called on the fresh build before it is moved into
   * place.
   */
  static void seal(Path dir) throws IOException {
    Path sim = dir.resolve(EXECUTABLE);
    Files.writeString(
        dir.resolve(RECORD), Files.size(sim) + " " + sha256(sim) + "\n", StandardCharsets.UTF_8);
  }

  /** Null when {@code dir} holds a sound model; otherwise what is wrong with it. */
  static String problem(Path dir) {
    Path sim = dir.resolve(EXECUTABLE);
    Path record = dir.resolve(RECORD);
    try {
      if (!Files.isRegularFile(sim)) {
        return EXECUTABLE + " is missing";
      }
      if (!Files.isExecutable(sim)) {
        return EXECUTABLE + " is not executable";
      }
      if (!Files.isRegularFile(record)) {
        return RECORD + " (its size and hash at build time) is missing";
      }
      String[] parts = Files.readString(record, StandardCharsets.UTF_8).strip().split(" ", -1);
      if (parts.length != 2) {
        return RECORD + " is malformed";
      }
      long size = Files.size(sim);
      if (!parts[0].equals(Long.toString(size))) {
        return EXECUTABLE + " is " + size + " bytes, built as " + parts[0];
      }
      if (!parts[1].equals(sha256(sim))) {
        return EXECUTABLE + " does not match the SHA-256 recorded at build time";
      }
      return null;
    } catch (IOException e) {
      return "cannot read it: " + e.getMessage();
    }
  }

  private static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] buf = new byte[1 << 16];
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
