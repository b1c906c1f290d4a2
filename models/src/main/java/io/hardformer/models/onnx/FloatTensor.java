package io.hardformer.models.onnx;

/** An FP32 tensor from an ONNX file: its dimensions and its values in row-major order. */
public record FloatTensor(long[] dims, float[] data) {

  /** A 2-D tensor as rows: {@code rows()[i][j]} = element (i, j). */
  public float[][] rows() {
    if (dims.length != 2) {
      throw new IllegalStateException("not a 2-D tensor: " + dims.length + " dimensions");
    }
    int r = (int) dims[0];
    int c = (int) dims[1];
    float[][] out = new float[r][c];
    for (int i = 0; i < r; i++) {
      System.arraycopy(data, i * c, out[i], 0, c);
    }
    return out;
  }
}
