package io.hardformer.cli.designs;

/**
 * The FO4 delay the timing report scales to for "a modern node" unless {@code --node-fo4-ps} gives
 * one. It is a rule-of-thumb estimate, not a foundry figure: FO4 in ps is about 1/3 to 1/2 of the
 * drawn gate length in nm (Weste and Harris, CMOS VLSI Design); 5 nm-class FinFET processes have a
 * gate length of about 20 nm, so 7 to 10 ps; the slower end is used. The same rule gives 60 to 90
 * ps at 0.18 um, where the OSU library measures 99 ps. Published sources looked for (Harris, Ho,
 * Wei and Horowitz 1997, the FO4 metric; Stillmaker and Baas 2017, delay scaling 180 nm to 7 nm;
 * the ASAP7 7 nm kit) are named in docs/AREA_AND_TIMING.md "Timing"; none of their figures could be
 * read, so the default stays labelled an estimate.
 */
public final class ModernNode {
  public static final double DEFAULT_FO4_PS = 10;
  public static final String DEFAULT_SOURCE =
      "rule of thumb FO4 ps ~ 1/3-1/2 x gate length nm (Weste & Harris, CMOS VLSI "
          + "Design) at the ~20 nm gate length of a 5 nm-class FinFET node; an estimate, set --node-fo4-ps for a real one";

  private ModernNode() {}
}
