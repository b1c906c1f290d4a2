package io.hardformer.rtl.view;

import java.util.List;

/**
 * The lines of a folded simulation view (one flattened module, one loop over the instances of the
 * folded definition), laid out by {@code folded_view.vm}. Every entry arrives as final Verilog
 * text.
 *
 * @param name the top module's name
 * @param folded the folded definition's kind name
 * @param instances how many instances the loop steps
 * @param loop the loop's header
 * @param ports the port declarations, without separators
 * @param declarations the flattened design's nets
 * @param arrays the folded registers, their next values and the boundary arrays
 * @param tables the neighbour tables
 * @param tableInit the neighbour tables' constant entries
 * @param combinational the combinational logic, in dependency order at the top of the clocked block
 * @param outputLogic a copy of the logic behind the outputs, in an {@code always @*} block
 * @param sequential the other registers' next values
 * @param resets the other registers' reset values
 * @param commits the other registers' updates, after the loop
 * @param gather the boundary arrays' fills, before the loop
 * @param locals the loop body's block-local variables
 * @param clear the locals cleared before the loop (so that Verilator keeps them in C++ locals)
 * @param step the loop body
 * @param commit the folded registers' updates after the loop
 * @param handover with the loop split over two blocks, the upper block's boundary values, at the
 *     end of the first block (non-blocking)
 * @param second the upper block, whole (empty for one block)
 */
public record FoldedModuleView(
    String name,
    String folded,
    int instances,
    String loop,
    List<String> ports,
    List<String> declarations,
    List<String> arrays,
    List<String> tables,
    List<String> tableInit,
    List<String> combinational,
    List<String> outputLogic,
    List<String> sequential,
    List<String> resets,
    List<String> commits,
    List<String> gather,
    List<String> locals,
    List<String> clear,
    List<String> step,
    List<String> commit,
    List<String> handover,
    List<String> second) {}
