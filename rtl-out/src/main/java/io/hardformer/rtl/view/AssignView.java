package io.hardformer.rtl.view;

/** A continuous assignment {@code assign lhs = rhs;}. */
public record AssignView(String lhs, String rhs, String comment) {}
