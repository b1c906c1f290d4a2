package io.hardformer.models.units;

/**
 * The generated units a transformer layer runs on, as the host sees them: it moves data between
 * these calls and does no arithmetic of its own. Two implementations run the same calls: on the
 * Java golden models ({@code golden} mode) and on the generated Verilog in Verilator ({@code rtl}
 * mode); they must agree bit for bit. Numbers are raw codes: FP8 codes in the low 8 bits of an
 * {@code int}, FP32 as IEEE binary32 bits. Rows are tokens.
 */
public interface TransformerUnits extends AutoCloseable {

  /**
   * Y = X . W on the {@code fma-array}, tiled over it: {@code x[t][k]} and {@code w[k][n]} FP8
   * codes; returns {@code y[t][n]} FP32 bits (the array's FP32 output format).
   */
  int[][] matmul(String what, int[][] x, int[][] w);

  /**
   * One attention head on the {@code attention} unit (D = head dim, G = 1): query row {@code t}
   * attends keys {@code 0 .. keys[t]-1} of {@code k[s][d]}, {@code v[s][d]} (FP8 codes), one unit
   * step per query. Returns {@code o[t][d]} FP32 bits.
   */
  int[][] attention(String what, int[][] q, int[][] k, int[][] v, int[] keys);

  /**
   * The {@code vector} unit, elementwise: {@code y = RNE_fp32(a . 2^scaleExp[c] + b)} per element
   * (a, b FP32 bits; {@code scaleExp[c]} per column, for dequantizing a matmul's per-channel weight
   * scale), and its FP8 output {@code q = sat_RNE_fp8(y . 2^-qexp)}.
   */
  Activations vector(String what, int[][] a, int[] scaleExp, int[][] b, int qexp);

  /** The {@code layernorm} unit over each row: gamma, beta FP32 bits per column. */
  Activations layerNorm(String what, int[][] x, int[] gamma, int[] beta);

  /** The {@code gelu} unit (erf form), elementwise on FP32 bits. */
  Activations gelu(String what, int[][] x);

  /** The {@code rmsnorm} unit over each row (Llama-3: eps 1e-5): gamma FP32 bits per column. */
  Activations rmsNorm(String what, int[][] x, int[] gamma);

  /**
   * The {@code rope} unit: rotates each row of one head ({@code x[t][d]} FP32 bits) by the angles
   * of position {@code positions[t]}.
   */
  Activations rope(String what, int[][] x, int[] positions);

  /** The {@code swiglu} unit, elementwise: SiLU(gate) x up, FP32 bits in. */
  Activations swiglu(String what, int[][] gate, int[][] up);

  /** What the calls cost in unit cycles so far, by unit and by the {@code what} labels. */
  CycleLedger cycles();

  @Override
  void close();
}
