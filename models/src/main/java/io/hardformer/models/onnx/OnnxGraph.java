package io.hardformer.models.onnx;

import io.hardformer.models.onnx.proto.OnnxProto.AttributeProto;
import io.hardformer.models.onnx.proto.OnnxProto.ModelProto;
import io.hardformer.models.onnx.proto.OnnxProto.NodeProto;
import io.hardformer.models.onnx.proto.OnnxProto.TensorProto;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An ONNX model file read with the protobuf-java classes generated from ONNX's own {@code
 * onnx.proto}: its initializers by name, its nodes by name, and the FP32 tensors they hold. Only
 * what a weight mapping needs; it runs nothing.
 */
public final class OnnxGraph {
  private final Map<String, TensorProto> initializers = new HashMap<>();
  private final Map<String, NodeProto> nodes = new HashMap<>();

  private OnnxGraph(ModelProto model) {
    for (TensorProto t : model.getGraph().getInitializerList()) {
      initializers.put(t.getName(), t);
    }
    for (NodeProto n : model.getGraph().getNodeList()) {
      nodes.put(n.getName(), n);
    }
  }

  /** Parses a model from a class-path resource (the model jar's {@code .onnx} file). */
  public static OnnxGraph fromResource(ClassLoader loader, String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "ONNX model resource " + resource + " is not on the class path");
      }
      return new OnnxGraph(ModelProto.parseFrom(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read ONNX model " + resource, e);
    }
  }

  /** An FP32 initializer, checked against the expected dimensions. */
  public FloatTensor initializer(String name, long... dims) {
    TensorProto t = initializers.get(name);
    if (t == null) {
      throw new IllegalStateException("ONNX initializer " + name + " not found");
    }
    return floats(name, t, dims);
  }

  /**
   * The weight operand of the MatMul node {@code node} (its second input, an initializer), checked
   * to be {@code [in, out]}: y = x . W with x's last dimension {@code in}.
   */
  public FloatTensor matMulWeight(String node, long in, long out) {
    NodeProto n = node(node, "MatMul");
    return initializer(n.getInput(1), in, out);
  }

  /** The scalar FP32 value of a Constant node. */
  public float constant(String node) {
    NodeProto n = node(node, "Constant");
    for (AttributeProto a : n.getAttributeList()) {
      if (a.getName().equals("value")) {
        return floats(node, a.getT()).data()[0];
      }
    }
    throw new IllegalStateException("ONNX Constant node " + node + " has no value");
  }

  /** The node named {@code name}, checked to be of {@code opType}. */
  public NodeProto node(String name, String opType) {
    NodeProto n = nodes.get(name);
    if (n == null || !n.getOpType().equals(opType)) {
      throw new IllegalStateException(
          "ONNX node "
              + name
              + " ("
              + opType
              + ") not found"
              + (n == null ? "" : ": it is " + n.getOpType()));
    }
    return n;
  }

  private static FloatTensor floats(String name, TensorProto t, long... dims) {
    if (t.getDataType() != TensorProto.DataType.FLOAT_VALUE) {
      throw new IllegalStateException(
          "ONNX tensor " + name + " is not FP32 (type " + t.getDataType() + ")");
    }
    List<Long> shape = t.getDimsList();
    if (dims.length > 0) {
      boolean same = shape.size() == dims.length;
      for (int i = 0; same && i < dims.length; i++) {
        same = shape.get(i) == dims[i];
      }
      if (!same) {
        throw new IllegalStateException(
            "ONNX tensor "
                + name
                + " has shape "
                + shape
                + ", expected "
                + java.util.Arrays.toString(dims));
      }
    }
    long count = 1;
    for (long d : shape) {
      count *= d;
    }
    float[] data = new float[Math.toIntExact(count)];
    if (t.getFloatDataCount() > 0) {
      for (int i = 0; i < data.length; i++) {
        data[i] = t.getFloatData(i);
      }
    } else {
      ByteBuffer raw = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
      raw.asFloatBuffer().get(data);
    }
    long[] d = new long[shape.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = shape.get(i);
    }
    return new FloatTensor(d, data);
  }
}
