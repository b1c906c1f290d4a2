package io.hardformer.generators.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hardformer.generators.array.FmaArrayGenerator;
import io.hardformer.generators.fp8.Fp8QuantGenerator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The catalog found by ServiceLoader, in catalog order; parameter records checked once, options
 * read from them.
 */
class GeneratorCatalogTest {
  @Test
  void theBuiltInsAreFoundInCatalogOrder() {
    assertEquals(
        List.of(
            "counter",
            "adder-tree",
            "int-mac",
            "register-slice",
            "pipeline",
            "fifo",
            "fp8-mul",
            "fp8-dot",
            "fp8-quant",
            "fma-array",
            "attention",
            "vector",
            "gelu",
            "layernorm",
            "rmsnorm",
            "swiglu",
            "rope"),
        GeneratorCatalog.load().names());
  }

  @Test
  void optionsComeFromTheRecordComponents() {
    List<ParameterOption> o = ParameterOption.of(FmaArrayGenerator.Parameters.class);
    assertEquals(
        List.of(
            "--rows",
            "--cols",
            "--format",
            "--acc",
            "--out-format",
            "--max-k",
            "--lanes",
            "--acc-bits",
            "--promote-every",
            "--pipeline",
            "--row-ports"),
        o.stream().map(ParameterOption::name).toList());
    assertEquals("wired", o.get(10).defaultValue());
    assertTrue(o.get(0).required());
    assertEquals("65536", o.get(5).defaultValue());
    ParameterOption saturate = ParameterOption.of(Fp8QuantGenerator.Parameters.class).get(1);
    assertTrue(
        saturate.negatable()
            && saturate.type() == boolean.class
            && "true".equals(saturate.defaultValue()));
  }

  @Test
  void theRecordIsTheOneCheckAndNamesTheOption() {
    BadParameterException e =
        assertThrows(
            BadParameterException.class,
            () -> new FmaArrayGenerator.Parameters(0, 2, "e4m3", "exact", "fp32", 65536));
    assertEquals("--rows", e.option());
    assertEquals("option '--rows' must be between 1 and 1024, got 0", e.getMessage());
    e =
        assertThrows(
            BadParameterException.class,
            () -> new FmaArrayGenerator.Parameters(2, 2, "e3m4", "exact", "fp32", 65536));
    assertEquals("option '--format' must be one of e4m3, e5m2, got 'e3m4'", e.getMessage());
    assertEquals(
        "e5m2",
        new FmaArrayGenerator.Parameters(2, 2, "E5M2", "EXACT", "BF16", 8).format(),
        "normalized");
  }

  @Test
  void configuredFromValuesByComponentName() {
    Generator<?> g = GeneratorCatalog.load().find("fma-array").orElseThrow();
    ConfiguredGenerator<?> c =
        ConfiguredGenerator.of(
            g,
            Map.of(
                "rows",
                2,
                "cols",
                3,
                "format",
                "e4m3",
                "acc",
                "fp32",
                "outFormat",
                "bf16",
                "maxK",
                65536));
    assertEquals(
        Map.of("rows", "2", "cols", "3", "format", "e4m3", "acc", "fp32", "out-format", "bf16"),
        c.parameterValues(),
        "max-k only for exact accumulation");
    assertEquals(6, c.matmul().orElseThrow().fmas());
    assertTrue(c.selfCheck().isPresent() && c.attention().isEmpty());
    assertEquals("--max-k", ParameterCheck.optionName("maxK"));
  }
}
