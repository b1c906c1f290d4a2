package io.hardformer.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.throughput.Chip;
import io.hardformer.throughput.ModelShape;
import io.hardformer.throughput.Roofline;
import io.hardformer.throughput.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * README.md's claims table shows the tool's own rooflines: its figures are the ones the model
 * computes.
 */
class ReadmeClaimsTableTest {
  @Test
  void claimsTableShowsTheToolsOwnRooflines() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    Workload claim = Workload.claimConditions(ModelShape.LLAMA_3_70B);
    Roofline.Estimate sohu = Roofline.estimate(claim, Chip.SOHU_CLAIM);
    Roofline.Estimate h100 = Roofline.estimate(claim, Chip.H100_SXM);
    String sohuRow = row(readme, "roofline of the sohu-claim chip");
    assertTrue(
        sohuRow.contains(
            String.format(
                Locale.ROOT,
                "%.1f K tok/s, %s-bound",
                sohu.tokensPerSecond() / 1e3,
                sohu.binding().name().toLowerCase())),
        sohuRow);
    assertTrue(
        sohuRow.contains(
            String.format(Locale.ROOT, "%.2f PFLOP/s", Chip.SOHU_CLAIM.flops() / 1e15)),
        sohuRow);
    String h100Row = row(readme, "8 × H100 roofline");
    assertTrue(
        h100Row.contains(
            String.format(
                Locale.ROOT,
                "%.1f K tok/s (%s-bound)",
                h100.tokensPerSecond() / 1e3,
                h100.binding().name().toLowerCase())),
        h100Row);
  }

  private static String row(String readme, String what) {
    return readme
        .lines()
        .filter(l -> l.startsWith("|") && l.contains(what))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no README claims row with '" + what + "'"));
  }
}
