package io.hardformer.cli.explore;

import io.hardformer.cli.ExitCodes;
import io.hardformer.cli.output.OutputFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hardformer explore merge DIR... --out DIR}: the shards of one sweep joined into the same
 * folder an unsharded run writes (docs/EXPLORE.md).
 */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description = {
      "Joins the shard folders of one 'explore fma-array --shard I/N' sweep (all N of them, in any "
          + "order) into --out: the same sweep.json, points.jsonl and index.html as the unsharded "
          + "run. Shards of another sweep, of another N, given twice or missing are refused."
    },
    footer = {
      "",
      "Examples:",
      "  ./hardformer explore merge build/s1 build/s2 --out build/merged --json"
    })
public final class ExploreMergeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "DIR", description = "Shard folders.")
  List<Path> shards;

  @Option(names = "--out", required = true, description = "Output folder (created if needed).")
  Path out;

  @Option(
      names = "--json",
      description = "Print the sweep, its points and the Pareto front as one JSON object.")
  boolean json;

  @Override
  public Integer call() {
    OutputFolder.require(spec.commandLine(), "--out", out);
    List<ExploreFolder> folders = new ArrayList<>();
    ExploreFolder whole;
    try {
      for (Path p : shards) {
        folders.add(ExploreFolder.read(p));
      }
      whole = ShardMerge.merge(folders, out);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    whole.write();
    ExploreOutput.print(whole, json);
    return ExitCodes.OK;
  }
}
