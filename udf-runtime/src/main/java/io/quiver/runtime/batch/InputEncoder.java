package io.quiver.runtime.batch;

import static java.nio.ByteOrder.nativeOrder;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import io.quiver.runtime.InvalidArgumentException;
import io.quiver.runtime.session.OnnxEnvironment;
import io.quiver.runtime.signature.ElementType;
import io.quiver.runtime.signature.ExpectedArgument;
import io.quiver.runtime.signature.InputBinding;
import io.quiver.runtime.signature.MethodInput;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.types.Types.MinorType;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * Encodes the arguments of a run into one model input.
 *
 * <p>Numbers and booleans go into a {@link FixedSizeListVector} with one list of K values per row,
 * so that the data buffer of its child vector holds the tensor contiguously in row-major order;
 * ONNX Runtime then reads that buffer in place. Strings go into a String array, the only form ONNX
 * Runtime takes them in.
 */
final class InputEncoder {
  private final InputBinding binding;
  private final List<ExpectedArgument> arguments;
  private final ElementType type;

  InputEncoder(InputBinding binding, List<ExpectedArgument> arguments) {
    this.binding = binding;
    this.arguments = List.copyOf(arguments);
    this.type = binding.input().type();
  }

  EncodedInput encode(RunRows rows, ArgumentSite site, BufferAllocator allocator)
      throws OrtException {
    int valuesPerRow = valuesPerRow(rows, site);
    long[] shape = tensorShape(rows.runRows(), valuesPerRow);
    if (type == ElementType.STRING) {
      return encodeStrings(rows, valuesPerRow, shape, site);
    }
    return encodeInArrow(rows, valuesPerRow, shape, site, allocator);
  }

  private EncodedInput encodeStrings(
      RunRows rows, int valuesPerRow, long[] shape, ArgumentSite site) throws OrtException {
    String[] values = new String[rows.runRows() * valuesPerRow];
    fill(
        rows,
        valuesPerRow,
        site,
        (i, value) -> values[i] = ArgumentValues.toText(value, type, site));

    OnnxTensor tensor = OnnxTensor.createTensor(OnnxEnvironment.get(), values, shape);
    return new EncodedInput(binding.input().name(), null, tensor);
  }

  private EncodedInput encodeInArrow(
      RunRows rows, int valuesPerRow, long[] shape, ArgumentSite site, BufferAllocator allocator)
      throws OrtException {
    String name = binding.input().name();
    FixedSizeListVector vector = FixedSizeListVector.empty(name, valuesPerRow, allocator);
    try {
      BaseFixedWidthVector values = allocate(vector, rows.runRows());
      if (!copyNumericColumns(rows, values)) {
        fill(rows, valuesPerRow, site, writer(values, site));
      }
      for (int row = 0; row < rows.runRows(); row++) {
        vector.setNotNull(row);
      }
      vector.setValueCount(rows.runRows());

      long bytes = (long) rows.runRows() * valuesPerRow * values.getTypeWidth();
      ByteBuffer data = values.getDataBuffer().nioBuffer(0, Math.toIntExact(bytes));
      OnnxTensor tensor = tensor(OnnxEnvironment.get(), data.order(ByteOrder.nativeOrder()), shape);
      return new EncodedInput(name, vector, tensor);
    } catch (RuntimeException | OrtException e) {
      vector.close();
      throw e;
    }
  }

  private BaseFixedWidthVector allocate(FixedSizeListVector vector, int rows) {
    FieldType valueType = FieldType.notNullable(minorType().getType());
    BaseFixedWidthVector values =
        (BaseFixedWidthVector) vector.addOrGetVector(valueType).getVector();
    vector.setInitialCapacity(rows);
    vector.allocateNew();
    return values;
  }

