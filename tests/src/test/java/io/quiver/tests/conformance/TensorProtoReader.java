package io.quiver.tests.conformance;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the ONNX TensorProto files of the ONNX backend node tests from the protobuf wire format:
 * the dims, data_type, typed data and raw_data fields, which are all those tests use.
 */
final class TensorProtoReader {
  private static final int DIMS = 1;
  private static final int DATA_TYPE = 2;
  private static final int FLOAT_DATA = 4;
  private static final int INT32_DATA = 5;
  private static final int STRING_DATA = 6;
  private static final int INT64_DATA = 7;
  private static final int RAW_DATA = 9;
  private static final int DOUBLE_DATA = 10;

  private static final int VARINT = 0;
  private static final int FIXED64 = 1;
  private static final int LENGTH_DELIMITED = 2;
  private static final int FIXED32 = 5;

  private final List<Long> shape = new ArrayList<>();
  private final List<Object> values = new ArrayList<>();
  private final List<Long> integers = new ArrayList<>();
  private TensorType type;
  private ByteBuffer raw;

  private TensorProtoReader() {}

  static Tensor read(byte[] proto) {
    TensorProtoReader reader = new TensorProtoReader();
    ByteBuffer bytes = ByteBuffer.wrap(proto).order(ByteOrder.LITTLE_ENDIAN);
    while (bytes.hasRemaining()) {
      reader.readField(bytes);
    }

    return reader.tensor();
  }

  private Tensor tensor() {
    if (raw != null) {
      while (raw.hasRemaining()) {
        values.add(rawValue());
      }
    }
    integers.forEach(integer -> values.add(type.valueOf(integer)));
    return new Tensor(type, shape, values);
  }

  private void readField(ByteBuffer bytes) {
    long key = varint(bytes);
    int field = (int) (key >>> 3);
    int wireType = (int) (key & 7);
    switch (wireType) {
      case VARINT -> readVarintField(field, varint(bytes));
      case LENGTH_DELIMITED -> readLengthDelimited(field, slice(bytes, (int) varint(bytes)));
      case FIXED32 -> readFixed32(field, bytes.getFloat());
      case FIXED64 -> readFixed64(field, bytes.getDouble());
      default -> throw new IllegalArgumentException("Unexpected protobuf wire type " + wireType);
    }
  }

  private void readVarintField(int field, long value) {
    switch (field) {
      case DIMS -> shape.add(value);
      case DATA_TYPE -> type = TensorType.ofProtoNumber(value);
      case INT32_DATA, INT64_DATA -> integers.add(value);
      default -> {}
    }
  }

  private void readLengthDelimited(int field, ByteBuffer content) {
    switch (field) {
      case DIMS -> varints(content, shape);
      case FLOAT_DATA -> {
        while (content.hasRemaining()) {
          values.add(content.getFloat());
        }
      }
      case INT32_DATA, INT64_DATA -> varints(content, integers);
      case STRING_DATA -> values.add(StandardCharsets.UTF_8.decode(content).toString());
      case RAW_DATA -> raw = content;
      case DOUBLE_DATA -> {
        while (content.hasRemaining()) {
          values.add(content.getDouble());
        }
      }
      default -> {}
    }
  }

  private void readFixed32(int field, float value) {
    if (field == FLOAT_DATA) {
      values.add(value);
    }
  }

  private void readFixed64(int field, double value) {
    if (field == DOUBLE_DATA) {
      values.add(value);
    }
  }

  private Object rawValue() {
    return switch (type) {
      case FLOAT -> raw.getFloat();
      case DOUBLE -> raw.getDouble();
      case INT64 -> raw.getLong();
      case INT32 -> raw.getInt();
      case INT16 -> raw.getShort();
      case INT8 -> raw.get();
      case UINT8 -> (short) Byte.toUnsignedInt(raw.get());
      case BOOL -> raw.get() != 0;
      case STRING -> throw new IllegalArgumentException("Strings are never raw data");
    };
  }

  private static void varints(ByteBuffer content, List<Long> into) {
    while (content.hasRemaining()) {
      into.add(varint(content));
    }
  }

  private static ByteBuffer slice(ByteBuffer bytes, int length) {
    ByteBuffer content = bytes.slice(bytes.position(), length).order(ByteOrder.LITTLE_ENDIAN);
    bytes.position(bytes.position() + length);
    return content;
  }

  private static long varint(ByteBuffer bytes) {
    long result = 0;
    for (int shift = 0; ; shift += 7) {
      byte next = bytes.get();
      result |= (long) (next & 0x7f) << shift;
      if ((next & 0x80) == 0) {
        return result;
      }
    }
  }
}
