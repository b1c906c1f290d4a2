package io.hardformer.models.minilm;

/** A text that needs more positions than the model's 512. */
public final class TextTooLongException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final int positions;

  public TextTooLongException(int positions) {
    super(
        "the text needs "
            + positions
            + " positions ([CLS], word pieces, [SEP]); all-MiniLM-L6-v2 has "
            + MiniLmWeights.MAX_POSITIONS);
    this.positions = positions;
  }

  public int positions() {
    return positions;
  }
}
