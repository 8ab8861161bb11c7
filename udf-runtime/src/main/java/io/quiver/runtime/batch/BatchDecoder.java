package io.quiver.runtime.batch;

import static java.util.Objects.requireNonNull;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxMap;
import ai.onnxruntime.OnnxSequence;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.quiver.runtime.ModelInvocationException;
import io.quiver.runtime.signature.ElementType;
import io.quiver.runtime.signature.MethodOutput;
import io.quiver.runtime.signature.MethodSignature;
import io.quiver.runtime.signature.OutputKind;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * Turns the outputs of a model run into one Object[] per row, one value per output in signature
 * order.
 *
 * <p>A tensor output gives each row a scalar when the signature declares [N] or [N,1] (Float,
 * Double, Long, Integer, Short, Byte, Boolean, String; uint8 as Short) and a read-only {@link List}
 * otherwise; the rows are cut from the tensor's actual shape, not the declared one, since some
 * exporters declare a batch of 1 for outputs that hold the whole batch.
 *
 * <p>A ZipMap output gives each row a {@link LinkedHashMap} from class label to Double. ONNX
 * Runtime hands the map over as a HashMap, which loses the model's class order; the entries are put
 * in the natural order of the labels (numeric for int64, lexicographic for strings). That is the
 * class order of scikit-learn exports, whose classes are sorted, but not of a ZipMap whose string
 * labels were given unsorted: the values stay right, only the entry order differs.
 */
final class BatchDecoder {
  private final MethodSignature signature;
  private final String method;

  BatchDecoder(MethodSignature signature, String method) {
    this.signature = requireNonNull(signature, "signature is null");
    this.method = requireNonNull(method, "method is null");
  }

  /**
   * Appends the result rows of a run to {@code into}.
   *
   * @param runRows the rows the run had, padding included
   * @param keptRows the leading rows to keep, the others being padding
   */
  void decode(OrtSession.Result result, int runRows, int keptRows, List<Object[]> into)
      throws OrtException {
    List<MethodOutput> outputs = signature.outputs();
    Object[][] columns = new Object[outputs.size()][];
    for (int index = 0; index < outputs.size(); index++) {
      MethodOutput output = outputs.get(index);
      OnnxValue value =
          result
              .get(output.name())
              .orElseThrow(() -> failure("returned no output '" + output.name() + "'"));
      columns[index] = column(output, value, runRows, keptRows);
    }

    for (int row = 0; row < keptRows; row++) {
      Object[] values = new Object[outputs.size()];
      for (int index = 0; index < outputs.size(); index++) {
        values[index] = columns[index][row];
      }
      into.add(values);
    }
  }

  private Object[] column(MethodOutput output, OnnxValue value, int runRows, int keptRows)
      throws OrtException {
    if (output.kind() == OutputKind.ZIPMAP) {
      if (!(value instanceof OnnxSequence sequence)) {
        throw failure("returned " + value.getInfo() + " for ZipMap output '" + output.name() + "'");
      }
      return maps(output, sequence, runRows, keptRows);
    }
    if (!(value instanceof OnnxTensor tensor)) {
      throw failure("returned " + value.getInfo() + " for tensor output '" + output.name() + "'");
    }
    return tensorColumn(output, tensor, runRows, keptRows);
  }

  private Object[] tensorColumn(MethodOutput output, OnnxTensor tensor, int runRows, int keptRows)
      throws OrtException {
    checkType(output, tensor);
    int valuesPerRow = valuesPerRow(output, tensor, runRows);
    IntFunction<Object> element = elements(output.type(), tensor);
    Object[] column = new Object[keptRows];
    for (int row = 0; row < keptRows; row++) {
      int first = row * valuesPerRow;
      column[row] =
          output.returnsScalar()
              ? element.apply(first)
              : new IndexedList<>(valuesPerRow, index -> element.apply(first + index));
    }
    return column;
  }

