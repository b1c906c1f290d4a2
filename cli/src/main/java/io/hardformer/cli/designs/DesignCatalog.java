package io.hardformer.cli.designs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * The design catalog: the one list of designs that {@code generate}, {@code area} and {@code timing} take as
 * subcommands ({@link #withDesigns}), and generation of a design from a name and option values (as a config
 * file gives them), validated exactly as on the command line: {@code generate("fma-array", {rows: 16, ...})}.
 * Nothing is written; the caller writes the unit's files ({@link GeneratedUnit#writeInto}).
 */
public final class DesignCatalog {
  private static final List<Class<? extends DesignCommand>> DESIGNS = List.of(CounterDesign.class,
      AdderTreeDesign.class, IntMacDesign.class, RegisterSliceDesign.class, PipelineDesign.class, FifoDesign.class,
      Fp8MulDesign.class, Fp8DotDesign.class, Fp8QuantDesign.class, FmaArrayDesign.class, AttentionDesign.class);

  private DesignCatalog() {}

  /** {@code command} (generate, area or timing) with every design of the catalog as a subcommand. */
  public static CommandLine withDesigns(CommandLine command) {
    DESIGNS.forEach(command::addSubcommand);
    return command;
  }

  /** The design names, in catalog order. */
  public static List<String> names() {
    return new ArrayList<>(withDesigns(new CommandLine(new GenerateCommand())).getSubcommands().keySet());
  }

  /**
   * @throws CommandLine.ParameterException with the option's message for a bad value or unknown option
   * @throws IllegalArgumentException for an unknown design
   */
  public static GeneratedUnit generate(String design, Map<String, String> options) {
    CommandLine generate = withDesigns(new CommandLine(new GenerateCommand()));
    CommandLine sub = generate.getSubcommands().get(design);
    if (sub == null) {
      throw new IllegalArgumentException("unknown design '" + design + "'; valid designs: " + String.join(", ", names()));
    }
    List<String> args = new ArrayList<>(List.of(design));
    for (Map.Entry<String, String> e : options.entrySet()) {
      String key = e.getKey().startsWith("--") ? e.getKey() : "--" + e.getKey();
      if (e.getValue() == null || e.getValue().equals("true")) {
        args.add(key);
      } else {
        args.add(key + "=" + e.getValue());
      }
    }
    CommandLine.ParseResult parsed = generate.parseArgs(args.toArray(new String[0]));
    DesignCommand command = (DesignCommand) parsed.subcommand().commandSpec().userObject();
    return command.generate();
  }
}
