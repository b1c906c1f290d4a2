package io.hardformer.dsl.elaborate;

import io.hardformer.dsl.ir.ModuleBody;

/**
 * One distinct module of an elaborated design: its final (Verilog) name, the representative body of
 * its structure, and how many instances of it the whole design holds.
 */
public record ModuleDef(String name, ModuleBody body, long instanceCount) {}
