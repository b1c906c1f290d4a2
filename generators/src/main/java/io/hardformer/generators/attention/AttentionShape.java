package io.hardformer.generators.attention;

import io.hardformer.generators.catalog.ParameterCheck;
import io.hardformer.generators.fp8.ExactDotTree;
import io.hardformer.generators.fp8.FloatPacker;
import io.hardformer.generators.numerics.Fp8Arithmetic;
import io.hardformer.generators.numerics.Fp8Format;

/**
 * The parameters of the attention unit and every internal format derived from them (see the
 * README's attention section). All values are two's-complement or unsigned integers with a stated
 * unit:
 *
 * <ul>
 *   <li>score s = q . k exact, {@link #scoreBits} bits, unit 2^(2 x quantum) (2^-18 E4M3, 2^-32
 *       E5M2);
 *   <li>x = floor(s x c / 2^shift) with c = {@link #scaleConstant} ~ log2(e) / sqrt(D) x 2^{@link
 *       #scaleExponent}: the base-2 logit, {@link #X_FRACTION} fraction bits;
 *   <li>m = the running max of ceil(x), an integer, so rescaling by 2^(m_old - m_new) is a shift;
 *   <li>p = 2^(x - m) in (0, 1], {@link #P_FRACTION} fraction bits: 2^-frac with {@link #EXP2_BITS}
 *       fraction bits from a 64-entry table times a second-order step 1 - a + a^2/2 (a = r ln 2 for
 *       the low fraction bits r), then a shift by the integer part into the wider p, so weights
 *       down to 2^-44 are kept: the truncated weights of a step of S pairs add up to under S x
 *       2^-43, not S x 2^-23;
 *   <li>l = sum of p (rescaled), {@link #sumBits} bits; acc_d = sum of p x v_d (rescaled), {@link
 *       #accBits} bits, unit 2^(quantum - P_FRACTION);
 *   <li>o_d = acc_d / l via a 27-bit reciprocal of the normalized l (sequential restoring divider),
 *       then rounded once (RNE) to BF16 or FP32.
 * </ul>
 *
 * Arithmetic headroom: S up to 2^{@link #LOG2_MAX_S} keys per step.
 */
