package io.hardformer.rtl.view;

import java.util.List;

/**
 * An always block for one signal. Sequential blocks ({@code always @(posedge clk)}) may have a
 * reset branch; combinational ones are {@code always @*}.
 */
public record BlockView(
    String signal, boolean sequential, List<StatementView> reset, List<StatementView> body) {
  public BlockView {
    reset = List.copyOf(reset);
    body = List.copyOf(body);
  }

  public boolean hasReset() {
    return !reset.isEmpty();
  }
}
