package io.hardformer.rtl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.hardformer.dsl.analysis.DesignStats;
import io.hardformer.dsl.diagnostic.Diagnostic;
import io.hardformer.dsl.elaborate.Design;
import io.hardformer.dsl.elaborate.ModuleDef;
import io.hardformer.dsl.ir.Timing;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code manifest.json}: what external tools and testbenches need to know about a design.
 */
final class ManifestWriter {
  private static final ObjectWriter WRITER =
      new ObjectMapper()
          .writer(
              new DefaultPrettyPrinter()
                  .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                  .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private ManifestWriter() {}

  static String write(
      Design design, String top, List<PortInfo> ports, List<String> files, EmitOptions options) {
    return write(design.modules(), design.warnings(), ports, files, top + ".f", options);
  }

  /**
   * The manifest of {@code modules} (children first, the top last, each with its instance count
   * under that top): the whole design, or one part of it ({@link EmittedPart}).
   */
  static String write(
      List<ModuleDef> modules,
      List<Diagnostic> designWarnings,
      List<PortInfo> ports,
      List<String> files,
      String filelist,
      EmitOptions options) {
    ModuleDef root = modules.get(modules.size() - 1);
    String top = root.name();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("top", top);
    m.put("generator", options.generator());
    m.put("parameters", options.parameters());
    Timing t = root.body().timing();
    if (t != null) {
      m.put("latency", t.latency());
      m.put("initiationInterval", t.initiationInterval());
    }
    boolean clocked = ports.stream().anyMatch(p -> p.name().equals("clk"));
    if (clocked) {
      Map<String, Object> clock =
          new LinkedHashMap<>(); // Map.of would order its keys differently per JVM
      clock.put("name", "clk");
      clock.put("edge", "posedge");
      m.put("clock", clock);
      Map<String, Object> reset = new LinkedHashMap<>();
      reset.put("name", "rst");
      reset.put("kind", "synchronous");
      reset.put("activeHigh", true);
      m.put("reset", reset);
    }
    List<Map<String, Object>> portList = new ArrayList<>();
    for (PortInfo p : ports) {
      Map<String, Object> pm = new LinkedHashMap<>();
      pm.put("name", p.name());
      pm.put("direction", p.direction());
      pm.put("width", p.width());
      portList.add(pm);
    }
    m.put("ports", portList);
    m.put("files", files);
    m.put("filelist", filelist);
    List<Map<String, Object>> moduleList = new ArrayList<>();
    for (ModuleDef d : modules) {
      Map<String, Object> dm = new LinkedHashMap<>();
      dm.put("name", d.name());
      dm.put("kind", d.body().kindName());
      dm.put("instances", d.instanceCount());
      moduleList.add(dm);
    }
    m.put("modules", moduleList);
    DesignStats stats = DesignStats.of(modules);
    Map<String, Object> sm = new LinkedHashMap<>();
    sm.put("instancesByKind", stats.instancesByKind());
    sm.put("registerBits", stats.registerBits());
    sm.put("addersByWidth", stats.addersByWidth());
    sm.put("multipliersByWidth", stats.multipliersByWidth());
    m.put("stats", sm);
    m.putAll(options.manifestExtras());
    List<String> warnings = new ArrayList<>();
    for (Diagnostic d : designWarnings) {
      warnings.add(d.render());
    }
    m.put("warnings", warnings);
    try {
      return WRITER.writeValueAsString(m) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("manifest serialization failed", e);
    }
  }
}