  private MinorType minorType() {
    return switch (type) {
      case FLOAT -> MinorType.FLOAT4;
      case DOUBLE -> MinorType.FLOAT8;
      case INT64 -> MinorType.BIGINT;
      case INT32 -> MinorType.INT;
      case INT16 -> MinorType.SMALLINT;
      case INT8 -> MinorType.TINYINT;
      case UINT8, BOOL -> MinorType.UINT1;
      case STRING -> throw new IllegalStateException("Strings are not kept in Arrow vectors");
    };
  }

  private ElementWriter writer(BaseFixedWidthVector values, ArgumentSite site) {
    return switch (type) {
      case FLOAT ->
          (i, value) -> ((Float4Vector) values).set(i, ArgumentValues.toFloat(value, type, site));
      case DOUBLE ->
          (i, value) -> ((Float8Vector) values).set(i, ArgumentValues.toDouble(value, type, site));
      case INT64 ->
          (i, value) -> ((BigIntVector) values).set(i, ArgumentValues.toLong(value, type, site));
      case INT32 ->
          (i, value) -> ((IntVector) values).set(i, (int) ArgumentValues.toLong(value, type, site));
      case INT16 ->
          (i, value) ->
              ((SmallIntVector) values).set(i, (short) ArgumentValues.toLong(value, type, site));
      case INT8 ->
          (i, value) ->
              ((TinyIntVector) values).set(i, (byte) ArgumentValues.toLong(value, type, site));
      case UINT8 ->
          (i, value) ->
              ((UInt1Vector) values).set(i, (int) ArgumentValues.toLong(value, type, site));
      case BOOL ->
          (i, value) ->
              ((UInt1Vector) values).set(i, ArgumentValues.toBoolean(value, type, site) ? 1 : 0);
      case STRING -> throw new IllegalStateException("Strings are not kept in Arrow vectors");
    };
  }

  private OnnxTensor tensor(OrtEnvironment environment, ByteBuffer data, long[] shape)
      throws OrtException {
    return switch (type) {
      case FLOAT -> OnnxTensor.createTensor(environment, data.asFloatBuffer(), shape);
      case DOUBLE -> OnnxTensor.createTensor(environment, data.asDoubleBuffer(), shape);
      case INT64 -> OnnxTensor.createTensor(environment, data.asLongBuffer(), shape);
      case INT32 -> OnnxTensor.createTensor(environment, data.asIntBuffer(), shape);
      case INT16 -> OnnxTensor.createTensor(environment, data.asShortBuffer(), shape);
      case INT8 -> OnnxTensor.createTensor(environment, data, shape, OnnxJavaType.INT8);
      case UINT8 -> OnnxTensor.createTensor(environment, data, shape, OnnxJavaType.UINT8);
      case BOOL -> OnnxTensor.createTensor(environment, data, shape, OnnxJavaType.BOOL);
      case STRING -> throw new IllegalStateException("Strings are not kept in Arrow vectors");
    };
  }

  /**
   * Copies REAL and DOUBLE columns of a scan into a float or double input, row by row, without
   * boxing; NULLs are NaN there already. Returns false, having written nothing, when the run's
   * arguments are not such columns.
   */
  private boolean copyNumericColumns(RunRows rows, BaseFixedWidthVector values) {
    int first = binding.firstArgument();
    int width = binding.argumentCount();
    if (binding.fromArray()
        || !(type == ElementType.FLOAT || type == ElementType.DOUBLE)
        || !(rows.arguments() instanceof ArgumentColumns columns)
        || !columns.numeric(first, width)) {
      return false;
    }

    int count = rows.runRows() * width;
    ByteBuffer data =
        values.getDataBuffer().nioBuffer(0, count * values.getTypeWidth()).order(nativeOrder());
    if (type == ElementType.FLOAT) {
      FloatBuffer tensor = data.asFloatBuffer();
      for (int row = 0; row < rows.runRows(); row++) {
        int source = rows.source(row);
        for (int column = 0; column < width; column++) {
          tensor.put(columns.floatAt(first + column, source));
        }
      }
    } else {
      DoubleBuffer tensor = data.asDoubleBuffer();
      for (int row = 0; row < rows.runRows(); row++) {
        int source = rows.source(row);
        for (int column = 0; column < width; column++) {
          tensor.put(columns.doubleAt(first + column, source));
        }
      }
    }
    values.getValidityBuffer().setOne(0, BitVectorHelper.getValidityBufferSize(count));
    return true;
  }

