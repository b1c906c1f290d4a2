package io.hardformer.rtl;

import io.hardformer.dsl.check.VerilogKeywords;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Legal, unique Verilog names within one module scope, keyed by IR object. Keywords get a trailing
 * '_'; clashes get {@code _1}, {@code _2}, ... in allocation order, so the result is deterministic.
 */
final class NameAllocator {
  private final Set<String> used;
  private final Map<Object, String> names = new IdentityHashMap<>();
  private final String prefix;

  NameAllocator() {
    this(new HashSet<>(), "");
  }

  /**
   * An allocator whose names start with {@code prefix} and are unique among every allocator sharing
   * {@code used}: one per instance of a flattened design ({@link FoldedViewBuilder}), where the
   * same IR object needs a different name in each instance.
   */
  NameAllocator(Set<String> used, String prefix) {
    this.used = used;
    this.prefix = prefix.replaceAll("[^A-Za-z0-9_]", "_");
  }

  /** The name for {@code owner}, allocated from {@code wanted} on first request. */
  String name(Object owner, String wanted) {
    String known = names.get(owner);
    if (known != null) {
      return known;
    }
    String base =
        prefix.isEmpty()
            ? (VerilogKeywords.isKeyword(wanted) ? VerilogKeywords.escape(wanted) : wanted)
            : prefix + wanted.replaceAll("[^A-Za-z0-9_]", "_"); // a temp named after arr[j]
    String candidate = base;
    for (int n = 1; !used.add(candidate); n++) {
      candidate = base + "_" + n;
    }
    names.put(owner, candidate);
    return candidate;
  }

  /** Reserves a fixed name (clk, rst) that nothing else may take. */
  void reserve(String name) {
    used.add(name);
  }

  String lookup(Object owner) {
    return names.get(owner);
  }
}
