package io.hardformer.rtl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {
  @Test
  void atomsKeepSingleTermsAndWrapTheRest() {
    assertEquals("valid", Conditions.atom("valid"));
    assertEquals("x[3]", Conditions.atom("x[3]"));
    assertEquals("(a == b)", Conditions.atom("(a == b)"));
    assertEquals("((a) | (b))", Conditions.atom("(a) | (b)"));
  }

  @Test
  void bareDropsOnlyOneEnclosingPair() {
    assertEquals("a == b", Conditions.bare("(a == b)"));
    assertEquals("(a) | (b)", Conditions.bare("(a) | (b)"));
    assertEquals("valid", Conditions.bare("valid"));
  }

  @Test
  void negationUndoesAComplementOfOneSignal() {
    assertEquals("valid", Conditions.not("(~valid)"));
    assertEquals("!(a == b)", Conditions.not("(a == b)"));
    assertEquals("!go", Conditions.not("go"));
    assertEquals("!((~a) & b)", Conditions.not("((~a) & b)"));
  }

  @Test
  void guardsAreConjoinedBeforeTheCondition() {
    assertEquals("go", Conditions.and(List.of(), "go"));
    assertEquals("!stall && !(a == b) && go", Conditions.and(List.of("!stall", "!(a == b)"), "go"));
    assertEquals("!stall && (a | b)", Conditions.and(List.of("!stall"), "a | b"));
  }
}