  /** Walks the values of every row of the run, moving the site along for error messages. */
  private void fill(RunRows rows, int valuesPerRow, ArgumentSite site, ElementWriter writer) {
    for (int row = 0; row < rows.runRows(); row++) {
      long rowNumber = rows.rowNumber(row);
      int first = row * valuesPerRow;
      if (binding.fromArray()) {
        site.moveTo(this.arguments.get(0), 0, rowNumber);
        Object array = rows.value(row, binding.firstArgument());
        List<?> elements = elements(array, valuesPerRow, site);
        for (int element = 0; element < valuesPerRow; element++) {
          site.moveToElement(element + 1);
          writer.write(first + element, elements == null ? null : elements.get(element));
        }
      } else {
        for (int column = 0; column < valuesPerRow; column++) {
          site.moveTo(this.arguments.get(column), 0, rowNumber);
          writer.write(first + column, rows.value(row, binding.firstArgument() + column));
        }
      }
    }
  }

  /** The elements of an array argument; null for NULL, which each element then stands for. */
  private static List<?> elements(Object value, int expectedLength, ArgumentSite site) {
    if (value == null) {
      return null;
    }
    List<?> elements;
    if (value instanceof List<?> list) {
      elements = list;
    } else if (value instanceof Object[] array) {
      elements = Arrays.asList(array);
    } else {
      throw site.notAnArray(value);
    }
    if (elements.size() != expectedLength) {
      throw site.wrongLength(elements.size(), expectedLength);
    }
    return elements;
  }

  /** The row length: fixed by the layout, or taken from the array arguments of this run. */
  private int valuesPerRow(RunRows rows, ArgumentSite site) {
    if (binding.valuesPerRow() >= 0) {
      return binding.valuesPerRow();
    }
    for (int row = 0; row < rows.count(); row++) {
      Object value = rows.value(row, binding.firstArgument());
      if (value instanceof List<?> list) {
        return list.size();
      } else if (value instanceof Object[] array) {
        return array.length;
      } else if (value != null) {
        site.moveTo(arguments.get(0), 0, rows.rowNumber(row));
        throw site.notAnArray(value);
      }
    }
    site.moveTo(arguments.get(0), 0, rows.firstRowNumber());
    throw new InvalidArgumentException(
        site.describe()
            + " is NULL in every row of a batch, so the length of input '"
            + binding.input().name()
            + "' is unknown");
  }

  /** The input's declared shape with the batch size and any symbolic dimension filled in. */
  private long[] tensorShape(int rows, int valuesPerRow) {
    MethodInput input = binding.input();
    long[] shape = input.shape().stream().mapToLong(Long::longValue).toArray();
    shape[0] = rows;
    if (shape.length == 1) {
      return shape;
    }

    int symbolic = -1;
    long known = 1;
    for (int dimension = 1; dimension < shape.length; dimension++) {
      if (shape[dimension] >= 0) {
        known *= shape[dimension];
      } else if (symbolic < 0) {
        symbolic = dimension;
      } else {
        throw new InvalidArgumentException(
            "Input '"
                + input.name()
                + "' has shape "
                + input.shape()
                + "; Quiver can fill in only one symbolic dimension after the batch");
      }
    }
    if (symbolic > 0) {
      if (known == 0 || valuesPerRow % known != 0) {
        throw new InvalidArgumentException(
            "Input '"
                + input.name()
                + "' has shape "
                + input.shape()
                + ", which rows of "
                + valuesPerRow
                + " values cannot fill");
      }
      shape[symbolic] = valuesPerRow / known;
    }
    return shape;
  }

  @FunctionalInterface
  private interface ElementWriter {
    void write(int index, Object value);
  }
}
