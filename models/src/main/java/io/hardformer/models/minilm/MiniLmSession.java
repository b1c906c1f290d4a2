package io.hardformer.models.minilm;

import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.models.units.CycleLedger;
import io.hardformer.models.units.TransformerUnits;
import java.util.List;

/**
 * all-MiniLM-L6-v2 loaded once (ONNX weights, FP8 conversion, tokenizer, references) and run on a
 * set of units sentence after sentence.
 */
public final class MiniLmSession implements AutoCloseable {
  /** Default activation exponents (qexp) of V and of the attention context: see docs/MODELS.md. */
  public static final int DEFAULT_QEXP = 0;

  private final MiniLmFp8Model model;
  private final MiniLmTokenizer tokenizer = new MiniLmTokenizer();
  private final MiniLmReference reference = new MiniLmReference();
  private final TransformerUnits units;

  public MiniLmSession(Fp8Format format, TransformerUnits units) {
    this.model = MiniLmFp8Model.of(MiniLmWeightsReader.read(), format, DEFAULT_QEXP, DEFAULT_QEXP);
    this.units = units;
  }

  public MiniLmTokenizer tokenizer() {
    return tokenizer;
  }

  /** Runs one text (its ids checked by the tokenizer: not empty, at most 512 positions). */
  public MiniLmResult run(String text) {
    int[] ids = tokenizer.ids(text);
    CycleLedger ledger = units.cycles();
    int before = ledger.entries().size();
    MiniLmPipeline pipeline = new MiniLmPipeline(model, units);
    float[] embedding = pipeline.embed(ids);
    List<CycleLedger.Entry> all = ledger.entries();
    return new MiniLmResult(
        text,
        tokenizer.tokens(text),
        embedding,
        reference.fp32(text),
        reference.int8(text),
        List.copyOf(all.subList(before, all.size())),
        pipeline.macs());
  }

  @Override
  public void close() {
    tokenizer.close();
  }
}
