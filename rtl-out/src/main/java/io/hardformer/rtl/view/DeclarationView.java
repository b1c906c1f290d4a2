package io.hardformer.rtl.view;

/** One declaration: {@code reg [23:0] sum;} with an optional source comment. */
public record DeclarationView(
    String net, String range, String name, boolean unused, String comment) {}
