package io.hardformer.cli.tile;

import java.io.PrintStream;

/**
 * A text progress bar on stderr: {@code [######------] 3/6 building attention model (12 s)}. Redrawn in
 * place on a terminal; one line per step otherwise (logs, CI), so output stays readable either way.
 */
final class ProgressBar {
  private static final int WIDTH = 24;
  private final PrintStream out;
  private final int total;
  private final boolean terminal;
  private final long start = System.nanoTime();
  private int done;

  ProgressBar(PrintStream out, int total) {
    this.out = out;
    this.total = total;
    this.terminal = System.console() != null;
  }

  /** Starts the next step (the previous one is done). */
  void step(String label) {
    draw(label);
    done++;
  }

  void finish(String label) {
    done = total;
    draw(label);
    if (terminal) {
      out.println();
    }
  }

  private void draw(String label) {
    int filled = total == 0 ? WIDTH : WIDTH * done / total;
    String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
    String line = String.format("[%s] %d/%d %s (%d s)", bar, done, total, label, (System.nanoTime() - start) / 1_000_000_000L);
    if (terminal) {
      out.print("\r" + line + " ".repeat(8));
    } else {
      out.println(line);
    }
    out.flush();
  }
}
