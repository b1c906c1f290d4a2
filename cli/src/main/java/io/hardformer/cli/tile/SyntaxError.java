package io.hardformer.cli.tile;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * A YAML or JSON syntax error as one line: {@code line L, column C: not valid YAML: <the problem>},
 * without the parser's class names, source excerpts and caret lines.
 */
final class SyntaxError {
  private SyntaxError() {}

  static String describe(JsonProcessingException e, String format) {
    String problem;
    int line;
    int column;
    if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException y
        && y.getProblemMark() != null) {
      // SnakeYAML's marks count from 0
      problem = y.getProblem() + (y.getContext() == null ? "" : " (" + y.getContext() + ")");
      line = y.getProblemMark().getLine() + 1;
      column = y.getProblemMark().getColumn() + 1;
    } else {
      problem = e.getOriginalMessage();
      JsonLocation at = e.getLocation();
      line = at == null ? -1 : at.getLineNr();
      column = at == null ? -1 : at.getColumnNr();
    }
    problem =
        firstLine(problem)
            .replaceAll(" \\(code -?\\d+\\)", "")
            .replaceAll(
                "\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]", "line $1, column $2");
    String where = line > 0 ? "line " + line + (column > 0 ? ", column " + column : "") + ": " : "";
    return where + "not valid " + format + ": " + problem;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable";
    }
    String t = s.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl).strip();
  }
}
