package io.hardformer.verilator;

import java.nio.file.Path;

/** A built native simulator of one design: its executable, its port layout and its cache key. */
public record CompiledModel(Path executable, HarnessSpec spec, String key, boolean builtNow) {}
