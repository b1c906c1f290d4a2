package io.hardformer.cli.designs;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code hardformer timing <design> [params] [--node-fo4-ps P] [--json]}: the critical path of a
 * catalog design mapped to the OSU 0.18 um cells (Yosys + OpenSTA), its depth in FO4, and the clock
 * it allows.
 */
@Command(
    name = "timing",
    mixinStandardHelpOptions = true,
    description = {
      "Critical path of a design: Yosys maps it to the OSU 0.18 um standard cells (osu018_stdcells.lib), "
          + "with a delay-oriented ABC script (strash; dch -f; map -D 3000) that buffers high-fanout nets and sizes gates "
          + "toward a 30 FO4 target (abc -D 3000 -constr; --delay-target-ps sets it: it bounds the logic between "
          + "flip-flops, so 2600 asks for paths that fit 30 FO4 with clock-to-Q and setup); the area is that "
          + "delay-oriented mapping's, "
          + "OpenSTA times every register-to-register, input-to-register, register-to-output and input-to-output path. "
          + "Prints the path in ns, its start and end points and Java lines, its depth in FO4 (measured on the same "
          + "liberty), the clock at 0.18 um and at a modern node by FO4 scaling, and the area in um^2.",
      "Needs yosys and sta (Debian packages yosys, opensta, qflow-tech-osu018). Results are cached by content; "
          + "each run keeps Yosys's log (ABC's output included) and OpenSTA's beside its cache entry, and stderr names the folder. "
          + "Each tool may run --time-limit seconds (default 1800); one that exceeds it ends the command with one line naming the "
          + "log it left and where Yosys was."
    },
    footer = {
      "",
      "Examples:",
      "  ./hardformer timing counter --width 32",
      "  ./hardformer timing fp8-mul --format e4m3 --json",
      "  ./hardformer timing adder-tree --width 8 --depth 3 --node-fo4-ps 15",
      "  ./hardformer timing counter --width 24 --time-limit 600",
      "  ./hardformer timing counter --width 16 --delay-target-ps 2600 --json"
    })
public final class TimingCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "missing design; valid designs: " + String.join(", ", spec.subcommands().keySet()));
  }
}
