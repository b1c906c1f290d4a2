package io.hardformer.rtl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to emit: the generator name and parameters for the header and manifest, whether statements
 * carry {@code // File.java:line} comments, and extra manifest sections a generator adds (area,
 * protocol).
 */
public record EmitOptions(
    String generator,
    Map<String, String> parameters,
    boolean sourceComments,
    Map<String, Object> manifestExtras) {
  public EmitOptions {
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    manifestExtras = Collections.unmodifiableMap(new LinkedHashMap<>(manifestExtras));
  }

  public static EmitOptions defaults() {
    return new EmitOptions("custom", Map.of(), true, Map.of());
  }

  public static EmitOptions forGenerator(String generator, Map<String, String> parameters) {
    return new EmitOptions(generator, parameters, true, Map.of());
  }

  public EmitOptions withSourceComments(boolean on) {
    return new EmitOptions(generator, parameters, on, manifestExtras);
  }

  public EmitOptions withManifestExtra(String key, Object value) {
    Map<String, Object> m = new LinkedHashMap<>(manifestExtras);
    m.put(key, value);
    return new EmitOptions(generator, parameters, sourceComments, m);
  }
}
