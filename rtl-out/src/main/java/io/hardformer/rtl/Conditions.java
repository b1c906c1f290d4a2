package io.hardformer.rtl;

import java.util.List;

/** Builds the Verilog text of 1-bit branch conditions from already rendered conditions. */
final class Conditions {
  private Conditions() {}

  /**
   * {@code condition} as an operand of {@code !} or {@code &&}: parenthesized unless it is one
   * term.
   */
  static String atom(String condition) {
    return isIdentifier(condition) || isParenthesized(condition)
        ? condition
        : "(" + condition + ")";
  }

  /** The negation of a 1-bit condition: {@code !(a == b)}, and {@code x} for {@code ~x}. */
  static String not(String condition) {
    String c = bare(condition);
    if (c.startsWith("~") && isIdentifier(c.substring(1))) {
      return c.substring(1);
    }
    return "!" + atom(condition);
  }

  /**
   * {@code condition} without one pair of enclosing parentheses: {@code if (a == b)}, not {@code if
   * ((a == b))}.
   */
  static String bare(String condition) {
    return isParenthesized(condition) ? condition.substring(1, condition.length() - 1) : condition;
  }

  /**
   * {@code guards[0] && ... && last}, the guards already atoms; just {@code last} without guards.
   */
  static String and(List<String> guards, String last) {
    if (guards.isEmpty()) {
      return last;
    }
    return String.join(" && ", guards) + " && " + atom(last);
  }

  private static boolean isIdentifier(String s) {
    return s.matches("[A-Za-z_][A-Za-z0-9_$]*(\\[[0-9:]+\\])?");
  }

  /** True when the first '(' closes at the very end, so the text is one parenthesized term. */
  private static boolean isParenthesized(String s) {
    if (!s.startsWith("(")) {
      return false;
    }
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i == s.length() - 1;
      }
    }
    return false;
  }
}
