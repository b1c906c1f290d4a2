package io.hardformer.dsl.sim;

import java.math.BigInteger;

/**
 * A cycle-accurate, two-state simulator of an elaborated design with the semantics of the emitted
 * Verilog and the native harness: inputs are poked, combinational logic settles, {@link #step()} is
 * one rising clock edge, registers start at 0 and {@code rst} high loads reset values.
 */
public interface CycleSimulator {
  /** Sets an input (or the reset, {@code rst}); the value must fit the input's width. */
  void poke(String input, BigInteger value);

  /** The settled value of an output. */
  BigInteger peek(String output);

  /** One rising clock edge. */
  void step();

  /** Clock edges so far. */
  long cycle();
}
