package io.hardformer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's "Use it from your own project" works as written: the reactor's library jars (with their
 * sources and javadoc jars) are laid out in a fresh local repository, a tiny outside project made
 * of README's pom snippet and Java example is built against it by Maven, and the example runs and
 * writes its Verilog. Runs in the verify phase (failsafe), after the library modules are packaged;
 * third-party artifacts come from the local repository this build uses, read as a file mirror, so
 * nothing is downloaded.
 */
class LibraryUseIT {
  static final String SECTION = "## Use it from your own project";
  static final List<String> LIBRARIES =
      List.of("dsl", "jit", "rtl-out", "generators", "verilator", "testbench", "testbench-junit");

  @TempDir Path tmp;

  private static String property(String name) {
    String v = System.getProperty(name);
    assertNotNull(
        v,
        "system property "
            + name
            + " is not set; run this test with mvn verify (failsafe sets it from cli/pom.xml)");
    return v;
  }

  /** The text of README's section: from its heading to the next level-2 heading. */
  static String section(String readme) {
    int start = readme.indexOf(SECTION);
    assertTrue(start >= 0, "README.md has no section '" + SECTION + "'");
    int end = readme.indexOf("\n## ", start + SECTION.length());
    return readme.substring(start, end < 0 ? readme.length() : end);
  }

  /** The first fenced block of a language in {@code text}. */
  static String block(String text, String language) {
    Matcher m = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(text);
    assertTrue(m.find(), "no ```" + language + " block in README's '" + SECTION + "'");
    return m.group(1);
  }

  /**
   * A plugin's version in the root pom's pluginManagement, so the outside build uses what this
   * build has.
   */
  static String pluginVersion(String rootPom, String artifactId) {
    Matcher m =
        Pattern.compile(
                "<artifactId>"
                    + Pattern.quote(artifactId)
                    + "</artifactId><version>([^<]+)</version>")
            .matcher(rootPom);
    assertTrue(m.find(), "root pom.xml has no version for " + artifactId);
    return m.group(1);
  }

  @Test
  void readmeSnippetBuildsAndRunsAgainstTheInstalledArtifacts() throws Exception {
    Path root = Path.of(property("hardformer.root")).toAbsolutePath().normalize();
    String version = property("hardformer.version");
    Path userRepo = Path.of(property("hardformer.userRepository"));
    String section = section(Files.readString(root.resolve("README.md")));
    String dependencies = block(section, "xml");
    String java = block(section, "java");
    assertTrue(
        dependencies.contains("<version>" + version + "</version>"),
        "README's snippet names version " + version);

    Path repo = tmp.resolve("repo");
    String rootPom = Files.readString(root.resolve("pom.xml"));
    install(repo, "hardformer", version, root.resolve("pom.xml"), null);
    for (String m : LIBRARIES) {
      Path target = root.resolve(m).resolve("target");
      install(repo, m, version, root.resolve(m).resolve("pom.xml"), target);
    }
    try (ZipFile javadoc =
            new ZipFile(root.resolve("dsl/target/dsl-" + version + "-javadoc.jar").toFile());
        ZipFile sources =
            new ZipFile(root.resolve("dsl/target/dsl-" + version + "-sources.jar").toFile())) {
      assertNotNull(
          javadoc.getEntry("io/hardformer/dsl/Module.html"), "the javadoc jar documents Module");
      assertNotNull(
          sources.getEntry("io/hardformer/dsl/Module.java"), "the sources jar holds Module.java");
    }

    Path app = tmp.resolve("app");
    Matcher pkg = Pattern.compile("(?m)^package ([\\w.]+);").matcher(java);
    Matcher cls = Pattern.compile("(?m)^public (?:final )?class (\\w+)").matcher(java);
    assertTrue(pkg.find() && cls.find(), "README's example needs a package and a public class");
    Path source =
        app.resolve("src/main/java")
            .resolve(pkg.group(1).replace('.', '/'))
            .resolve(cls.group(1) + ".java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, java);
    Files.writeString(
        app.resolve("pom.xml"),
        """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>com.example</groupId><artifactId>app</artifactId><version>1</version>
          <properties>
            <maven.compiler.release>17</maven.compiler.release>
            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
          </properties>
          <dependencies>
          %s  </dependencies>
          <build><plugins>
            <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>%s</version></plugin>
            <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId><version>%s</version></plugin>
          </plugins></build>
        </project>
        """
            .formatted(
                dependencies,
                pluginVersion(rootPom, "maven-compiler-plugin"),
                pluginVersion(rootPom, "maven-resources-plugin")));
    // every other artifact comes from this build's own local repository, read as a remote: no
    // network
    Files.writeString(
        tmp.resolve("settings.xml"),
        """
        <settings><mirrors><mirror><id>this-build</id><mirrorOf>*</mirrorOf><url>%s</url></mirror></mirrors></settings>
        """
            .formatted(userRepo.toUri()));

    List<String> cmd =
        new ArrayList<>(
            List.of(
                maven(),
                "-B",
                "-q",
                "-ntp",
                "-s",
                tmp.resolve("settings.xml").toString(),
                "-Dmaven.repo.local=" + repo,
                "test-compile"));
    Process p = new ProcessBuilder(cmd).directory(app.toFile()).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(600, TimeUnit.SECONDS), "mvn timed out");
    assertEquals(
        0,
        p.exitValue(),
        "the outside project did not build:\n" + String.join(" ", cmd) + "\n" + log);

    Path out = tmp.resolve("verilog");
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {app.resolve("target/classes").toUri().toURL()},
            LibraryUseIT.class.getClassLoader())) {
      Method main =
          loader.loadClass(pkg.group(1) + "." + cls.group(1)).getMethod("main", String[].class);
      main.invoke(null, (Object) new String[] {out.toString()});
    }
    String verilog = Files.readString(out.resolve(cls.group(1) + ".v"));
    assertTrue(verilog.contains("module " + cls.group(1)), verilog);
    assertTrue(
        Files.readString(out.resolve("manifest.json"))
            .contains("\"top\" : \"" + cls.group(1) + "\""));
  }

  /**
   * Lays out an artifact as Maven's install would: its pom and, for a jar module, the jar, sources
   * and javadoc.
   */
  private static void install(Path repo, String artifact, String version, Path pom, Path target)
      throws IOException {
    Path dir = repo.resolve("io/hardformer").resolve(artifact).resolve(version);
    Files.createDirectories(dir);
    Files.copy(pom, dir.resolve(artifact + "-" + version + ".pom"));
    if (target == null) {
      return;
    }
    for (String suffix : new String[] {".jar", "-sources.jar", "-javadoc.jar"}) {
      Path jar = target.resolve(artifact + "-" + version + suffix);
      assertTrue(
          Files.isRegularFile(jar),
          jar + " is missing: the library modules must be packaged first (mvn verify)");
      Files.copy(jar, dir.resolve(jar.getFileName()));
    }
  }

  /** Maven of the running build ({@code maven.home}), else {@code mvn} on the PATH. */
  private static String maven() {
    String home = System.getProperty("maven.home");
    if (home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
      return Path.of(home, "bin", "mvn").toString();
    }
    return "mvn";
  }
}
