package io.hardformer.verilator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The size of the C++ Verilator generated for one model (its {@code .cpp} and {@code .h} files in
 * the build folder, the harness and the Verilator runtime excluded): what the C++ compiler has to
 * chew through, so the first predictor of a model's build time. Recorded in {@code builds.log}.
 */
public record GeneratedCxx(int files, long lines, long bytes) {
  /**
   * Counts the generated sources of the model with prefix {@code V<top>} in {@code objDir}, and
   * those of a hierarchical block in its folder {@code V<block>/} (prefix {@code V<block>}).
   */
  static GeneratedCxx of(Path objDir, String top) throws IOException {
    String prefix = "V" + top;
    List<Path> sources;
    try (Stream<Path> all = Files.walk(objDir, 2)) {
      sources =
          all.filter(
                  p -> {
                    String n = p.getFileName().toString();
                    Path parent = p.getParent();
                    boolean model = parent.equals(objDir) && n.startsWith(prefix);
                    boolean block =
                        !parent.equals(objDir) && n.startsWith(parent.getFileName().toString());
                    return (model || block) && (n.endsWith(".cpp") || n.endsWith(".h"));
                  })
              .sorted()
              .toList();
    }
    long lines = 0;
    long bytes = 0;
    for (Path p : sources) {
      byte[] b = Files.readAllBytes(p);
      bytes += b.length;
      for (byte c : b) {
        if (c == '\n') {
          lines++;
        }
      }
    }
    return new GeneratedCxx(sources.size(), lines, bytes);
  }
}
