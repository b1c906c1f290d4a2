package io.hardformer.dsl;

import io.hardformer.dsl.ir.SourceLocation;
import java.security.CodeSource;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Finds the user's source line for a piece of hardware: the first stack frame whose class does not
 * come from the DSL library itself (decided by code source, so user classes in any package count,
 * and tests in the same package as the DSL still point at themselves).
 *
 * <p>Cost: one {@link StackWalker} walk per DSL call, stopped at the first user frame (a walk reads
 * the top frames in one batch, so its cost does not grow with the depth of the user's stack). The
 * walk itself is the floor: a frame's line is known only from the stack at the call, so every
 * operator needs one walk to stay exact. What is saved around it: no stream pipeline per call, and
 * the resulting locations are shared ({@link #intern}), so an N x N array of identical cells holds
 * one {@link SourceLocation} per source line instead of one per IR node.
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
  private static final Function<Stream<StackWalker.StackFrame>, SourceLocation> FIRST_USER_FRAME =
      Locations::firstUserFrame;

  /** Shared locations by file name, indexed by line. */
  private static final ConcurrentHashMap<String, SourceLocation[]> BY_FILE =
      new ConcurrentHashMap<>();

  private Locations() {}

  static SourceLocation capture() {
    return WALKER.walk(FIRST_USER_FRAME);
  }

  private static SourceLocation firstUserFrame(Stream<StackWalker.StackFrame> frames) {
    Iterator<StackWalker.StackFrame> it = frames.iterator();
    while (it.hasNext()) {
      StackWalker.StackFrame f = it.next();
      if (!INTERNAL.get(f.getDeclaringClass())) {
        StackTraceElement e = f.toStackTraceElement();
        return intern(e.getFileName(), e.getLineNumber());
      }
    }
    return SourceLocation.UNKNOWN;
  }

  /** The one {@link SourceLocation} for {@code file:line} (a new one only the first time). */
  static SourceLocation intern(String file, int line) {
    if (file == null || line < 0) {
      return new SourceLocation(file, line);
    }
    SourceLocation[] lines = BY_FILE.get(file);
    if (lines != null && line < lines.length && lines[line] != null) {
      return lines[line];
    }
    return BY_FILE.compute(file, (k, old) -> withLine(old, k, line))[line];
  }

  private static SourceLocation[] withLine(SourceLocation[] old, String file, int line) {
    SourceLocation[] lines = old;
    if (lines == null || line >= lines.length) {
      int size = Math.max(line + 1, lines == null ? 64 : lines.length * 2);
      lines = lines == null ? new SourceLocation[size] : Arrays.copyOf(lines, size);
    } else if (lines[line] != null) {
      return lines;
    } else {
      lines = lines.clone(); // readers index the published array without a lock
    }
    lines[line] = new SourceLocation(file, line);
    return lines;
  }
}
