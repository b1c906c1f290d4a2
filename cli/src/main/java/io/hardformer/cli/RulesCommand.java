package io.hardformer.cli;

import io.hardformer.dsl.check.CheckRun;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code hardformer rules}: the elaboration rules with their ids, severities and summaries. */
@Command(name = "rules", mixinStandardHelpOptions = true,
    description = "Lists the elaboration rules every design is checked against.",
    footer = {"", "Example:", "  ./hardformer rules"})
final class RulesCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    for (String line : CheckRun.describeRules()) {
      System.out.println(line);
    }
    return ExitCodes.OK;
  }
}
