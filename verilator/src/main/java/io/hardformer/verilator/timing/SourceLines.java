package io.hardformer.verilator.timing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a signal of a flattened netlist ({@code inst.sub.name[3]}) back to the emitted Verilog: the
 * module it lives in (following instance names from the top) and the {@code // File.java:line}
 * comments the emitter put on the statements that drive it (its declaration's when no driving
 * statement carries one).
 */
public final class SourceLines {
  private static final Pattern MODULE = Pattern.compile("^module\\s+(\\w+)", Pattern.MULTILINE);
  private static final Pattern INSTANCE =
      Pattern.compile("^\\s*(\\w+)\\s+(\\w+)\\s*\\(\\s*(?://.*)?$", Pattern.MULTILINE);
  private static final Pattern JAVA = Pattern.compile("//\\s*(\\S+\\.java:\\d+)");

  private SourceLines() {}

  /**
   * A netlist name as the Verilog writes it: Yosys's {@code $}-suffixes (from {@code $}-named
   * internal nets) removed, escapes and spaces before a bit index dropped.
   */
  public static String verilogName(String netlistName) {
    String n = netlistName.startsWith("\\") ? netlistName.substring(1) : netlistName;
    n = n.replaceAll("\\s+\\[", "[");
    int dollar = n.indexOf('$');
    if (dollar > 0) {
      int bit = n.indexOf('[', dollar);
      n = n.substring(0, dollar) + (bit > 0 ? n.substring(bit) : "");
    }
    return n;
  }

  /**
   * The register behind a flip-flop's output net: synthesis may name a register after a port or
   * wire it feeds ({@code assign p = pr;}, or a child instance's output {@code .y(w)}), so plain
   * aliases and instance outputs are followed back to the register.
   */
  public static String register(String top, Map<String, String> verilog, String signal) {
    Map<String, String> modules = modules(verilog);
    String name = signal;
    for (int hop = 0; hop < 8; hop++) {
      String bit = name.matches(".*\\[[^\\]]*\\]$") ? name.substring(name.lastIndexOf('[')) : "";
      String bare = name.substring(0, name.length() - bit.length());
      int dot = bare.lastIndexOf('.');
      String text = modules.get(moduleOf(modules, top, bare));
      if (text == null) {
        return name;
      }
      String leaf = bare.substring(dot + 1);
      String prefix = bare.substring(0, dot + 1);
      Matcher m =
          Pattern.compile(
                  "^\\s*assign\\s+" + Pattern.quote(leaf) + "\\s*=\\s*(\\w+)\\s*;",
                  Pattern.MULTILINE)
              .matcher(text);
      if (m.find()) {
        name = prefix + m.group(1) + bit;
        continue;
      }
      String output = childOutput(modules, text, leaf);
      if (output == null) {
        return name;
      }
      name = prefix + output + bit;
    }
    return name;
  }

  /**
   * {@code inst.port} when {@code wire} is connected to output {@code port} of instance {@code
   * inst}, else null.
   */
  private static String childOutput(Map<String, String> modules, String text, String wire) {
    Matcher inst = INSTANCE.matcher(text);
    while (inst.find()) {
      String child = modules.get(inst.group(1));
      int end = text.indexOf(");", inst.end());
      if (child == null || end < 0) {
        continue;
      }
      Matcher c =
          Pattern.compile("\\.(\\w+)\\(\\s*" + Pattern.quote(wire) + "\\s*\\)")
              .matcher(text.substring(inst.end(), end));
      if (c.find()
          && Pattern.compile("\\boutput\\b[^;,)]*\\b" + Pattern.quote(c.group(1)) + "\\b")
              .matcher(child)
              .find()) {
        return inst.group(2) + "." + c.group(1);
      }
    }
    return null;
  }

  /**
   * The Java lines of the statements driving {@code signal} (a flattened name) in the design {@code
   * top}.
   */
  public static List<String> driving(String top, Map<String, String> verilog, String signal) {
    Map<String, String> modules = modules(verilog);
    String bare = signal.replaceAll("\\[[^\\]]*\\]$", "");
    String[] path = bare.split("\\.", -1);
    String text = modules.get(moduleOf(modules, top, bare));
    if (text == null) {
      return List.of();
    }
    String leaf = Pattern.quote(path[path.length - 1]);
    List<String> drivers =
        matches(
            text,
            Pattern.compile(
                "^\\s*(?:assign\\s+)?" + leaf + "(?:\\s*\\[[^\\]]*\\])?\\s*<?=[^=].*$",
                Pattern.MULTILINE));
    if (!drivers.isEmpty()) {
      return drivers;
    }
    return matches(
        text,
        Pattern.compile(
            "^\\s*(?:input|output|reg|wire)\\b[^;]*\\b" + leaf + "\\s*;.*$", Pattern.MULTILINE));
  }

  /**
   * The module that the instance path {@code inst.sub} (instance names from the top) is an instance
   * of, or null when the emitted Verilog has no such instance.
   */
  public static String moduleAt(String top, Map<String, String> verilog, String instancePath) {
    return moduleOf(modules(verilog), top, instancePath + ".signal");
  }

  /**
   * The module a flattened name ({@code inst.sub.name}, no bit index) lives in, following instances
   * from the top.
   */
  private static String moduleOf(Map<String, String> modules, String top, String bare) {
    String[] path = bare.split("\\.", -1);
    String module = top;
    for (int i = 0; i < path.length - 1 && module != null; i++) {
      module = child(modules, module, path[i]);
    }
    return module;
  }

  private static Map<String, String> modules(Map<String, String> verilog) {
    Map<String, String> modules = new LinkedHashMap<>();
    for (String text : verilog.values()) {
      Matcher m = MODULE.matcher(text);
      List<int[]> starts = new ArrayList<>();
      List<String> names = new ArrayList<>();
      while (m.find()) {
        starts.add(new int[] {m.start()});
        names.add(m.group(1));
      }
      for (int i = 0; i < names.size(); i++) {
        int end = i + 1 < names.size() ? starts.get(i + 1)[0] : text.length();
        modules.put(names.get(i), text.substring(starts.get(i)[0], end));
      }
    }
    return modules;
  }

  private static String child(Map<String, String> modules, String module, String instance) {
    String text = modules.get(module);
    if (text == null) {
      return null;
    }
    Matcher m = INSTANCE.matcher(text);
    while (m.find()) {
      if (m.group(2).equals(instance) && modules.containsKey(m.group(1))) {
        return m.group(1);
      }
    }
    return null;
  }

  private static List<String> matches(String text, Pattern line) {
    List<String> out = new ArrayList<>();
    Matcher m = line.matcher(text);
    while (m.find()) {
      Matcher j = JAVA.matcher(m.group());
      if (j.find() && !out.contains(j.group(1))) {
        out.add(j.group(1));
      }
    }
    return out;
  }
}
