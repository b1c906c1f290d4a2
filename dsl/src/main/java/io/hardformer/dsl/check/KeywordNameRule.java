package io.hardformer.dsl.check;

import io.hardformer.dsl.diagnostic.Severity;
import io.hardformer.dsl.ir.Instance;
import io.hardformer.dsl.ir.ModuleBody;
import io.hardformer.dsl.ir.Signal;

/**
 * KEYWORD NAME (warning): a Verilog, SystemVerilog or C++ reserved word used as a name; renamed in
 * the output.
 */
final class KeywordNameRule implements Rule {
  @Override
  public String id() {
    return "KEYWORD NAME";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.WARNING;
  }

  @Override
  public String summary() {
    return "names are not Verilog, SystemVerilog or C++ reserved words (they are renamed with a trailing '_')";
  }

  @Override
  public void check(ModuleBody body, BodyFacts facts, CheckRun run, Findings findings) {
    for (Signal s : body.allSignals()) {
      if (VerilogKeywords.isKeyword(s.name())) {
        findings.report(
            s.location(),
            "'"
                + s.name()
                + "' is a reserved word (Verilog, SystemVerilog or C++); emitted as '"
                + VerilogKeywords.escape(s.name())
                + "'",
            "choose another name to keep it as written");
      }
    }
    for (Instance i : body.instances()) {
      if (VerilogKeywords.isKeyword(i.name())) {
        findings.report(
            i.location(),
            "instance name '"
                + i.name()
                + "' is a reserved word (Verilog, SystemVerilog or C++);"
                + " emitted as '"
                + VerilogKeywords.escape(i.name())
                + "'",
            "choose another instance name");
      }
    }
  }
}
