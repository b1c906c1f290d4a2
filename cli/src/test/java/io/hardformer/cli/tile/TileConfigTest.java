package io.hardformer.cli.tile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tile config values are typed like command-line options; syntax errors give line and column in one
 * line.
 */
class TileConfigTest {
  private static final String UNITS =
      "units:\n  - {name: a, design: counter, options: {width: 4}}\n";

  private static TileConfig yaml(String text) {
    return TileConfig.parse("t.yaml", text.getBytes(StandardCharsets.UTF_8), true);
  }

  private static String yamlError(String text) {
    return assertThrows(TileConfig.ConfigException.class, () -> yaml(text)).getMessage();
  }

  private static String jsonError(String text) {
    return assertThrows(
            TileConfig.ConfigException.class,
            () -> TileConfig.parse("t.json", text.getBytes(StandardCharsets.UTF_8), false))
        .getMessage();
  }

  @ParameterizedTest
  @ValueSource(strings = {"fast", "[1]", "null", "{ghz: 1}", "true", "0", "-1", "20", "''"})
  void aClockThatIsNotAGigahertzFigureIsRefused(String value) {
    String msg = yamlError("clock-ghz: " + value + "\n" + UNITS);
    assertTrue(
        msg.startsWith(
            "t.yaml: clock-ghz must be a number of GHz between 0 and 20 (exclusive), got "),
        msg);
  }

  @ParameterizedTest
  @ValueSource(strings = {".", "..", ".hardformer-x", "a/b", "-x"})
  void aUnitNameThatIsNotAPlainFolderNameIsRefused(String name) {
    String msg =
        yamlError("units:\n  - {name: '" + name + "', design: counter, options: {width: 4}}\n");
    assertTrue(msg.startsWith("t.yaml: units[0].name '" + name + "' must be unique"), msg);
  }

  @Test
  void unitNamesThatWouldBeTheSameInstanceOfTheTileTopAreRefused() {
    String msg =
        yamlError(
            "units:\n  - {name: a-b, design: counter, options: {width: 4}}\n"
                + "  - {name: a.b, design: counter, options: {width: 4}}\n");
    assertEquals(
        "t.yaml: units[1].name 'a.b' and unit 'a-b' would both be named 'a_b' in the tile's top"
            + " module ('.' and '-' become '_'); rename one of them",
        msg);
    assertEquals("u_2x_", TileTop.portPrefix("2x"));
    assertEquals("u_module", TileTop.instanceName("module"));
    assertEquals("u_fma_array", TileTop.instanceName("fma-array"));
    assertEquals("fma_array_", TileTop.portPrefix("fma-array"));
  }

  @Test
  void aClockAsNumberOrNumericTextIsAccepted() {
    assertEquals(1.5, yaml("clock-ghz: 1.5\n" + UNITS).clockGhz());
    assertEquals(2.0, yaml("clock-ghz: 2\n" + UNITS).clockGhz());
    assertEquals(0.8, yaml("clock-ghz: '0.8'\n" + UNITS).clockGhz());
    assertEquals(1.0, yaml(UNITS).clockGhz(), "the default");
  }

  @Test
  void namesDesignsAndOptionValuesMustBeSingleValues() {
    assertEquals(
        "t.yaml: name must be a single value (text or number), got [\"x\"]",
        yamlError("name: [x]\n" + UNITS));
    assertTrue(
        yamlError("units:\n  - {design: [counter]}\n")
            .startsWith("t.yaml: units[0].design must be a single value"));
    assertTrue(
        yamlError("units:\n  - {name: {a: 1}, design: counter}\n")
            .startsWith("t.yaml: units[0].name must be"));
    assertEquals(
        "t.yaml: units[0].options.width must be a single value (text or number), got [4]",
        yamlError("units:\n  - {design: counter, options: {width: [4]}}\n"));
    TileConfig c =
        yaml(
            "units:\n  - {design: fp8-quant, options: {format: e4m3, saturate: null, stages: 2}}\n");
    assertEquals(
        "true",
        c.units().get(0).generator().parameterValues().get("saturate"),
        "null is a flag without a value");
    assertEquals("2", c.units().get(0).generator().parameterValues().get("stages"));
  }

  @Test
  void malformedYamlGivesLineAndColumnWithoutParserNoise() {
    String msg = yamlError("name: x\nunits: [\n");
    assertEquals(
        "t.yaml: line 3, column 1: not valid YAML: expected the node content, but found '<stream end>'"
            + " (while parsing a flow node)",
        msg);
    msg = yamlError("name: x\n  bad: : indent\n" + UNITS);
    assertEquals(
        "t.yaml: line 2, column 6: not valid YAML: mapping values are not allowed here", msg);
    msg = yamlError("name: \"open\n" + UNITS);
    assertTrue(msg.startsWith("t.yaml: line "), msg);
    msg = yamlError("name: a\nname: b\n" + UNITS);
    assertTrue(
        msg.startsWith("t.yaml: line 2, column ") && msg.contains("Duplicate field 'name'"), msg);
  }

  @Test
  void malformedJsonGivesLineAndColumnWithoutParserNoise() {
    assertEquals(
        "t.json: line 2, column 14: not valid JSON: Unexpected character ('}'): expected a value",
        jsonError("{\"name\": \"x\",\n \"units\": [1,}"));
    assertEquals(
        "t.json: line 1, column 10: not valid JSON: Unexpected character ('1'): was expecting a colon to separate"
            + " field name and value",
        jsonError("{\"units\" 1}"));
  }

  @Test
  void aJsonErrorNamesTheOpeningBracketByLineAndColumn() {
    assertEquals(
        "t.json: line 1, column 12: not valid JSON: Unexpected end-of-input: expected close marker for Array"
            + " (start marker at line 1, column 11)",
        jsonError("{\"units\": ["));
  }

  @Test
  void noMessageCarriesAClassNameOrASourceExcerpt() {
    for (String m :
        new String[] {
          yamlError("units: [\n"), yamlError("units:\n\t- x\n"), jsonError("{\"units\": [")
        }) {
      assertEquals(1, m.lines().count(), m);
      assertFalse(
          m.contains("Exception")
              || m.contains("com.fasterxml")
              || m.contains("snakeyaml")
              || m.contains("^")
              || m.contains("Source: "),
          m);
    }
  }
}
