package io.quiver.runtime.signature;

import static java.util.Objects.requireNonNull;

import ai.onnxruntime.MapInfo;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.SequenceInfo;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.TensorInfo.OnnxTensorType;
import ai.onnxruntime.ValueInfo;
import io.quiver.runtime.InvalidModelException;
import io.quiver.runtime.session.OnnxEnvironment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the signature of the PREDICT method of an ONNX model by loading it in ONNX Runtime. */
public final class OnnxModelInspector {
  private static final String SUPPORTED_TYPES =
      "float, double, int64, int32, int16, int8, uint8, bool, string";

  private OnnxModelInspector() {}

  /**
   * Loads the model and returns the signature of its PREDICT method.
   *
   * @throws InvalidModelException if ONNX Runtime cannot load the bytes (the message starts with
   *     "Not a loadable ONNX model: " followed by ONNX Runtime's reason), or if an input or output
   *     has a type Quiver cannot run
   */
  public static MethodSignature inspect(byte[] model) throws InvalidModelException {
    requireNonNull(model, "model is null");
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        OrtSession session = OnnxEnvironment.get().createSession(model, options)) {
      return signatureOf(session);
    } catch (OrtException e) {
      throw new InvalidModelException("Not a loadable ONNX model: " + e.getMessage(), e);
    }
  }

  /** Returns the signature of the PREDICT method of a loaded model. */
  public static MethodSignature signatureOf(OrtSession session)
      throws OrtException, InvalidModelException {
    List<MethodInput> inputs = new ArrayList<>();
    for (NodeInfo node : session.getInputInfo().values()) {
      inputs.add(input(node));
    }

    List<MethodOutput> outputs = new ArrayList<>();
    for (NodeInfo node : session.getOutputInfo().values()) {
      outputs.add(output(node));
    }

    return new MethodSignature(MethodSignature.PREDICT, inputs, outputs);
  }

  private static MethodInput input(NodeInfo node) throws InvalidModelException {
    if (!(node.getInfo() instanceof TensorInfo tensor)) {
      throw unsupported("input '" + node.getName() + "' is " + describe(node.getInfo()));
    }
    String owner = "input '" + node.getName() + "'";
    return new MethodInput(node.getName(), elementType(tensor.onnxType, owner), shape(tensor));
  }

  private static MethodOutput output(NodeInfo node) throws InvalidModelException {
    String owner = "output '" + node.getName() + "'";
    ValueInfo info = node.getInfo();
    if (info instanceof TensorInfo tensor) {
      return MethodOutput.tensor(
          node.getName(), elementType(tensor.onnxType, owner), shape(tensor));
    }
    if (info instanceof SequenceInfo sequence && sequence.sequenceOfMaps) {
      return zipMap(node.getName(), sequence.mapInfo, owner);
    }
    throw unsupported(owner + " is " + describe(info));
  }

  private static MethodOutput zipMap(String name, MapInfo map, String owner)
      throws InvalidModelException {
    ElementType keyType =
        switch (map.keyType) {
          case INT64 -> ElementType.INT64;
          case STRING -> ElementType.STRING;
          default -> throw unsupported(owner + " is a map with " + map.keyType + " keys");
        };
    ElementType valueType =
        switch (map.valueType) {
          case FLOAT -> ElementType.FLOAT;
          case DOUBLE -> ElementType.DOUBLE;
          default -> throw unsupported(owner + " is a map with " + map.valueType + " values");
        };
    return MethodOutput.zipMap(name, keyType, valueType);
  }

  private static ElementType elementType(OnnxTensorType type, String owner)
      throws InvalidModelException {
    return switch (type) {
      case ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT -> ElementType.FLOAT;
      case ONNX_TENSOR_ELEMENT_DATA_TYPE_DOUBLE -> ElementType.DOUBLE;
      case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT64 -> ElementType.INT64;
      case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT32 -> ElementType.INT32;
      case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT16 -> ElementType.INT16;
      case ONNX_TENSOR_ELEMENT_DATA_TYPE_INT8 -> ElementType.INT8;
      case ONNX_TENSOR_ELEMENT_DATA_TYPE_UINT8 -> ElementType.UINT8;
      case ONNX_TENSOR_ELEMENT_DATA_TYPE_BOOL -> ElementType.BOOL;
      case ONNX_TENSOR_ELEMENT_DATA_TYPE_STRING -> ElementType.STRING;
      default ->
          throw unsupported(
              owner + " has element type " + type + "; supported types are " + SUPPORTED_TYPES);
    };
  }

  private static List<Long> shape(TensorInfo tensor) {
    return Arrays.stream(tensor.getShape()).boxed().toList();
  }

  private static String describe(ValueInfo info) {
    if (info instanceof SequenceInfo sequence) {
      return sequence.sequenceOfMaps
          ? "a sequence of maps"
          : "a sequence of " + describe(sequence.sequenceType);
    }
    if (info instanceof MapInfo) {
      return "a map; only sequences of maps (ZipMap) are supported";
    }
    return "of an unsupported kind (" + info + ")";
  }

  private static String describe(OnnxJavaType type) {
    return type + " tensors; only tensors and sequences of maps (ZipMap) are supported";
  }

  private static InvalidModelException unsupported(String reason) {
    return new InvalidModelException("Unsupported ONNX model: " + reason);
  }
}
