package io.hardformer.cli.tile;

import io.hardformer.generators.attention.AttentionShape;
import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.numerics.Fp8Format;
import io.hardformer.models.golden.GoldenUnits;
import io.hardformer.models.units.Activations;
import io.hardformer.models.units.CycleLedger;
import io.hardformer.models.units.TransformerUnits;

/**
 * The golden units with the tile's attention unit: every call runs on {@link GoldenUnits} (the
 * arithmetic and the cycles of the array and the elementwise and row units come from there), but
 * attention is costed as the tile's unit of {@code G} query heads per step: the layer calls
 * attention once per query head, and the {@code G} consecutive heads that share a key/value head
 * are one step per token of the tile's unit ({@link AttentionShape#stepPeriod}, its cycle
 * contract), recorded on the first call of each group. The layer must therefore have a multiple of
 * {@code G} query heads per key/value head, which {@link LayerThroughput}'s reference shape has.
 */
final class TileGoldenUnits implements TransformerUnits {
  private final GoldenUnits golden;
  private final AttentionShape attentionUnit;
  private final CycleLedger attentionLedger = new CycleLedger();
  private long attentionCalls;

  /** {@code headDim} and {@code qHeads}: the tile's attention unit (D and G). */
  TileGoldenUnits(GoldenUnits golden, int headDim, int qHeads, Fp8Format format) {
    this.golden = golden;
    this.attentionUnit = new AttentionShape(headDim, qHeads, format, FloatPacker.FP32);
  }

  @Override
  public int[][] matmul(String what, int[][] x, int[][] w) {
    return golden.matmul(what, x, w);
  }

  @Override
  public int[][] attention(String what, int[][] q, int[][] k, int[][] v, int[] keys) {
    int[][] o = golden.attention(what, q, k, v, keys);
    if (attentionCalls++ % attentionUnit.qHeads() == 0) {
      long cycles = 0;
      long busy = 0;
      for (int t = 0; t < keys.length; t++) {
        cycles +=
            t == keys.length - 1
                ? attentionUnit.cyclesPerStep(keys[t])
                : attentionUnit.stepPeriod(keys[t]);
        busy += keys[t];
      }
      attentionLedger.add("attention", what, cycles, busy);
    }
    return o;
  }

  @Override
  public Activations vector(String what, int[][] a, int[] scaleExp, int[][] b, int qexp) {
    return golden.vector(what, a, scaleExp, b, qexp);
  }

  @Override
  public Activations layerNorm(String what, int[][] x, int[] gamma, int[] beta) {
    return golden.layerNorm(what, x, gamma, beta);
  }

  @Override
  public Activations gelu(String what, int[][] x) {
    return golden.gelu(what, x);
  }

  @Override
  public Activations rmsNorm(String what, int[][] x, int[] gamma) {
    return golden.rmsNorm(what, x, gamma);
  }

  @Override
  public Activations rope(String what, int[][] x, int[] positions) {
    return golden.rope(what, x, positions);
  }

  @Override
  public Activations swiglu(String what, int[][] gate, int[][] up) {
    return golden.swiglu(what, gate, up);
  }

  /** The golden units' entries, with attention as the tile's unit spends it. */
  @Override
  public CycleLedger cycles() {
    CycleLedger all = new CycleLedger();
    for (CycleLedger.Entry e : golden.cycles().entries()) {
      if (!e.unit().equals("attention")) {
        all.add(e.unit(), e.what(), e.cycles(), e.busyCycles());
      }
    }
    for (CycleLedger.Entry e : attentionLedger.entries()) {
      all.add(e.unit(), e.what(), e.cycles(), e.busyCycles());
    }
    return all;
  }

  @Override
  public void close() {
    golden.close();
  }
}
