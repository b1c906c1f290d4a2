package io.hardformer.generators.floating;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hardformer.dsl.elaborate.Elaborator;
import io.hardformer.dsl.sim.IrSimulator;
import io.hardformer.generators.fp8.FloatPacker;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link StagedFixedToFloat} gives {@link FixedToFloat}'s output for the same input stream, one
 * input per cycle, {@link StagedFixedToFloat#latency} cycles later instead of 2: both simulated on
 * the elaborated IR, with edge sums (zero, ±1, the largest and most negative, every power of two,
 * round-to-even ties, runs of ones that round up into the next binade), random sums of random
 * length and the special-value flags.
 */
class StagedFixedToFloatTest {
  @ParameterizedTest(name = "sum_bits={0} unit={1} {2}")
  @CsvSource({
    "37, -18, fp32",
    "53, -18, fp32",
    "53, -18, bf16",
    "61, -18, bf16",
    "81, -32, fp32",
    "89, -32, bf16",
    "33, -18, fp32"
  })
  void sameResultsAsTheTwoStageUnit(int n, int unit, String out) {
    FloatPacker format = FloatPacker.parse(out);
    StagedFixedToFloat staged = new StagedFixedToFloat(n, unit, format);
    assertEquals(StagedFixedToFloat.latency(n), staged.stages, "stages built = latency(n)");
    IrSimulator s = new IrSimulator(Elaborator.elaborate(staged));
    IrSimulator r = new IrSimulator(Elaborator.elaborate(new FixedToFloat(n, unit, format)));
    List<BigInteger> sums = sums(n, new Random(n * 31L + unit));
    Random flags = new Random(n);
    List<BigInteger> expected = new ArrayList<>();
    List<BigInteger> got = new ArrayList<>();
    int latency = staged.stages;
    for (int t = 0; t < sums.size() + latency; t++) {
      BigInteger sum = t < sums.size() ? sums.get(t) : BigInteger.ZERO;
      int f = flags.nextInt(16);
      int nan = f == 0 ? 1 : 0;
      int pos = f == 1 || f == 3 ? 1 : 0;
      int neg = f == 2 || f == 3 ? 1 : 0;
      for (IrSimulator sim : new IrSimulator[] {s, r}) {
        sim.poke("sum", sum);
        sim.poke("nan", BigInteger.valueOf(nan));
        sim.poke("pos_inf", BigInteger.valueOf(pos));
        sim.poke("neg_inf", BigInteger.valueOf(neg));
      }
      if (t >= FixedToFloat.LATENCY && t - FixedToFloat.LATENCY < sums.size()) {
        expected.add(r.peek("out"));
      }
      if (t >= latency && t - latency < sums.size()) {
        got.add(s.peek("out"));
      }
      s.step();
      r.step();
    }
    assertEquals(sums.size(), got.size());
    for (int i = 0; i < sums.size(); i++) {
      assertEquals(
          expected.get(i), got.get(i), "sum " + sums.get(i).toString(16) + " (input " + i + ")");
    }
  }

  /** n-bit two's-complement codes: edges, every power of two and its negation, ties, random. */
  private static List<BigInteger> sums(int n, Random random) {
    BigInteger modulus = BigInteger.ONE.shiftLeft(n);
    BigInteger top = BigInteger.ONE.shiftLeft(n - 1);
    List<BigInteger> v = new ArrayList<>();
    v.add(BigInteger.ZERO);
    v.add(BigInteger.ONE);
    v.add(modulus.subtract(BigInteger.ONE)); // -1
    v.add(top.subtract(BigInteger.ONE)); // the largest
    v.add(top); // the most negative
    for (int i = 0; i < n - 1; i++) {
      BigInteger p = BigInteger.ONE.shiftLeft(i);
      v.add(p);
      v.add(p.negate().mod(modulus));
      // all ones below bit i + 1: the kept bits all ones, rounding up carries into the exponent
      BigInteger ones = p.shiftLeft(1).subtract(BigInteger.ONE);
      v.add(ones);
      v.add(ones.negate().mod(modulus));
      // ties (guard bit alone below the kept bits) and near-ties, FP32 and BF16
      for (int lead : new int[] {i + 24, i + 25, i + 8, i + 9}) {
        if (lead < n - 1) {
          BigInteger tie = BigInteger.ONE.shiftLeft(lead).add(p);
          v.add(tie);
          v.add(tie.add(BigInteger.ONE.shiftLeft(i + 1)));
          v.add(tie.negate().mod(modulus));
        }
      }
    }
    for (int i = 0; i < 600; i++) {
      int length = 1 + random.nextInt(n);
      BigInteger x = new BigInteger(length, random);
      int zeros = random.nextInt(length);
      x = x.shiftRight(zeros).shiftLeft(zeros);
      v.add(random.nextBoolean() ? x.mod(modulus) : x.negate().mod(modulus));
    }
    return v;
  }
}
