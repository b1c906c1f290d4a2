package io.hardformer.rtl;

import io.hardformer.dsl.ir.BinaryOp;
import io.hardformer.dsl.ir.UnaryOp;
import java.util.EnumMap;
import java.util.Map;

/** The Verilog spelling of each IR operator, as tables. */
final class VerilogOperators {
  static final Map<BinaryOp, String> BINARY = new EnumMap<>(BinaryOp.class);
  static final Map<UnaryOp, String> UNARY = new EnumMap<>(UnaryOp.class);

  static {
    BINARY.put(BinaryOp.ADD, "+");
    BINARY.put(BinaryOp.SUB, "-");
    BINARY.put(BinaryOp.MUL, "*");
    BINARY.put(BinaryOp.AND, "&");
    BINARY.put(BinaryOp.OR, "|");
    BINARY.put(BinaryOp.XOR, "^");
    BINARY.put(BinaryOp.EQ, "==");
    BINARY.put(BinaryOp.NE, "!=");
    BINARY.put(BinaryOp.LT, "<");
    BINARY.put(BinaryOp.LE, "<=");
    BINARY.put(BinaryOp.GT, ">");
    BINARY.put(BinaryOp.GE, ">=");
    BINARY.put(BinaryOp.SHIFT_LEFT, "<<");
    BINARY.put(BinaryOp.SHIFT_RIGHT, ">>");
    UNARY.put(UnaryOp.NOT, "~");
    UNARY.put(UnaryOp.AND_REDUCE, "&");
    UNARY.put(UnaryOp.OR_REDUCE, "|");
    UNARY.put(UnaryOp.XOR_REDUCE, "^");
  }

  private VerilogOperators() {}
}
