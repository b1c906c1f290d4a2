package io.hardformer.dsl;

import io.hardformer.dsl.ir.SourceLocation;
import java.security.CodeSource;
import java.util.Objects;

/**
 * Finds the user's source line for a piece of hardware: the first stack frame whose class does not
 * come from the DSL library itself (decided by code source, so user classes in any package count, and
 * tests in the same package as the DSL still point at themselves). Cheap enough to stay on.
 */
final class Locations {
  private static final StackWalker WALKER =
      StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
  private static final CodeSource DSL_SOURCE = Module.class.getProtectionDomain().getCodeSource();
  private static final ClassValue<Boolean> INTERNAL =
      new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          if (type.getName().startsWith("java.") || type.getName().startsWith("jdk.")) {
            return true;
          }
          return type.getPackageName().startsWith("io.hardformer.dsl")
              && Objects.equals(type.getProtectionDomain().getCodeSource(), DSL_SOURCE);
        }
      };

  private Locations() {}

  static SourceLocation capture() {
    return WALKER.walk(
        frames ->
            frames
                .filter(f -> !INTERNAL.get(f.getDeclaringClass()))
                .findFirst()
                .map(f -> new SourceLocation(f.getFileName(), f.getLineNumber()))
                .orElse(SourceLocation.UNKNOWN));
  }
}
