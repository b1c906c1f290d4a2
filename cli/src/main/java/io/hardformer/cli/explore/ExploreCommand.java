package io.hardformer.cli.explore;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code hardformer explore}: design-space sweeps. {@code fma-array} sweeps the FMA array's
 * accumulators and lane counts (or one shard of them), {@code merge} joins shards. docs/EXPLORE.md.
 */
@Command(
    name = "explore",
    mixinStandardHelpOptions = true,
    description = {
      "Design-space sweeps: area against accuracy of the FMA array (points.jsonl, and index.html "
          + "with the Pareto chart). Split a sweep with --shard I/N and join the shards with merge "
          + "(docs/EXPLORE.md)."
    },
    subcommands = {ExploreFmaArrayCommand.class, ExploreMergeCommand.class},
    footer = {
      "",
      "Examples:",
      "  ./hardformer explore fma-array --k 256 --out build/explore",
      "  ./hardformer explore fma-array --acc fp32,fixed:13:128 --lanes 4,16 --k 1024 --json --out build/explore-small",
      "  ./hardformer explore fma-array --acc fixed:13,fixed:13:128 --lanes 4,16 --k 256 --shard 1/2 --out build/s1",
      "  ./hardformer explore fma-array --acc fixed:13,fixed:13:128 --lanes 4,16 --k 256 --shard 2/2 --out build/s2",
      "  ./hardformer explore merge build/s1 build/s2 --out build/merged"
    })
public final class ExploreCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "missing command; valid commands: " + String.join(", ", spec.subcommands().keySet()));
  }
}
