package io.hardformer.models.minilm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ONNX weight mapping, the tokenizer and the model's structure, against onnxruntime FP32. */
class MiniLmFp32Test {
  static final List<String> SENTENCES =
      List.of(
          "The quick brown fox jumps over the lazy dog.",
          "Hello",
          "In 2024, São Paulo's population exceeded 12,000,000 people!",
          "for (int i = 0; i < n; i++) { sum += a[i] * b[i]; }",
          "Transformers use self-attention; LayerNorm follows each residual add.");

  static MiniLmWeights weights;
  static MiniLmTokenizer tokenizer;
  static final MiniLmReference REFERENCE = new MiniLmReference();

  @BeforeAll
  static void load() {
    weights = MiniLmWeightsReader.read();
    tokenizer = new MiniLmTokenizer();
  }

  @AfterAll
  static void close() {
    tokenizer.close();
  }

  @Test
  void weightsHaveTheModelsShapeAndEpsilon() {
    assertEquals(6, weights.layers().size());
    assertEquals(1e-12f, weights.layerNormEpsilon());
    assertEquals(384, weights.layers().get(0).ffnUp().w().length);
    assertEquals(1536, weights.layers().get(0).ffnUp().w()[0].length);
    assertEquals(1536, weights.layers().get(5).ffnDown().w().length);
  }

  @Test
  void tokenIdsAreBertsWithClsAndSep() {
    int[] ids = tokenizer.ids("Hello world");
    assertArrayEquals(new int[] {101, 7592, 2088, 102}, ids);
    assertThrows(IllegalArgumentException.class, () -> tokenizer.ids("   "));
    assertThrows(TextTooLongException.class, () -> tokenizer.ids("word ".repeat(511)));
    assertEquals(512, tokenizer.ids("word ".repeat(510)).length);
  }

  @Test
  void fp32ForwardPassMatchesTheOnnxruntimeReference() {
    MiniLmFp32 model = new MiniLmFp32(weights);
    for (String s : SENTENCES) {
      double cos = MiniLmReference.cosine(model.embed(tokenizer.ids(s)), REFERENCE.fp32(s));
      assertTrue(cos >= 0.99999, s + ": cosine " + cos);
    }
  }
}
