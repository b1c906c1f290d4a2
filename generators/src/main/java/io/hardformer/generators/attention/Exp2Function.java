package io.hardformer.generators.attention;

import io.hardformer.dsl.UInt;

/**
 * The ports of a head's exp2 step, p = 2^-t: {@link Exp2Unit} (combinational) or {@link
 * StagedExp2Unit} ({@code --pipeline deep}).
 */
interface Exp2Function {
  UInt t();

  UInt p();
}
