package io.hardformer.dsl.ir;

/** A named instance of a child module inside its parent, with the child's own frozen body. */
public record Instance(String name, ModuleBody body, SourceLocation location) {}
