package io.hardformer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hardformer.dsl.check.CheckRun;
import io.hardformer.dsl.check.Rule;
import io.hardformer.dsl.check.Rules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hardformer rules}: the elaboration rules with their ids, severities and summaries. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = "Lists the elaboration rules every design is checked against.",
    footer = {"", "Examples:", "  ./hardformer rules", "  ./hardformer rules --json"})
final class RulesCommand implements Callable<Integer> {
  @Option(names = "--json", description = "Print the rules as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (json) {
      List<Map<String, Object>> rules = new ArrayList<>();
      for (Rule r : Rules.builtIn()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("severity", String.valueOf(r.defaultSeverity()));
        m.put("summary", r.summary());
        rules.add(m);
      }
      System.out.println(
          new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(rules));
      return ExitCodes.OK;
    }
    for (String line : CheckRun.describeRules()) {
      System.out.println(line);
    }
    return ExitCodes.OK;
  }
}
