package io.hardformer.cli.tile;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hardformer.generators.catalog.BadParameterException;
import io.hardformer.generators.catalog.ConfiguredGenerator;
import io.hardformer.generators.catalog.Generator;
import io.hardformer.generators.catalog.ParameterOption;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Binds a unit's {@code options} mapping of a tile config file to its generator's parameter record
 * with Jackson: keys are the option names without {@code --} ({@code head-dim}), {@code no-<flag>}
 * negates a negatable flag, a flag without a value ({@code saturate:}) is true, absent options take
 * their defaults. Errors name the file, the line and column of the key, the unit and the option.
 */
final class ParameterBinding {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

  private final String source;
  private final Map<String, JsonLocation> keys;

  private ParameterBinding(String source, Map<String, JsonLocation> keys) {
    this.source = source;
    this.keys = keys;
  }

  /**
   * A binder for one file: the locations of its keys by JSON pointer ({@code
   * /units/0/options/rows}).
   */
  static ParameterBinding of(String source, byte[] text, boolean yaml) {
    Map<String, JsonLocation> keys = new HashMap<>();
    try (JsonParser p = (yaml ? new YAMLFactory() : MAPPER.getFactory()).createParser(text)) {
      for (JsonToken t; (t = p.nextToken()) != null; ) {
        if (t == JsonToken.FIELD_NAME) {
          keys.put(p.getParsingContext().pathAsPointer().toString(), p.currentTokenLocation());
        }
      }
    } catch (IOException e) {
      // the tree was read already: a file that parses once parses twice
      throw new IllegalStateException(e);
    }
    return new ParameterBinding(source, keys);
  }

  /**
   * The configured generator of unit {@code index} named {@code unit}.
   *
   * @param options the unit's options mapping, or null when it has none
   */
  ConfiguredGenerator<?> bind(int index, String unit, Generator<?> g, JsonNode options) {
    String pointer = "/units/" + index + "/options";
    String label = "unit '" + unit + "' (" + g.name() + "): ";
    List<ParameterOption> all = ParameterOption.of(g.parameterType());
    ObjectNode record = MAPPER.createObjectNode();
    Map<String, String> keyOf = new HashMap<>();
    if (options != null) {
      for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String key = e.getKey();
        JsonNode value = e.getValue();
        ParameterOption o = find(all, key);
        boolean negated = false;
        if (o == null && key.startsWith("no-")) {
          o = find(all, key.substring(3));
          negated = o != null && o.negatable();
          if (!negated) {
            o = null;
          }
        }
        if (o == null) {
          throw error(
              pointer + "/" + key,
              label
                  + "unknown option '"
                  + key
                  + "'; valid options: "
                  + String.join(", ", all.stream().map(ParameterOption::key).toList()));
        }
        if (value.isNull()) {
          if (o.type() != boolean.class) {
            throw error(pointer + "/" + key, label + "option '" + o.name() + "' needs a value");
          }
          value = BooleanNode.TRUE; // a flag without a value, as on the command line
        }
        if (negated) {
          value = BooleanNode.valueOf(!value.asBoolean());
        }
        record.set(o.component(), value);
        keyOf.put(o.name(), key);
      }
    }
    for (ParameterOption o : all) {
      if (!record.has(o.component())) {
        if (o.required()) {
          throw error(pointer, label + "missing required option '" + o.key() + "'");
        }
        record.set(o.component(), TextNode.valueOf(o.defaultValue()));
      }
    }
    try {
      return new ConfiguredGenerator<>(
          castGenerator(g), MAPPER.treeToValue(record, g.parameterType()));
    } catch (ValueInstantiationException e) {
      if (e.getCause() instanceof BadParameterException b) {
        throw error(
            pointer + "/" + keyOf.getOrDefault(b.option(), b.option().substring(2)),
            label + b.getMessage());
      }
      throw error(pointer, label + e.getOriginalMessage());
    } catch (MismatchedInputException e) {
      String component = e.getPath().isEmpty() ? "" : e.getPath().get(0).getFieldName();
      ParameterOption o =
          all.stream().filter(x -> x.component().equals(component)).findFirst().orElse(null);
      if (o == null) {
        throw error(pointer, label + e.getOriginalMessage());
      }
      throw error(
          pointer + "/" + keyOf.getOrDefault(o.name(), o.key()),
          label
              + "option '"
              + o.name()
              + "' takes "
              + (o.type() == int.class
                  ? "an integer"
                  : o.type() == boolean.class ? "true or false" : "a text value")
              + ", got "
              + record.get(o.component()));
    } catch (IOException e) {
      throw error(pointer, label + e.getMessage());
    }
  }

  @SuppressWarnings("unchecked")
  private static <P extends Record> Generator<P> castGenerator(Generator<?> g) {
    return (Generator<P>) g;
  }

  private static ParameterOption find(List<ParameterOption> all, String key) {
    return all.stream().filter(o -> o.key().equals(key)).findFirst().orElse(null);
  }

  private TileConfig.ConfigException error(String pointer, String message) {
    JsonLocation at = keys.get(pointer);
    String where =
        at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
    return new TileConfig.ConfigException(source + ": " + where + message);
  }
}
