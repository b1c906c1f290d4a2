package io.hardformer.verilator;

import io.hardformer.rtl.EmittedDesign;
import io.hardformer.verilator.tools.ExternalTool;
import io.hardformer.verilator.tools.ToolException;
import io.hardformer.verilator.tools.ToolResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiled Verilator models, content-addressed: the key hashes every build input (Verilator and C++
 * compiler versions, flags, the harness source, each Verilog file's name and bytes). A model is
 * built in a temporary folder and renamed into place while holding a file lock (across Surefire
 * forks) and a per-key monitor (across threads), so no two builders collide and no model is built
 * twice. ccache is used when installed ({@code OBJCACHE=ccache}).
 *
 * <p>Location: {@code $HARDFORMER_CACHE}, else the system property {@code hardformer.cache}, else
 * {@code $XDG_CACHE_HOME/hardformer}, else {@code ~/.cache/hardformer}. Models live in {@code
 * models/<key>/}; {@code builds.log} lists every build. Past {@link #MAX_MODELS} models the least
 * recently used are deleted. Delete the folder to clear it.
 *
 * <p>Each entry records its executable's size and SHA-256 ({@link ModelEntry}); an entry that no
 * longer matches (truncated, zeroed, overwritten, deleted) is moved aside and rebuilt, under the
 * same lock. Builds are announced on stderr with their duration; stdout is never written.
 */
public final class ModelCache {
  /**
   * Flags of every model build: reproducible X handling (0), optimized model. Large designs add C++
   * optimization overrides by {@link BuildProfile}.
   */
  public static final List<String> FLAGS =
      List.of(
          "--cc",
          "--exe",
          "--build",
          "-j",
          "2",
          "--x-assign",
          "0",
          "--x-initial",
          "0",
          "-O3",
          "-CFLAGS",
          "-O2",
          "-Wno-fatal");

  /**
   * Models kept; older ones (by last use) are evicted after a build. Override:
   * hardformer.cache.models.
   */
  public static final int MAX_MODELS = Integer.getInteger("hardformer.cache.models", 500);

  private static final String HARNESS_VERSION = "harness-v2";
  private static final Map<String, Object> MONITORS = new ConcurrentHashMap<>();
  private static final Pattern VERILOG_LOCATION =
      Pattern.compile("%(Error|Warning)[^:]*: (?:\\S*/)?([\\w.]+\\.v):(\\d+):");
  private static volatile String compilerVersion;

  private final Path root;
  private final Verilator verilator;
  private final long hierarchicalAbove;

  public ModelCache(Path root) {
    this(root, null);
  }

  /** A cache building with a given Verilator (null: this machine's, found on first use). */
  public ModelCache(Path root, Verilator verilator) {
    this(root, verilator, BuildProfile.O0_ABOVE);
  }

  private ModelCache(Path root, Verilator verilator, long hierarchicalAbove) {
    this.root = root;
    this.verilator = verilator;
    this.hierarchicalAbove = hierarchicalAbove;
  }

  /**
   * This cache, building {@link BuildProfile#BUILD_FAST} models hierarchically ({@link
   * HierarchicalBlocks}) from {@code lines} flattened Verilog lines up instead of {@link
   * BuildProfile#O0_ABOVE}: a small design then builds the way a huge one does, so a test can check
   * a hierarchical model against the flattened one in seconds. The threshold changes the build's
   * flags and inputs, so its models have keys of their own.
   */
  public ModelCache withHierarchicalAbove(long lines) {
    if (lines < 0) {
      throw new IllegalArgumentException(
          "hierarchical threshold " + lines + " lines: give 0 or more flattened Verilog lines");
    }
    return new ModelCache(root, verilator, lines);
  }

  public static ModelCache defaultCache() {
    return new ModelCache(defaultRoot());
  }

  public static Path defaultRoot() {
    String env = System.getenv("HARDFORMER_CACHE");
    if (env != null && !env.isEmpty()) {
      return Path.of(env);
    }
    String prop = System.getProperty("hardformer.cache");
    if (prop != null && !prop.isEmpty()) {
      return Path.of(prop);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isEmpty()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("hardformer");
  }

  public Path root() {
    return root;
  }

  /** The model for {@code design} built fast ({@link BuildProfile#BUILD_FAST}). */
  public CompiledModel get(EmittedDesign design, HarnessSpec spec) {
    return get(design, spec, BuildProfile.BUILD_FAST);
  }

  /**
   * True when the model for {@code design} built with {@code profile} is in the cache, so {@link
   * #get} would not build it (the testbench's {@code AUTO} backend asks this).
   */
  public boolean contains(EmittedDesign design, HarnessSpec spec, BuildProfile profile) {
    Verilator verilator = this.verilator != null ? this.verilator : Verilator.get();
    String key =
        key(
            verilator.version(),
            profile,
            flags(design, spec, profile, hierarchicalAbove),
            HarnessGenerator.render(spec),
            HierarchicalBlocks.inputs(
                design, profile.hierarchicalBlock(design, hierarchicalAbove)));
    return ModelEntry.problem(root.resolve("models").resolve(key)) == null;
  }

  /** The model for {@code design} built with {@code profile}, from the cache or built now. */
  public CompiledModel get(EmittedDesign design, HarnessSpec spec, BuildProfile profile) {
    Verilator verilator = this.verilator != null ? this.verilator : Verilator.get();
    String harness = HarnessGenerator.render(spec);
    List<String> flags = flags(design, spec, profile, hierarchicalAbove);
    Map<String, String> inputs =
        HierarchicalBlocks.inputs(design, profile.hierarchicalBlock(design, hierarchicalAbove));
    String key = key(verilator.version(), profile, flags, harness, inputs);
    Path dir = root.resolve("models").resolve(key);
    Path exe = dir.resolve(ModelEntry.EXECUTABLE);
    if (ModelEntry.problem(dir) == null) {
      touch(dir);
      return new CompiledModel(exe, spec, key, false);
    }
    Object monitor = MONITORS.computeIfAbsent(key, k -> new Object());
    synchronized (monitor) {
      try {
        Files.createDirectories(root.resolve("locks"));
        try (FileChannel ch =
                FileChannel.open(
                    root.resolve("locks").resolve(key + ".lock"),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = ch.lock()) {
          String problem = ModelEntry.problem(dir);
          if (problem == null) {
            return new CompiledModel(exe, spec, key, false);
          }
          if (Files.exists(dir)) {
            System.err.println(
                "hardformer: the cached model "
                    + dir
                    + " is damaged ("
                    + problem
                    + "); rebuilding it");
            discard(dir);
          }
          build(verilator, design, inputs, spec, harness, flags, dir);
          return new CompiledModel(exe, spec, key, true);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("model cache " + root + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * Removes a damaged entry (called holding its lock): renamed out of {@code models/} in one step,
   * so no reader sees it half deleted, then deleted.
   */
  private void discard(Path dir) throws IOException {
    Files.createDirectories(root.resolve("tmp"));
    Path aside = Files.createTempDirectory(root.resolve("tmp"), "damaged-");
    Files.move(dir, aside.resolve("entry"), StandardCopyOption.ATOMIC_MOVE);
    FileTrees.deleteQuietly(aside);
  }

  private void build(
      Verilator verilator,
      EmittedDesign design,
      Map<String, String> inputs,
      HarnessSpec spec,
      String harness,
      List<String> flags,
      Path finalDir)
      throws IOException {
    CxxToolchain.require();
    Files.createDirectories(root.resolve("tmp"));
    Path tmp = Files.createTempDirectory(root.resolve("tmp"), spec.top() + "-");
    long lines = design.verilog().values().stream().mapToLong(v -> v.lines().count()).sum();
    System.err.printf(
        Locale.ROOT,
        "hardformer: building Verilator model for %s (%,d Verilog lines%s%s, into %s) ...%n",
        design.top(),
        lines,
        inputs.containsKey(HierarchicalBlocks.CONTROL_FILE) ? ", hierarchical" : "",
        spec.trace() ? ", with tracing" : "",
        finalDir);
    long t0 = System.nanoTime();
    try {
      List<String> args = new ArrayList<>(flags);
      args.addAll(
          List.of("--top-module", design.top(), "-Mdir", "obj", "-o", ModelEntry.EXECUTABLE));
      for (Map.Entry<String, String> f : inputs.entrySet()) {
        Files.writeString(tmp.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
        args.add(f.getKey());
      }
      Files.writeString(tmp.resolve("harness.cpp"), harness, StandardCharsets.UTF_8);
      args.add("harness.cpp");
      ExternalTool ccache = ExternalTool.find("ccache", "ccache", null, "ccache");
      Map<String, String> env = ccache.available() ? Map.of("OBJCACHE", "ccache") : Map.of();
      ToolResult r = verilator.tool().run(args, tmp, env, 900);
      Path built = tmp.resolve("obj").resolve(ModelEntry.EXECUTABLE);
      if (!r.ok() || !Files.isExecutable(built)) {
        throw new ToolException(
            "building the Verilator model of "
                + design.top()
                + " failed (exit "
                + r.exitCode()
                + "), model cache "
                + root
                + ":\n"
                + annotate(r.output(), design.verilog()),
            r.command(),
            r.output());
      }
      GeneratedCxx cxx = GeneratedCxx.of(tmp.resolve("obj"), design.top());
      Files.move(built, tmp.resolve(ModelEntry.EXECUTABLE));
      FileTrees.deleteQuietly(tmp.resolve("obj"));
      ModelEntry.seal(tmp);
      Files.createDirectories(finalDir.getParent());
      Files.move(
          tmp,
          finalDir,
          StandardCopyOption.ATOMIC_MOVE); // under the entry's lock: nothing is in the way
      double seconds = (System.nanoTime() - t0) / 1e9;
      String line =
          String.format(
              Locale.ROOT,
              "built %s %s%s in %.1f s, C++ %d files %d lines %d bytes%n",
              finalDir.getFileName(),
              spec.top(),
              spec.trace() ? " (trace)" : "",
              seconds,
              cxx.files(),
              cxx.lines(),
              cxx.bytes());
      Files.writeString(
          root.resolve("builds.log"), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      System.err.printf(
          Locale.ROOT,
          "hardformer: building Verilator model for %s ... done in %.1f s%n",
          design.top(),
          seconds);
    } finally {
      FileTrees.deleteQuietly(tmp);
    }
    evictLeastRecentlyUsed();
  }

  /** Deletes the least recently used models beyond {@link #MAX_MODELS}; best effort. */
  private void evictLeastRecentlyUsed() {
    try (java.util.stream.Stream<Path> models = Files.list(root.resolve("models"))) {
      List<Path> all = new ArrayList<>(models.toList());
      if (all.size() <= MAX_MODELS) {
        return;
      }
      all.sort(java.util.Comparator.comparing(ModelCache::lastUse));
      for (Path old : all.subList(0, all.size() - MAX_MODELS)) {
        FileTrees.deleteQuietly(old);
      }
    } catch (IOException ignored) {
      // eviction is housekeeping; a full cache still works
    }
  }

  private static FileTime lastUse(Path dir) {
    try {
      return Files.getLastModifiedTime(dir);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }

  /** Adds the Java source location behind each Verilog file:line the tool output mentions. */
  static String annotate(String output, Map<String, String> verilog) {
    StringBuilder sb = new StringBuilder();
    for (String line : output.lines().toList()) {
      sb.append(line);
      Matcher m = VERILOG_LOCATION.matcher(line);
      if (m.find()) {
        String text = verilog.get(m.group(2));
        int n = Integer.parseInt(m.group(3));
        if (text != null) {
          String[] lines = text.split("\n", -1);
          if (n >= 1 && n <= lines.length) {
            Matcher j = Pattern.compile("// (\\S+\\.java:\\d+)").matcher(lines[n - 1]);
            if (j.find()) {
              sb.append("   [from ").append(j.group(1)).append(']');
            }
          }
        }
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** Every Verilator flag of {@code design}'s model build with {@code profile}. */
  static List<String> flags(EmittedDesign design, HarnessSpec spec, BuildProfile profile) {
    return flags(design, spec, profile, BuildProfile.O0_ABOVE);
  }

  /** As above, with designs above {@code hierarchicalAbove} flattened lines hierarchical. */
  static List<String> flags(
      EmittedDesign design, HarnessSpec spec, BuildProfile profile, long hierarchicalAbove) {
    List<String> flags = new ArrayList<>(FLAGS);
    flags.addAll(profile.cxxFlags(design, hierarchicalAbove));
    if (profile.hierarchicalBlock(design, hierarchicalAbove).isPresent()) {
      flags.add("--hierarchical"); // the block is named in the control file, one of the inputs
    }
    if (design.isFoldedView()) {
      // V3Reorder grows faster than linearly with the view's one large clocked block (docs/
      // BENCHMARKS.md, "A folded view emitted from the IR"); the view is in dependency order
      // already. V3Gate's dedupe walks the block's statements once per variable it writes:
      // 34 of 42 s of Verilator at 64 x 64 ("Two threads"); the view has next to nothing to merge
      flags.add("-fno-reorder");
      flags.add("-fno-dedup");
      if (design.viewBlocks() > 1 && Runtime.getRuntime().availableProcessors() > 1) {
        // a thread per block; on one core Verilator's threads would wait for each other spinning
        flags.add("--threads");
        flags.add(String.valueOf(design.viewBlocks()));
      }
    }
    if (spec.trace()) {
      flags.add("--trace-fst");
    }
    return flags;
  }

  static String key(
      String verilatorVersion,
      BuildProfile profile,
      List<String> flags,
      String harness,
      Map<String, String> files) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      update(md, HARNESS_VERSION);
      update(md, verilatorVersion);
      if (profile != BuildProfile.BUILD_FAST) {
        update(md, profile.name()); // BUILD_FAST keys stay those of the builds before profiles
      }
      update(md, compilerVersion());
      update(md, String.join(" ", flags));
      update(md, harness);
      for (Map.Entry<String, String> f : files.entrySet()) {
        update(md, f.getKey());
        update(md, f.getValue());
      }
      return HexFormat.of().formatHex(md.digest()).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void update(MessageDigest md, String s) {
    md.update(s.getBytes(StandardCharsets.UTF_8));
    md.update((byte) 0);
  }

  private static String compilerVersion() {
    String v = compilerVersion;
    if (v == null) {
      ExternalTool cxx = CxxToolchain.compiler();
      v =
          cxx.available()
              ? cxx.run(List.of("--version"), null, Map.of(), 30)
                  .output()
                  .lines()
                  .findFirst()
                  .orElse("?")
              : "no-g++";
      compilerVersion = v;
    }
    return v;
  }

  private static void touch(Path dir) {
    try {
      Files.setLastModifiedTime(dir, FileTime.fromMillis(System.currentTimeMillis()));
    } catch (IOException ignored) {
      // recency only orders eviction
    }
  }
}
