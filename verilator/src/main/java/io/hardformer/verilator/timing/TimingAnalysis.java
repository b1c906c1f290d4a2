package io.hardformer.verilator.timing;

import io.hardformer.rtl.EmittedDesign;
import io.hardformer.verilator.FileTrees;
import io.hardformer.verilator.ToolOutputCache;
import io.hardformer.verilator.tools.OpenSta;
import io.hardformer.verilator.tools.ToolException;
import io.hardformer.verilator.tools.ToolResult;
import io.hardformer.verilator.tools.Yosys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Static timing of a design on the OSU 0.18 um cells: Yosys ({@code synth -flatten}, {@code
 * dfflibmap} and {@code abc} against {@code osu018_stdcells.lib}) writes a mapped netlist, and
 * OpenSTA reports its worst path ({@code splitnets -ports} and {@code opt_clean -purge} first:
 * OpenSTA's Verilog reader takes no concatenations) with an ideal clock on {@code clk} (a virtual
 * clock when the design has no {@code clk} port), every other input arriving at the clock edge and
 * every output required at it, so register-to-register, input-to-register, register-to-output and
 * input-to-output paths all count. Results are cached by content under {@code <model
 * cache>/timing/} like {@code AreaSynthesis}'s.
 *
 * <p><b>Delay-oriented mapping.</b> ABC runs {@link #ABC_SCRIPT} ({@code abc -script}) instead of
 * Yosys's default liberty script: that one restructures for area ({@code dc2}, {@code &nf}) and
 * turns Yosys's Brent-Kung {@code $lcu} adders back into ripple chains, so every wide add measured
 * linearly in its width. The delay-oriented script keeps the structure ({@code strash; dch -f}),
 * maps for delay with the target ({@code map -D}), then buffers and sizes. Its area is larger than
 * an area-oriented mapping's, as a timing-driven flow's is.
 *
 * <p><b>Buffering and sizing.</b> ABC maps with a delay target of {@link #DELAY_TARGET_PS} (30 FO4
 * of this liberty, the project's stage target, given to the script's {@code {D}}) and a constraint
 * file ({@code abc -D 3000 -constr}, which Yosys reads into ABC before the script), and the script
 * runs ABC's {@code buffer; upsize; dnsize} after mapping: high-fanout nets get buffer trees and
 * gates on slow paths are sized up, as a real flow does before placement. ABC sees every flip-flop
 * Q pin as a primary input and every D pin as a primary output, so the constraint file gives each
 * input the drive of {@link #DRIVING_CELL} and each output the load of one flip-flop D pin ({@link
 * #LOAD_CELL}, capacitance read from the liberty). OpenSTA is given the same view of the design's
 * own ports: inputs driven by {@link #DRIVING_CELL} (its delay counts in the arrival), outputs
 * loaded by one {@link #LOAD_CELL} D pin. Cells of the liberty instantiated directly are black
 * boxes to ABC and are never resized or buffered (so {@link Fo4}'s chain stays a chain of INVX1).
 */
public final class TimingAnalysis {
  /** The clock period given to OpenSTA; the critical path is this minus the worst slack. */
  static final double PERIOD_NS = 100;

  /**
   * ABC's default delay target (ps): 30 FO4 at the measured 99.2 ps is 2,976 ps, rounded to 3,000
   * (30.2 FO4), the per-stage target. ABC's target covers the logic between flip-flops
   * only; a register-to-register path adds DFFPOSX1's clock-to-Q and setup (about 0.36 ns), so a
   * path that must fit 30 FO4 whole asks for about 2,600 ps ({@code hardformer timing
   * --delay-target-ps 2600}; the overloads that take {@code delayTargetPs}).
   */
  public static final int DELAY_TARGET_PS = 3000;

  /**
   * The ABC script ({@code abc -script}; Yosys turns commas into blanks and {@code {D}} into {@code
   * -D} and the target): structural hashing and choices ({@code dch -f}) without the area recovery
   * ({@code dc2}) of the default script, delay-oriented mapping to the liberty's gates, removal of
   * the gates {@code map} leaves without fanout ({@code cleanup}: ABC's {@code buffer} aborts on
   * them, "node N has no fanout", as it did on rope's {@code rope_sin_cos}), then buffering of
   * high-fanout nets and gate sizing against the target.
   */
  public static final String ABC_SCRIPT =
      "+strash;dch,-f;map,{D};cleanup;buffer;upsize,{D};dnsize,{D};stime,-p";

  /** The cell assumed to drive every input (of ABC's logic and of the design's ports). */
  public static final String DRIVING_CELL = "INVX1";

  /** The flip-flop whose D pin capacitance loads every output. */
  public static final String LOAD_CELL = "DFFPOSX1";

  private static final String CONSTR = "abc.constr";

  /**
   * The time each tool of one analysis may take (s) before it is stopped and the analysis fails
   * naming its log: Yosys (with ABC), then OpenSTA. The default tile's slowest unit took about 10
   * minutes of wall at a load average of 20 (docs/BENCHMARKS.md "Timing").
   */
  public static final long DEFAULT_TIME_LIMIT_S = 1800;

  static final String YOSYS_LOG = "yosys.log";
  static final String STA_LOG = "sta.log";
  static final String YOSYS_CMD = "yosys.cmd";
  private static final Pattern ABC_MODULE =
      Pattern.compile("Extracting gate netlist of module `\\\\?([^']+)'");
  private static final Pattern PASS = Pattern.compile("^\\d+(\\.\\d+)*\\. Executing ");

  private static final String LIB = "osu018_stdcells.lib";
  private static final String STA_MARK = "\n==== sta ====\n";
  private static final String FLOPS_MARK = "\n==== flops ====\n";
  private static final Pattern AREA =
      Pattern.compile("Chip area for (?:top )?module '\\\\?([^']+)':\\s*([0-9.]+)");
  private static final Pattern POINT =
      Pattern.compile("^(Startpoint|Endpoint): (.+?) \\((.*)\\)\\s*$");
  private static final Pattern SLACK =
      Pattern.compile("^\\s*(-?[0-9.]+)\\s+slack \\((MET|VIOLATED)\\)");
  private static final Pattern PIN_ROW = Pattern.compile("\\s[v^] (\\S+)/(\\w+) \\((\\w+)\\)\\s*$");
  private static final Pattern INSTANCE =
      Pattern.compile(
          "^\\s*(\\w+)\\s+(\\\\\\S+|[\\w$.]+)\\s*\\(([^;]*?)\\);",
          Pattern.MULTILINE | Pattern.DOTALL);
  private static final Pattern NETLIST_MODULE =
      Pattern.compile("^module\\s+(\\\\\\S+|\\w+)", Pattern.MULTILINE);
  private static final Pattern Q_PIN = Pattern.compile("\\.Q\\(([^()]*)\\)");
  private static final Pattern RISE_CAP = Pattern.compile("rise_capacitance : ([0-9.]+);");
  private static final Pattern CLK_PORT = Pattern.compile("\\binput\\s+clk\\s*;");

  private TimingAnalysis() {}

  /** The worst path of an emitted design, with the Java lines its Verilog comments give. */
  public static SynthesizedTiming analyze(EmittedDesign design) {
    return analyze(design.top(), design.verilog());
  }

  /** The worst path of an emitted design, synthesized as {@code hierarchy} says. */
  public static SynthesizedTiming analyze(EmittedDesign design, Hierarchy hierarchy) {
    return analyze(design.top(), design.verilog(), hierarchy);
  }

  /** As {@link #analyze(EmittedDesign, Hierarchy)}, each tool within {@code limitSeconds}. */
  public static SynthesizedTiming analyze(
      EmittedDesign design, Hierarchy hierarchy, long limitSeconds) {
    return analyze(design.top(), design.verilog(), hierarchy, limitSeconds);
  }

  /**
   * As {@link #analyze(EmittedDesign, Hierarchy, long)}, with ABC mapping toward {@code
   * delayTargetPs} ({@code abc -D}) instead of {@link #DELAY_TARGET_PS}: part of the script, so of
   * the cache key.
   */
  public static SynthesizedTiming analyze(
      EmittedDesign design, Hierarchy hierarchy, long limitSeconds, int delayTargetPs) {
    return analyze(design.top(), design.verilog(), hierarchy, limitSeconds, delayTargetPs);
  }

  /**
   * The folder that keeps the tools' logs of the cached result for {@code design} ({@code
   * <cache>/timing/<key>.logs/}); it exists once a run has finished. Empty when the tools or the
   * liberty are missing.
   */
  public static Optional<Path> logs(EmittedDesign design, Hierarchy hierarchy) {
    return logs(design.top(), design.verilog(), hierarchy);
  }

  /** As {@link #logs(EmittedDesign, Hierarchy)}, for a run toward {@code delayTargetPs}. */
  public static Optional<Path> logs(EmittedDesign design, Hierarchy hierarchy, int delayTargetPs) {
    return logs(design.top(), design.verilog(), hierarchy, delayTargetPs);
  }

  /** As {@link #logs(EmittedDesign, Hierarchy)}, for {@code top} in {@code verilog}. */
  public static Optional<Path> logs(String top, Map<String, String> verilog, Hierarchy hierarchy) {
    return logs(top, verilog, hierarchy, DELAY_TARGET_PS);
  }

  private static Optional<Path> logs(
      String top, Map<String, String> verilog, Hierarchy hierarchy, int delayTargetPs) {
    try {
      String yosysScript = yosysScript(top, verilog, hierarchy, delayTargetPs);
      List<byte[]> key = key(new Yosys(), new OpenSta(), top, yosysScript, readLiberty());
      return ToolOutputCache.entry("timing", key, verilog).map(TimingAnalysis::logsBeside);
    } catch (ToolException | UncheckedIOException e) {
      return Optional.empty();
    }
  }

  /**
   * The worst path of {@code top} in {@code verilog} (file name to text; cells of the liberty, such
   * as {@code INVX1}, may be instantiated directly), or the cached result of an identical earlier
   * run (the key hashes both tools' versions, the scripts, the liberty and every file).
   */
  public static SynthesizedTiming analyze(String top, Map<String, String> verilog) {
    return analyze(top, verilog, Hierarchy.FLATTEN);
  }

  /**
   * The worst path of {@code top} in {@code verilog}, flattened or with its hierarchy kept ({@link
   * Hierarchy}), each tool within {@link #DEFAULT_TIME_LIMIT_S}.
   */
  public static SynthesizedTiming analyze(
      String top, Map<String, String> verilog, Hierarchy hierarchy) {
    return analyze(top, verilog, hierarchy, DEFAULT_TIME_LIMIT_S);
  }

  /**
   * The worst path of {@code top} in {@code verilog}, each tool (Yosys with ABC, then OpenSTA)
   * within {@code limitSeconds}. A run keeps the tools' logs beside its cache entry ({@code
   * <cache>/timing/<key>.logs/}: {@code yosys.log} with ABC's output, {@code sta.log}); a run that
   * fails or exceeds the limit throws a {@link ToolException} of one line naming the folder it left
   * with the log so far (and the module and ABC step it was in).
   */
  public static SynthesizedTiming analyze(
      String top, Map<String, String> verilog, Hierarchy hierarchy, long limitSeconds) {
    return analyze(top, verilog, hierarchy, limitSeconds, DELAY_TARGET_PS);
  }

  private static SynthesizedTiming analyze(
      String top,
      Map<String, String> verilog,
      Hierarchy hierarchy,
      long limitSeconds,
      int delayTargetPs) {
    Yosys yosys = new Yosys();
    OpenSta sta = new OpenSta();
    byte[] liberty = readLiberty();
    String yosysScript = yosysScript(top, verilog, hierarchy, delayTargetPs);
    List<byte[]> key = key(yosys, sta, top, yosysScript, liberty);
    return ToolOutputCache.getWithEntry(
        "timing",
        key,
        verilog,
        entry ->
            run(
                yosys,
                sta,
                top,
                verilog,
                yosysScript,
                liberty,
                limitSeconds,
                entry.map(TimingAnalysis::logsBeside).orElse(null)),
        raw -> parse(top, raw, verilog));
  }

  /**
   * The worst path of an emitted design from a fresh run of the tools: the cache is neither read
   * nor written (nor are logs kept, except those of a failed run, which the error names). For
   * checking a recorded figure against the current tools.
   */
  public static SynthesizedTiming analyzeFresh(
      EmittedDesign design, Hierarchy hierarchy, long limitSeconds) {
    String yosysScript = yosysScript(design.top(), design.verilog(), hierarchy);
    String raw =
        run(
            new Yosys(),
            new OpenSta(),
            design.top(),
            design.verilog(),
            yosysScript,
            readLiberty(),
            limitSeconds,
            null);
    return parse(design.top(), raw, design.verilog());
  }

  /** The folder beside a cache entry ({@code <key>.txt}) that keeps its run's logs. */
  public static Path logsBeside(Path entry) {
    String name = entry.getFileName().toString();
    return entry.resolveSibling(name.substring(0, name.length() - ".txt".length()) + ".logs");
  }

  /**
   * A key of the design's content and of the flow that does not need the tools or the liberty: a
   * SHA-256 (hex, 32 digits) of the Yosys script (scripts of ABC included, and the hierarchy
   * decision), the constraint cells, the OpenSTA script's form and every Verilog file's name and
   * text. The timing cache's key adds the tools' versions and the liberty's bytes; this one names
   * the same result for a machine that has none of them yet (the main job's shipped table of
   * measured results, {@code TileClock}).
   */
  public static String contentKey(EmittedDesign design, Hierarchy hierarchy) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String part :
          List.of(
              yosysScript(design.top(), design.verilog(), hierarchy),
              "set_driving_cell " + DRIVING_CELL + "; set_load " + LOAD_CELL + " D pin",
              staScript(design.top(), true, 0),
              "target " + DELAY_TARGET_PS + " ps, period " + PERIOD_NS + " ns")) {
        md.update(ToolOutputCache.utf8(part));
        md.update((byte) 0);
      }
      for (Map.Entry<String, String> f : design.verilog().entrySet()) {
        md.update(ToolOutputCache.utf8(f.getKey()));
        md.update((byte) 0);
        md.update(ToolOutputCache.utf8(f.getValue()));
        md.update((byte) 0);
      }
      return HexFormat.of().formatHex(md.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The result of an earlier identical run from the timing cache, without running Yosys or OpenSTA;
   * empty when there is none (or the tools or the liberty are missing).
   */
  public static Optional<SynthesizedTiming> cached(EmittedDesign design, Hierarchy hierarchy) {
    return cached(design.top(), design.verilog(), hierarchy);
  }

  /** As {@link #cached(EmittedDesign, Hierarchy)}, for {@code top} in {@code verilog}. */
  public static Optional<SynthesizedTiming> cached(
      String top, Map<String, String> verilog, Hierarchy hierarchy) {
    try {
      String yosysScript = yosysScript(top, verilog, hierarchy);
      List<byte[]> key = key(new Yosys(), new OpenSta(), top, yosysScript, readLiberty());
      return ToolOutputCache.peek("timing", key, verilog, raw -> parse(top, raw, verilog));
    } catch (ToolException | UncheckedIOException e) {
      return Optional.empty();
    }
  }

  private static List<byte[]> key(
      Yosys yosys, OpenSta sta, String top, String yosysScript, byte[] liberty) {
    return List.of(
        ToolOutputCache.utf8(yosys.tool().run(List.of("-V"), null, Map.of(), 60).output()),
        ToolOutputCache.utf8(sta.tool().run(List.of("-version"), null, Map.of(), 60).output()),
        ToolOutputCache.utf8(yosysScript),
        ToolOutputCache.utf8(abcConstraints(loadPf(liberty))),
        ToolOutputCache.utf8(staScript(top, true, loadPf(liberty))),
        liberty);
  }

  /**
   * ABC's constraint file: the driving cell of every primary input and the load (in fF, as ABC
   * reads it) of every primary output.
   */
  static String abcConstraints(double loadPf) {
    return "set_driving_cell "
        + DRIVING_CELL
        + "\nset_load "
        + String.format(Locale.ROOT, "%.5f", loadPf * 1000)
        + "\n";
  }

  /** The rise capacitance of {@link #LOAD_CELL}'s D pin in the liberty (pF). */
  static double loadPf(byte[] liberty) {
    String lib = new String(liberty, StandardCharsets.UTF_8);
    int cell = lib.indexOf("cell (" + LOAD_CELL + ")");
    int pin = cell < 0 ? -1 : lib.indexOf("pin(D)", cell);
    Matcher m = RISE_CAP.matcher(lib);
    if (pin < 0 || !m.find(pin)) {
      throw new IllegalStateException("no " + LOAD_CELL + " D pin capacitance in the liberty");
    }
    return Double.parseDouble(m.group(1));
  }

  static String yosysScript(String top, Map<String, String> verilog, Hierarchy hierarchy) {
    return yosysScript(top, verilog, hierarchy, DELAY_TARGET_PS);
  }

  static String yosysScript(
      String top, Map<String, String> verilog, Hierarchy hierarchy, int delayTargetPs) {
    return "read_liberty -lib "
        + LIB
        + "; read_verilog "
        + String.join(" ", verilog.keySet())
        + (hierarchy == Hierarchy.FLATTEN ? "; synth -flatten -top " : "; synth -top ")
        + top
        + "; dfflibmap -liberty "
        + LIB
        + "; abc -D "
        + delayTargetPs
        + " -constr "
        + CONSTR
        + " -liberty "
        + LIB
        + " -script "
        + ABC_SCRIPT
        + (hierarchy == Hierarchy.KEEP_WHOLE_PORTS
            ? "; opt_clean -purge; splitnets; opt_clean -purge; write_verilog -noattr "
            : "; opt_clean -purge; splitnets -ports; opt_clean -purge; write_verilog -noattr ")
        + "netlist.v; tee -o stat.txt stat -liberty "
        + LIB;
  }

  static String staScript(String top, boolean hasClk, double loadPf) {
    String inputs = hasClk ? "[delete_from_list [all_inputs] [get_ports clk]]" : "[all_inputs]";
    String clock =
        "create_clock -name clk -period "
            + PERIOD_NS
            + (hasClk ? " [get_ports clk]\n" : "\n")
            + "set_input_delay 0 -clock clk "
            + inputs
            + "\nset_driving_cell -lib_cell "
            + DRIVING_CELL
            + " "
            + inputs
            + "\nset_load "
            + String.format(Locale.ROOT, "%.8f", loadPf)
            + " [all_outputs]\n";
    return "read_liberty "
        + LIB
        + "\nread_verilog netlist.v\nlink_design "
        + top
        + "\n"
        + clock
        + "set_output_delay 0 -clock clk [all_outputs]\n"
        + "report_checks -path_delay max -format full_clock_expanded -digits 4\n";
  }

  static byte[] readLiberty() {
    try {
      return Files.readAllBytes(Osu018.liberty());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String run(
      Yosys yosys,
      OpenSta sta,
      String top,
      Map<String, String> verilog,
      String script,
      byte[] liberty,
      long limitSeconds,
      Path keepLogs) {
    Path dir = null;
    boolean keepDir = false;
    try {
      dir = Files.createTempDirectory("hardformer-timing-");
      for (Map.Entry<String, String> f : verilog.entrySet()) {
        Files.writeString(dir.resolve(f.getKey()), f.getValue());
      }
      Files.write(dir.resolve(LIB), liberty);
      double loadPf = loadPf(liberty);
      Files.writeString(dir.resolve(CONSTR), abcConstraints(loadPf));
      Files.writeString(
          dir.resolve(YOSYS_CMD), "yosys -q -l " + YOSYS_LOG + " -p '" + script + "'\n");
      ToolResult y;
      try {
        y = yosys.scriptLogged(dir, script, YOSYS_LOG, limitSeconds);
      } catch (ToolException e) {
        keepDir = true;
        throw failure(
            top, "Yosys (synthesis and ABC mapping)", e, dir.resolve(YOSYS_LOG), limitSeconds);
      }
      if (!y.ok()) {
        keepDir = true;
        throw failure(top, "Yosys", y, dir.resolve(YOSYS_LOG));
      }
      String netlist = Files.readString(dir.resolve("netlist.v"));
      Files.writeString(
          dir.resolve("timing.tcl"), staScript(top, CLK_PORT.matcher(netlist).find(), loadPf));
      ToolResult r;
      try {
        r = sta.run(dir, "timing.tcl", limitSeconds);
      } catch (ToolException e) {
        keepDir = true;
        Files.writeString(dir.resolve(STA_LOG), e.output());
        throw failure(top, "OpenSTA", e, dir.resolve(STA_LOG), limitSeconds);
      }
      Files.writeString(dir.resolve(STA_LOG), r.output());
      if (!r.ok() || r.output().lines().anyMatch(l -> l.startsWith("Error:"))) {
        keepDir = true;
        throw failure(top, "OpenSTA", r, dir.resolve(STA_LOG));
      }
      String raw =
          Files.readString(dir.resolve("stat.txt"))
              + STA_MARK
              + r.output()
              + FLOPS_MARK
              + flops(top, netlist);
      if (keepLogs != null) {
        keepLogs(dir, keepLogs);
      }
      return raw;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (!keepDir) {
        FileTrees.deleteQuietly(dir);
      }
    }
  }

  /** Copies the run's logs and scripts into {@code logs} (replacing an earlier run's). */
  private static void keepLogs(Path dir, Path logs) {
    try {
      Files.createDirectories(logs);
      for (String f : List.of(YOSYS_LOG, STA_LOG, YOSYS_CMD, CONSTR, "timing.tcl")) {
        if (Files.isRegularFile(dir.resolve(f))) {
          Files.copy(dir.resolve(f), logs.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      // the result stands without its logs
    }
  }

  /** A tool that exceeded the limit (or could not run): one line naming the log it left. */
  private static ToolException failure(
      String top, String what, ToolException e, Path log, long limitSeconds) {
    boolean timedOut = e.getMessage().contains("did not finish");
    String where = timedOut ? whereItStopped(log) : "";
    return new ToolException(
        "timing "
            + top
            + ": "
            + (timedOut
                ? what
                    + " did not finish within "
                    + limitSeconds
                    + " s, the time limit (--time-limit SECONDS sets another)"
                    + where
                : e.getMessage().lines().findFirst().orElse(what + " could not run"))
            + "; its log so far: "
            + log,
        e.command(),
        e.output());
  }

  /** A tool that exited with an error: its first error line, and the log. */
  private static ToolException failure(String top, String what, ToolResult r, Path log) {
    String error =
        r.output()
            .lines()
            .filter(l -> l.startsWith("ERROR") || l.startsWith("Error"))
            .findFirst()
            .orElse("exit " + r.exitCode());
    return new ToolException(
        "timing " + top + ": " + what + " failed: " + error.strip() + "; its log: " + log,
        r.command(),
        r.output());
  }

  /**
   * Where a Yosys run stopped, from its log: the module ABC was mapping and ABC's last command
   * ({@code ABC: + map -D 3000}), or empty when the log names neither.
   */
  static String whereItStopped(Path log) {
    List<String> lines;
    try {
      lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    } catch (IOException | UncheckedIOException e) {
      return "";
    }
    String module = null;
    String step = null;
    String pass = null;
    for (String l : lines) {
      Matcher m = ABC_MODULE.matcher(l);
      if (m.find()) {
        module = m.group(1);
        step = null;
      } else if (l.startsWith("ABC: + ")) {
        step = l.substring("ABC: + ".length()).strip();
      } else if (PASS.matcher(l).find()) {
        pass = l.strip();
      }
    }
    if (module != null) {
      return " (in ABC, mapping module "
          + module
          + (step == null ? "" : ", at '" + step + "'")
          + ")";
    }
    return pass == null ? "" : " (at '" + pass + "')";
  }

  /**
   * One line per flip-flop instance of the mapped netlist: its name and the net on its Q pin; in a
   * module other than {@code top} (hierarchy kept), the module's name first.
   */
  static String flops(String top, String netlist) {
    StringBuilder b = new StringBuilder();
    Matcher mod = NETLIST_MODULE.matcher(netlist);
    List<int[]> spans = new ArrayList<>();
    List<String> names = new ArrayList<>();
    while (mod.find()) {
      spans.add(new int[] {mod.start()});
      names.add(unescape(mod.group(1).trim()));
    }
    for (int i = 0; i < names.size(); i++) {
      int end = i + 1 < names.size() ? spans.get(i + 1)[0] : netlist.length();
      String prefix = names.get(i).equals(top) ? "" : names.get(i) + '\t';
      Matcher m = INSTANCE.matcher(netlist.substring(spans.get(i)[0], end));
      while (m.find()) {
        Matcher q = Q_PIN.matcher(m.group(3));
        if (q.find()) {
          b.append(prefix)
              .append(m.group(2).trim())
              .append('\t')
              .append(q.group(1).trim())
              .append('\n');
        }
      }
    }
    return b.toString();
  }

  static SynthesizedTiming parse(String top, String raw, Map<String, String> verilog) {
    int s = raw.indexOf(STA_MARK);
    int f = raw.indexOf(FLOPS_MARK);
    if (s < 0 || f < s) {
      throw new IllegalStateException("malformed timing result of " + top);
    }
    String stat = raw.substring(0, s);
    String report = raw.substring(s + STA_MARK.length(), f);
    Map<String, String> qNet = new LinkedHashMap<>();
    for (String line : raw.substring(f + FLOPS_MARK.length()).lines().toList()) {
      int tab = line.lastIndexOf('\t');
      if (tab > 0) {
        qNet.put(line.substring(0, tab), line.substring(tab + 1));
      }
    }
    Double area = null;
    Matcher a = AREA.matcher(stat);
    while (a.find()) {
      if (area == null || a.group().contains("top module")) {
        area = Double.parseDouble(a.group(2)); // with hierarchy kept, the whole design's
      }
    }
    if (area == null) {
      throw new IllegalStateException(
          "no 'Chip area' in Yosys statistics of " + top + ":\n" + stat);
    }
    String start = null;
    String end = null;
    Double slack = null;
    List<String> cells = new ArrayList<>();
    boolean arrival = false;
    for (String line : joinWrappedPoints(report.lines().toList())) {
      Matcher p = POINT.matcher(line);
      if (p.find()) {
        String name = signal(top, verilog, p.group(2), p.group(3), qNet);
        if (p.group(1).equals("Startpoint")) {
          start = name;
          arrival = true;
        } else {
          end = name;
        }
        continue;
      }
      if (line.contains("data arrival time")) {
        arrival = false;
      }
      Matcher row = PIN_ROW.matcher(line);
      if (arrival && row.find() && !row.group(3).equals("in") && !row.group(3).equals("out")) {
        String cell = row.group(3) + " " + unescape(row.group(1));
        if (cells.isEmpty() || !cells.get(cells.size() - 1).equals(cell)) {
          cells.add(cell);
        }
      }
      Matcher sl = SLACK.matcher(line);
      if (sl.find() && slack == null) {
        slack = Double.parseDouble(sl.group(1));
      }
    }
    if (start == null || end == null || slack == null) {
      throw new IllegalStateException(
          "OpenSTA found no constrained path in " + top + ":\n" + report);
    }
    double ns = Math.round((PERIOD_NS - slack) * 1e4) / 1e4;
    List<String> lines = new ArrayList<>();
    for (String point : List.of(start, end)) {
      for (String l : SourceLines.driving(top, verilog, point)) {
        if (!lines.contains(l)) {
          lines.add(l);
        }
      }
    }
    return new SynthesizedTiming(top, ns, start, end, cells, lines, area);
  }

  /**
   * The report's lines with a {@code Startpoint:} or {@code Endpoint:} line that OpenSTA wrapped (a
   * long name, its kind in parentheses on the next line) joined back into one.
   */
  static List<String> joinWrappedPoints(List<String> lines) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if ((l.startsWith("Startpoint: ") || l.startsWith("Endpoint: "))
          && !l.stripTrailing().endsWith(")")
          && i + 1 < lines.size()
          && lines.get(i + 1).strip().startsWith("(")) {
        out.add(l.stripTrailing() + " " + lines.get(i + 1).strip());
        i++;
      } else {
        out.add(l);
      }
    }
    return out;
  }

  /**
   * A start or end point as a Verilog name: a port as it is, a flip-flop by the register on its Q
   * pin. With hierarchy kept, OpenSTA names a flip-flop by its instance path ({@code a/b/leaf});
   * the Q net is looked up in the module of {@code a.b} and named {@code a.b.net}.
   */
  private static String signal(
      String top, Map<String, String> verilog, String name, String kind, Map<String, String> qNet) {
    String n = unescape(name);
    if (kind.contains("flip-flop") || kind.contains("latch")) {
      int slash = name.lastIndexOf('/');
      String path = slash < 0 ? "" : unescape(name.substring(0, slash)).replace('/', '.');
      String leaf = slash < 0 ? name : name.substring(slash + 1);
      String module = path.isEmpty() ? null : SourceLines.moduleAt(top, verilog, path);
      String key = module == null ? "" : module + '\t';
      String q = qNet.get(key + leaf);
      if (q == null) {
        q = qNet.get(key + "\\" + unescape(leaf));
      }
      if (q != null) {
        String net = (path.isEmpty() ? "" : path + ".") + unescape(q);
        return SourceLines.register(top, verilog, SourceLines.verilogName(net));
      }
    }
    return SourceLines.verilogName(n.replace('/', '.'));
  }

  private static String unescape(String name) {
    String n = name.startsWith("\\") ? name.substring(1) : name;
    return n.replace("\\", "").replaceAll("\\s+\\[", "[");
  }
}
