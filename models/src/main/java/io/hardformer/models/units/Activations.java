package io.hardformer.models.units;

/**
 * One tensor of activations as a unit hands it on: {@code fp32[t][c]} IEEE binary32 bits (for
 * residual paths and normalization) and {@code fp8[t][c]} the same values quantized to FP8 codes by
 * the unit's own output quantizer (for the next matmul or attention). Rows are tokens.
 */
public record Activations(int[][] fp32, int[][] fp8) {}
