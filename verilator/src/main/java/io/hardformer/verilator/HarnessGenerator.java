package io.hardformer.verilator;

import io.hardformer.rtl.TemplateRenderer;
import java.io.StringWriter;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;

/** Renders the C++ harness of a model from {@code harness.cpp.vm}. */
final class HarnessGenerator {
  private static final Template TEMPLATE =
      TemplateRenderer.createEngine()
          .getTemplate("io/hardformer/verilator/harness.cpp.vm", "UTF-8");

  private HarnessGenerator() {}

  static String render(HarnessSpec spec) {
    VelocityContext ctx = new VelocityContext();
    ctx.put("h", spec);
    StringWriter w = new StringWriter();
    TEMPLATE.merge(ctx, w);
    return w.toString();
  }
}