  /** Reads elements from one bulk copy of the tensor; only the element asked for is boxed. */
  private static IntFunction<Object> elements(ElementType type, OnnxTensor tensor)
      throws OrtException {
    switch (type) {
      case FLOAT:
        FloatBuffer floats = tensor.getFloatBuffer();
        return floats::get;
      case DOUBLE:
        DoubleBuffer doubles = tensor.getDoubleBuffer();
        return doubles::get;
      case INT64:
        LongBuffer longs = tensor.getLongBuffer();
        return longs::get;
      case INT32:
        IntBuffer ints = tensor.getIntBuffer();
        return ints::get;
      case INT16:
        ShortBuffer shorts = tensor.getShortBuffer();
        return shorts::get;
      case INT8:
        ByteBuffer bytes = tensor.getByteBuffer();
        return bytes::get;
      case UINT8:
        ByteBuffer unsignedBytes = tensor.getByteBuffer();
        return index -> (short) Byte.toUnsignedInt(unsignedBytes.get(index));
      case BOOL:
        ByteBuffer booleans = tensor.getByteBuffer();
        return index -> booleans.get(index) != 0;
      case STRING:
        String[] strings = flatten(tensor.getValue());
        return index -> strings[index];
      default:
        throw new IllegalStateException("Unknown element type " + type);
    }
  }

  private Object[] maps(MethodOutput output, OnnxSequence sequence, int runRows, int keptRows)
      throws OrtException {
    List<? extends OnnxValue> maps = sequence.getValue();
    try {
      if (maps.size() != runRows) {
        throw failure(
            "returned "
                + maps.size()
                + " maps in output '"
                + output.name()
                + "' for a run of "
                + runRows
                + " rows");
      }
      Object[] column = new Object[keptRows];
      for (int row = 0; row < keptRows; row++) {
        column[row] = orderedMap(((OnnxMap) maps.get(row)).getValue());
      }
      return column;
    } finally {
      maps.forEach(OnnxValue::close);
    }
  }

  private static Map<Object, Double> orderedMap(Map<?, ?> entries) {
    Map<Object, Double> ordered = new LinkedHashMap<>();
    new TreeMap<Object, Object>(entries)
        .forEach((label, score) -> ordered.put(label, ((Number) score).doubleValue()));
    return ordered;
  }

  private int valuesPerRow(MethodOutput output, OnnxTensor tensor, int runRows) {
    long elements = tensor.getInfo().getNumElements();
    long declared = output.valuesPerRow();
    if (elements % runRows != 0 || (declared >= 0 && elements != declared * runRows)) {
      throw failure(
          "returned shape "
              + Arrays.toString(tensor.getInfo().getShape())
              + " for output '"
              + output.name()
              + "' (declared "
              + output.shape()
              + ") from a run of "
              + runRows
              + " rows; Quiver needs the rows of the batch as its first dimension");
    }
    return Math.toIntExact(elements / runRows);
  }

  private void checkType(MethodOutput output, OnnxTensor tensor) {
    OnnxJavaType actual = tensor.getInfo().type;
    OnnxJavaType expected =
        switch (output.type()) {
          case FLOAT -> OnnxJavaType.FLOAT;
          case DOUBLE -> OnnxJavaType.DOUBLE;
          case INT64 -> OnnxJavaType.INT64;
          case INT32 -> OnnxJavaType.INT32;
          case INT16 -> OnnxJavaType.INT16;
          case INT8 -> OnnxJavaType.INT8;
          case UINT8 -> OnnxJavaType.UINT8;
          case BOOL -> OnnxJavaType.BOOL;
          case STRING -> OnnxJavaType.STRING;
        };
    if (actual != expected) {
      throw failure(
          "returned "
              + actual
              + " values for output '"
              + output.name()
              + "', whose signature says "
              + output.type()
              + "; the stored signature does not match the model");
    }
  }

  /** Flattens the String, String[], String[][]... that ONNX Runtime returns for strings. */
  private static String[] flatten(Object value) {
    if (value instanceof String text) {
      return new String[] {text};
    }
    if (value instanceof String[] strings) {
      return strings;
    }
    List<String> flat = new ArrayList<>();
    int length = Array.getLength(value);
    for (int index = 0; index < length; index++) {
      flat.addAll(List.of(flatten(Array.get(value, index))));
    }
    return flat.toArray(String[]::new);
  }

  private ModelInvocationException failure(String what) {
    return new ModelInvocationException("Method " + method + " " + what);
  }
}
