package io.hardformer.dsl.elaborate;

import io.hardformer.dsl.Module;
import io.hardformer.dsl.check.CheckRun;
import io.hardformer.dsl.check.VerilogKeywords;
import io.hardformer.dsl.diagnostic.Diagnostic;
import io.hardformer.dsl.ir.Instance;
import io.hardformer.dsl.ir.ModuleBody;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a constructed top module into a checked {@link Design}. The passes, in order:
 *
 * <ol>
 *   <li>freeze: the module tree becomes immutable IR bodies;
 *   <li>structures (reads): bodies with identical structure are grouped, bottom-up, in first-seen
 *       order;
 *   <li>naming (reads): each distinct structure gets a deterministic Verilog module name;
 *   <li>checks (reads): every rule runs on one body of each structure; all findings are collected
 *       and elaboration stops here if any is an error.
 * </ol>
 *
 * Linear in the number of instances plus the size of the distinct bodies.
 */
public final class Elaborator {
  private final ElaborationOptions options;
  private final IdentityHashMap<ModuleBody, Integer> structureOf = new IdentityHashMap<>();

  /**
   * The distinct structures by a cheap outline (kind, parameters, sizes, children): a body whose
   * outline is new is a new structure without building its key; keys are built, once each, only for
   * bodies that share an outline (the cells of an array), not for one-off large bodies.
   */
  private final Map<Outline, List<Candidate>> structuresByOutline = new HashMap<>();

  private final StructureKey keys = new StructureKey();
  private final List<ModuleBody> representatives = new ArrayList<>();
  private final List<Long> counts = new ArrayList<>();

  private Elaborator(ElaborationOptions options) {
    this.options = options;
  }

  public static Design elaborate(Module top) {
    return elaborate(top, ElaborationOptions.defaults());
  }

  public static Design elaborate(Module top, ElaborationOptions options) {
    return new Elaborator(options).run(top.freeze());
  }

  private Design run(ModuleBody top) {
    structure(top, true);
    countInstances(top);
    List<String> names = nameStructures();
    IdentityHashMap<ModuleBody, ModuleDef> byBody = new IdentityHashMap<>();
    List<ModuleDef> defs = new ArrayList<>();
    for (int i = 0; i < representatives.size(); i++) {
      defs.add(new ModuleDef(names.get(i), representatives.get(i), counts.get(i)));
    }
    for (Map.Entry<ModuleBody, Integer> e : structureOf.entrySet()) {
      byBody.put(e.getKey(), defs.get(e.getValue()));
    }
    CheckRun checks =
        new CheckRun(b -> representatives.get(structureOf.get(b)), options.overrides());
    for (ModuleBody rep : representatives) {
      checks.check(rep);
    }
    List<Diagnostic> diagnostics = checks.diagnostics();
    if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
      throw new ElaborationException(top.kindName(), diagnostics);
    }
    return new Design(defs, byBody, diagnostics);
  }

  /**
   * Post-order: children get their structure ids before their parent's key is built. The top is
   * nobody's child, so it is a structure of its own without a key (for a flat array its key would
   * be as long as all its cells' keys together).
   */
  private int structure(ModuleBody body, boolean top) {
    Integer known = structureOf.get(body);
    if (known != null) {
      return known;
    }
    List<Integer> childIds = new ArrayList<>(body.instances().size());
    for (Instance i : body.instances()) {
      childIds.add(structure(i.body(), false));
    }
    Integer id = null;
    List<Candidate> sameOutline = null;
    if (!top) {
      sameOutline =
          structuresByOutline.computeIfAbsent(
              new Outline(
                  body.kindName(),
                  body.parameters(),
                  body.ports().size(),
                  body.signals().size(),
                  body.statements().size(),
                  childIds),
              o -> new ArrayList<>(1));
      if (!sameOutline.isEmpty()) {
        for (Candidate c : sameOutline) { // the first comparison builds the kept keys
          if (c.key == null) {
            keys.write(c.body, c.childIds);
            c.key = keys.copy();
          }
        }
        keys.write(body, childIds);
        for (Candidate c : sameOutline) {
          if (keys.matches(c.key)) {
            id = c.id;
            break;
          }
        }
      }
    }
    if (id == null) {
      id = representatives.size();
      if (!top) {
        Candidate c = new Candidate(body, childIds, id);
        if (!sameOutline.isEmpty()) { // the buffer holds this body's key
          c.key = keys.copy();
        }
        sameOutline.add(c);
      }
      representatives.add(body);
      counts.add(0L);
    }
    structureOf.put(body, id);
    return id;
  }

  /** What two bodies of one structure must share; cheap to compare, not a proof of equality. */
  private record Outline(
      String kind,
      Map<String, String> parameters,
      int ports,
      int signals,
      int statements,
      List<Integer> childIds) {}

  /** A distinct structure: its first body and, once another body shares its outline, its key. */
  private static final class Candidate {
    final ModuleBody body;
    final List<Integer> childIds;
    final int id;
    String key;

    Candidate(ModuleBody body, List<Integer> childIds, int id) {
      this.body = body;
      this.childIds = childIds;
      this.id = id;
    }
  }

  private void countInstances(ModuleBody top) {
    // multiplicities flow top-down over distinct structures (parents come after children in the
    // list)
    long[] mult = new long[representatives.size()];
    mult[structureOf.get(top)] = 1;
    for (int s = representatives.size() - 1; s >= 0; s--) {
      for (Instance i : representatives.get(s).instances()) {
        mult[structureOf.get(i.body())] += mult[s];
      }
    }
    for (int s = 0; s < mult.length; s++) {
      counts.set(s, mult[s]);
    }
  }

  private List<String> nameStructures() {
    Map<String, List<Integer>> byKind = new LinkedHashMap<>();
    for (int i = 0; i < representatives.size(); i++) {
      byKind
          .computeIfAbsent(sanitize(representatives.get(i).kindName()), k -> new ArrayList<>())
          .add(i);
    }
    String[] names = new String[representatives.size()];
    Set<String> used = new HashSet<>();
    for (Map.Entry<String, List<Integer>> e : byKind.entrySet()) {
      List<Integer> ids = e.getValue();
      if (ids.size() == 1) {
        names[ids.get(0)] = e.getKey();
        continue;
      }
      List<String> byParams =
          ids.stream()
              .map(i -> e.getKey() + paramSuffix(representatives.get(i).parameters()))
              .collect(Collectors.toList());
      boolean distinct =
          byParams.stream().distinct().count() == ids.size()
              && byParams.stream().noneMatch(n -> n.equals(e.getKey()));
      for (int k = 0; k < ids.size(); k++) {
        names[ids.get(k)] = distinct ? byParams.get(k) : e.getKey() + "_v" + k;
      }
    }
    List<String> out = new ArrayList<>();
    for (String n : names) {
      String name = VerilogKeywords.isKeyword(n) ? VerilogKeywords.escape(n) : n;
      while (!used.add(name)) {
        name = name + "_";
      }
      out.add(name);
    }
    return out;
  }

  private static String paramSuffix(Map<String, String> params) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> p : params.entrySet()) {
      sb.append('_').append(p.getKey()).append(p.getValue());
    }
    return sanitize(sb.toString());
  }

  static String sanitize(String s) {
    String t = s.replaceAll("[^A-Za-z0-9_]", "_");
    return t.isEmpty() || Character.isDigit(t.charAt(0)) ? "m_" + t : t;
  }
}
