package io.hardformer.rtl.view;

import java.util.List;

/**
 * Everything the module template lays out, with final names, ranges and declaration order.
 * Templates never compute widths or invent names.
 */
public record ModuleView(
    String name,
    List<String> header,
    List<PortView> ports,
    List<DeclarationView> declarations,
    List<AssignView> assigns,
    List<BlockView> blocks,
    List<InstanceView> instances) {
  public ModuleView {
    header = List.copyOf(header);
    ports = List.copyOf(ports);
    declarations = List.copyOf(declarations);
    assigns = List.copyOf(assigns);
    blocks = List.copyOf(blocks);
    instances = List.copyOf(instances);
  }
}
