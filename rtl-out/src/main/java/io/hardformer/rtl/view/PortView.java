package io.hardformer.rtl.view;

/** One port line: {@code input wire [7:0] a}. {@code unused} wraps it in a lint pragma. */
public record PortView(String direction, String net, String range, String name, boolean unused) {}
