package io.hardformer.cli.tile;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hardformer.cli.designs.DesignCatalog;
import io.hardformer.generators.catalog.ConfiguredGenerator;
import io.hardformer.generators.catalog.Generator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tile description from a YAML or JSON file: a name, a clock, and units, each a catalog design
 * with the options {@code ./hardformer generate <design>} takes, bound to the design's parameter
 * record ({@link ParameterBinding}). Errors name the file and the key. {@code clockStated}: the
 * file sets {@code clock-ghz} (which then overrides the clock from timing, {@link TileClock});
 * otherwise {@code clockGhz} is the 1 GHz fallback.
 */
public record TileConfig(
    String source, String name, double clockGhz, List<Unit> units, boolean clockStated) {
  /** One unit: its folder name under the output and the generator with its parameters. */
  public record Unit(String name, ConfiguredGenerator<?> generator) {
    /** The catalog name of the design. */
    public String design() {
      return generator.name();
    }
  }

  public static final String DEFAULT_RESOURCE = "default-tile.yaml";

  public static TileConfig embeddedDefault() {
    try (InputStream in = TileConfig.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      return parse("embedded default (" + DEFAULT_RESOURCE + ")", in.readAllBytes(), true);
    } catch (IOException e) {
      throw new IllegalStateException("embedded default tile unreadable", e);
    }
  }

  public static TileConfig load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(file + ": no such file");
    }
    try {
      String lower = file.getFileName().toString().toLowerCase();
      return parse(file.toString(), Files.readAllBytes(file), !lower.endsWith(".json"));
    } catch (IOException e) {
      throw new ConfigException(file + ": " + e.getMessage());
    }
  }

  static TileConfig parse(String source, byte[] text, boolean yaml) {
    JsonNode root;
    try {
      ObjectMapper mapper = yaml ? new ObjectMapper(new YAMLFactory()) : new ObjectMapper();
      root = mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).readTree(text);
    } catch (JsonProcessingException e) {
      throw new ConfigException(source + ": " + SyntaxError.describe(e, yaml ? "YAML" : "JSON"));
    } catch (IOException e) {
      throw new ConfigException(source + ": cannot read: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new ConfigException(
          source + ": expected a mapping with 'units' (and optionally 'name', 'clock-ghz')");
    }
    checkKeys(source, "", root, Set.of("name", "clock-ghz", "units"));
    String name = root.has("name") ? scalar(source, "name", root.get("name")) : "tile";
    double clock = root.has("clock-ghz") ? clockGhz(source, root.get("clock-ghz")) : 1.0;
    JsonNode units = root.get("units");
    if (units == null || !units.isArray() || units.isEmpty()) {
      throw new ConfigException(
          source + ": 'units' must be a non-empty list of {name, design, options}");
    }
    ParameterBinding binding = ParameterBinding.of(source, text, yaml);
    List<Unit> list = new ArrayList<>();
    Set<String> names = new java.util.HashSet<>();
    Map<String, String> instances = new java.util.HashMap<>();
    for (int i = 0; i < units.size(); i++) {
      JsonNode u = units.get(i);
      String where = "units[" + i + "]";
      if (!u.isObject()) {
        throw new ConfigException(
            source + ": " + where + " must be a mapping with 'design' and 'options'");
      }
      checkKeys(source, where + ".", u, Set.of("name", "design", "options"));
      if (!u.hasNonNull("design")) {
        throw new ConfigException(source + ": " + where + ".design is missing");
      }
      String design = scalar(source, where + ".design", u.get("design"));
      String unitName = u.has("name") ? scalar(source, where + ".name", u.get("name")) : design;
      if (!unitName.matches("[A-Za-z0-9_][A-Za-z0-9_.-]*") || !names.add(unitName)) {
        throw new ConfigException(
            source
                + ": "
                + where
                + ".name '"
                + unitName
                + "' must be unique, use letters, "
                + "digits, '_', '.', '-' and start with a letter, digit or '_' (it names the output folder)");
      }
      String clash = instances.putIfAbsent(TileTop.baseName(unitName), unitName);
      if (clash != null) {
        throw new ConfigException(
            source
                + ": "
                + where
                + ".name '"
                + unitName
                + "' and unit '"
                + clash
                + "' would both be named '"
                + TileTop.baseName(unitName)
                + "' in the tile's top module ('.' and '-' become '_'); rename one of them");
      }
      Generator<?> generator =
          DesignCatalog.find(design)
              .orElseThrow(
                  () ->
                      new ConfigException(
                          source
                              + ": unit '"
                              + unitName
                              + "': unknown design '"
                              + design
                              + "'; valid designs: "
                              + String.join(", ", DesignCatalog.names())));
      JsonNode o = u.get("options");
      if (o != null && !o.isObject()) {
        throw new ConfigException(
            source + ": " + where + ".options must be a mapping of option to value");
      }
      if (o != null) {
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          if (e.getKey().equals("out")) {
            throw new ConfigException(
                source + ": " + where + ".options.out: the output folder comes from the unit name");
          }
          if (!e.getValue().isNull()) {
            scalar(source, where + ".options." + e.getKey(), e.getValue());
          }
        }
      }
      list.add(new Unit(unitName, binding.bind(i, unitName, generator, o)));
    }
    return new TileConfig(source, name, clock, list, root.has("clock-ghz"));
  }

  /**
   * The text of a single value (string, number or boolean), as it would be typed on the command
   * line.
   */
  private static String scalar(String source, String key, JsonNode v) {
    if (v == null || !v.isValueNode() || v.isNull()) {
      throw new ConfigException(
          source
              + ": "
              + key
              + " must be a single value (text or number), got "
              + (v == null || v.isNull() ? "null" : v.toString()));
    }
    return v.asText();
  }

  /** clock-ghz, validated as the command line validates a number: finite, 0 < clock < 20. */
  private static double clockGhz(String source, JsonNode v) {
    double clock;
    if (v.isNumber()) {
      clock = v.asDouble();
    } else if (v.isTextual()) {
      try {
        clock = Double.parseDouble(v.asText().strip());
      } catch (NumberFormatException e) {
        clock = Double.NaN;
      }
    } else {
      clock = Double.NaN;
    }
    if (!(clock > 0 && clock < 20)) {
      throw new ConfigException(
          source
              + ": clock-ghz must be a number of GHz between 0 and 20 (exclusive), got "
              + (v.isTextual() ? "'" + v.asText() + "'" : v.toString()));
    }
    return clock;
  }

  private static void checkKeys(String source, String prefix, JsonNode node, Set<String> allowed) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!allowed.contains(k)) {
        throw new ConfigException(
            source
                + ": unknown key '"
                + prefix
                + k
                + "'; valid keys: "
                + String.join(", ", new java.util.TreeSet<>(allowed)));
      }
    }
  }

  /** A config file problem: the message names the file and key. */
  public static final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
      super(message);
    }
  }
}