public record AttentionShape(
    int headDim,
    int qHeads,
    Fp8Format format,
    FloatPacker outFormat,
    int drainStages,
    AttentionPipeline pipeline) {
  public static final int X_FRACTION = 20;

  /** Fraction bits of the exp2 table and step (its relative error is under 2^-20). */
  public static final int EXP2_BITS = 24;

  /**
   * Fraction bits of the weight p, the sum l and the accumulators (units 2^-44, 2^(quantum - 44)).
   */
  public static final int P_FRACTION = 44;

  public static final int LOG2_MAX_S = 20;
  public static final int SCALE_BITS = 24;
  public static final int TABLE_BITS = 6;
  public static final int RECIPROCAL_BITS = 27;

  /** ln 2 with 16 fraction bits, for the second-order step of exp2. */
  public static final long LN2 = Math.round(Math.log(2) * 65536);

  public static final int SHIFT_LIMIT = 127;

  /**
   * Registered stages of the drain's acc x reciprocal product by default ({@code --drain-stages}):
   * 2, so a stage multiplies by a 14-bit slice of the reciprocal; at 1 (one 84 x 28 multiply per
   * lane in one cycle) ABC does not map the lane (docs/BENCHMARKS.md, issue 17).
   */
  public static final int DEFAULT_DRAIN_STAGES = 2;

  public AttentionShape {
    // the one check of these ranges: the attention options reach it through
    // AttentionGenerator.Parameters
    ParameterCheck.range("--head-dim", headDim, 1, 1024);
    ParameterCheck.range("--q-heads", qHeads, 1, 64);
    ParameterCheck.range("--drain-stages", drainStages, 1, RECIPROCAL_BITS);
    java.util.Objects.requireNonNull(pipeline, "pipeline");
  }

  /** {@code --pipeline deep} or {@code deep-compact}: every long step but the loops registered. */
  public boolean deep() {
    return pipeline != AttentionPipeline.DEFAULT;
  }

  /** {@code --pipeline deep}: the accumulate loops in {@link RescalingWindow}s too. */
  public boolean windows() {
    return pipeline == AttentionPipeline.DEEP;
  }

  /** The same shape with another pipeline. */
  public AttentionShape withPipeline(AttentionPipeline p) {
    return new AttentionShape(headDim, qHeads, format, outFormat, drainStages, p);
  }

  /**
   * Stages a head adds with {@code --pipeline deep} before it reads v: the scale's carry-save rows
   * and ceil (2), the t subtract (1) and exp2's ({@link StagedExp2Unit#LATENCY}).
   */
  public int deepVStages() {
    return deep() ? 2 + deepTLag() : 0;
  }

  /**
   * With {@code --pipeline deep}, cycles from the running max to exp2's output beyond the
   * default's: the t subtract's stage and {@link StagedExp2Unit#LATENCY}.
   */
  public int deepTLag() {
    return 1 + StagedExp2Unit.LATENCY;
  }

  /**
   * Stages a head adds with {@code --pipeline deep} before its accumulation is visible: {@link
   * #deepVStages}, the term's two, with {@link #windows} the rescaling windows' rotate ({@link
   * RescalingWindow#LATENCY} - 1) and l read out of its window and registered (1), and l's leading
   * zeros ({@link #DEEP_RESOLVE_STAGES}).
   */
  public int deepHeadStages() {
    int windowStages = windows() ? RescalingWindow.LATENCY : 0;
    return deep() ? deepVStages() + 2 + windowStages + DEEP_RESOLVE_STAGES : 0;
  }

  /**
   * With {@code --pipeline deep}, cycles from the accumulated l to its leading-zero count, which
   * the {@code norm} cycle then only applies (a shift).
   */
  public static final int DEEP_RESOLVE_STAGES = 1;

  /** Cycles from a drain lane's acc to its output ({@code AttentionDrainLane}). */
  public int drainLatency() {
    return AttentionDrainLane.latency(this);
  }

  /** Cycles from a drain lane's acc to its rounding's input, where nan and lz are read. */
  public int drainProductLatency() {
    return AttentionDrainLane.productLatency(this);
  }

  /** The shape with the default pipeline. */
  public AttentionShape(
      int headDim, int qHeads, Fp8Format format, FloatPacker outFormat, int drainStages) {
    this(headDim, qHeads, format, outFormat, drainStages, AttentionPipeline.DEFAULT);
  }

  /** The shape with {@link #DEFAULT_DRAIN_STAGES}. */
  public AttentionShape(int headDim, int qHeads, Fp8Format format, FloatPacker outFormat) {
    this(headDim, qHeads, format, outFormat, DEFAULT_DRAIN_STAGES);
  }

  public int scoreBits() {
    return Fp8Arithmetic.accumulatorBits(format, headDim);
  }

  public int scoreUnit() {
    return 2 * format.quantumExponent();
  }

  /** log2(e) / sqrt(D) as an integer in [2^23, 2^24) times 2^-scaleExponent. */
  public long scaleConstant() {
    double c = 1.4426950408889634 / Math.sqrt(headDim);
    return Math.round(Math.scalb(c, scaleExponent()));
  }

  public int scaleExponent() {
    double c = 1.4426950408889634 / Math.sqrt(headDim);
    return SCALE_BITS - 1 - Math.getExponent(c);
  }

  /** x = (s x c) >> scaleShift. */
  public int scaleShift() {
    return scaleExponent() - X_FRACTION - scoreUnit();
  }

  public int xBits() {
    return scoreBits() + SCALE_BITS + 1 - scaleShift();
  }

  public int maxBits() {
    return xBits() - X_FRACTION + 1;
  }

  public int sumBits() {
    return P_FRACTION + 1 + LOG2_MAX_S;
  }

  /**
   * Width of one p x v term: p (P_FRACTION + 1 bits) x significand shifted by up to the largest
   * exponent, plus sign.
   */
  public int termBits() {
    int maxExpField = (1 << format.exponentBits()) - (format.hasInfinities() ? 2 : 1);
    return P_FRACTION + 1 + format.mantissaBits() + 1 + maxExpField - 1 + 1;
  }

  public int accBits() {
    return termBits() + LOG2_MAX_S;
  }

  /** o = acc x reciprocal x 2^(outputUnit + lz(l)). */
  public int outputUnit() {
    return format.quantumExponent() - sumBits() - (RECIPROCAL_BITS - 2);
  }

  /** The 64-entry table: round(2^(-i/64) x 2^24). */
  public static long table(int i) {
    return Math.round(Math.scalb(Math.pow(2, -i / 64.0), EXP2_BITS));
  }

  // ---- cycle contract
  // ------------------------------------------------------------------------------

  /**
   * Cycles from a beat's acceptance to its accumulation being visible: input, dot, scale, max, exp,
   * p.v, acc.
   */
  public int accumulateLatency() {
    int dot = deep() ? ExactDotTree.carrySaveLatency(headDim) : ExactDotTree.latency(headDim);
    return 1 + dot + 5 + deepHeadStages();
  }

  /**
   * Cycles of one step, first beat accepted in cycle 0 with beats back to back, to its last output
   * head.
   */
  public long cyclesPerStep(long s) {
    return s + overhead();
  }

  /**
   * S-independent part: accumulate latency, normalize 1, divide 27, G heads, the drain lane's
   * latency ({@link #drainStages} + 2 rounding by default).
   */
  public int overhead() {
    return accumulateLatency() + 1 + RECIPROCAL_BITS + qHeads + drainLatency() - 1;
  }

  /** Cycles from accepting a step's last pair to head 0's output. */
  public int latency() {
    return overhead() - qHeads + 1;
  }

  /** Cycles from one step's first accepted pair to the next step's, back to back: S + finish. */
  public long stepPeriod(long s) {
    return s + accumulateLatency() + RECIPROCAL_BITS + qHeads;
  }

  /**
   * Multipliers: G x D for q.k and G x D for p.v (the per-step output multipliers are not counted).
   */
  public long fmaCount() {
    return 2L * qHeads * headDim;
  }
}
