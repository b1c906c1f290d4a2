package io.hardformer.rtl;

import io.hardformer.rtl.view.FoldedModuleView;
import io.hardformer.rtl.view.ModuleView;
import java.util.Properties;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;

/**
 * Lays out view models with the Velocity templates under {@code io/hardformer/rtl/} on the
 * classpath. Strict mode is on (an unknown reference is an error, not silent text), whitespace
 * gobbling is {@code lines}, and recursive macros may nest deeply for deep when-chains.
 */
public final class TemplateRenderer {
  private static final VelocityEngine ENGINE = createEngine();
  private static final Template MODULE = ENGINE.getTemplate("io/hardformer/rtl/module.vm", "UTF-8");
  private static final Template FOLDED =
      ENGINE.getTemplate("io/hardformer/rtl/folded_view.vm", "UTF-8");

  private TemplateRenderer() {}

  /**
   * A Velocity engine with the project settings (classpath templates, strict mode, line gobbling).
   */
  public static VelocityEngine createEngine() {
    Properties p = new Properties();
    p.setProperty("resource.loaders", "class");
    p.setProperty(
        "resource.loader.class.class",
        "org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader");
    p.setProperty("runtime.strict_mode.enable", "true");
    p.setProperty("parser.space_gobbling", "lines");
    p.setProperty("velocimacro.max_depth", "1000");
    p.setProperty("velocimacro.arguments.strict", "true");
    VelocityEngine engine = new VelocityEngine(p);
    engine.init();
    return engine;
  }

  static String module(ModuleView view) {
    VelocityContext ctx = new VelocityContext();
    ctx.put("m", view);
    ChunkedTextWriter w = new ChunkedTextWriter();
    MODULE.merge(ctx, w);
    return w.toString();
  }

  static String folded(FoldedModuleView view) {
    VelocityContext ctx = new VelocityContext();
    ctx.put("v", view);
    ChunkedTextWriter w = new ChunkedTextWriter();
    FOLDED.merge(ctx, w);
    return w.toString();
  }
}
