package io.quiver.runtime;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the ONNX TensorProto files of the ONNX backend node tests: just the fields those tests use
 * (dims, data_type, typed data, raw_data), decoded from the protobuf wire format.
 */
final class TensorProtoReader {
  /** A decoded tensor: its shape and its values, flat in row-major order. */
  record Tensor(List<Long> shape, List<Object> values) {}

  private static final int FLOAT = 1;
  private static final int UINT8 = 2;
  private static final int INT8 = 3;
  private static final int INT16 = 5;
  private static final int INT32 = 6;
  private static final int INT64 = 7;
  private static final int STRING = 8;
  private static final int BOOL = 9;
  private static final int DOUBLE = 11;

  private final ByteBuffer bytes;
  private final List<Long> shape = new ArrayList<>();
  private final List<Object> values = new ArrayList<>();
  private int dataType;
  private ByteBuffer raw;

  private TensorProtoReader(byte[] proto) {
    this.bytes = ByteBuffer.wrap(proto).order(ByteOrder.LITTLE_ENDIAN);
  }

  static Tensor read(byte[] proto) {
    TensorProtoReader reader = new TensorProtoReader(proto);
    reader.readFields();
    if (reader.raw != null) {
      reader.readRaw();
    }
    return new Tensor(List.copyOf(reader.shape), reader.values);
  }

  private void readFields() {
    while (bytes.hasRemaining()) {
      long key = varint(bytes);
      int field = (int) (key >>> 3);
      int wireType = (int) (key & 7);
      if (wireType == 0) {
        long value = varint(bytes);
        if (field == 1) {
          shape.add(value);
        } else if (field == 2) {
          dataType = (int) value;
        } else if (field == 5 || field == 7) {
          values.add(typed(value));
        }
      } else if (wireType == 2) {
        ByteBuffer content = slice(bytes, (int) varint(bytes));
        readLengthDelimited(field, content);
      } else if (wireType == 5) {
        bytes.getInt();
      } else if (wireType == 1) {
        bytes.getLong();
      } else {
        throw new IllegalArgumentException("Unexpected protobuf wire type " + wireType);
      }
    }
  }

  private void readLengthDelimited(int field, ByteBuffer content) {
    switch (field) {
      case 1 -> packedVarints(content).forEach(shape::add);
      case 4 -> {
        while (content.hasRemaining()) {
          values.add(content.getFloat());
        }
      }
      case 5, 7 -> packedVarints(content).forEach(value -> values.add(typed(value)));
      case 6 -> values.add(StandardCharsets.UTF_8.decode(content).toString());
      case 9 -> raw = content;
      case 10 -> {
        while (content.hasRemaining()) {
          values.add(content.getDouble());
        }
      }
      default -> {}
    }
  }

  private void readRaw() {
    while (raw.hasRemaining()) {
      values.add(
          switch (dataType) {
            case FLOAT -> raw.getFloat();
            case DOUBLE -> raw.getDouble();
            case INT64 -> raw.getLong();
            case INT32 -> (long) raw.getInt();
            case INT16 -> (long) raw.getShort();
            case INT8 -> (long) raw.get();
            case UINT8 -> (long) Byte.toUnsignedInt(raw.get());
            case BOOL -> raw.get() != 0;
            default -> throw new IllegalArgumentException("Raw data of type " + dataType);
          });
    }
  }

  private Object typed(long value) {
    return switch (dataType) {
      case BOOL -> value != 0;
      case STRING, FLOAT, DOUBLE -> throw new IllegalArgumentException("Varint for " + dataType);
      default -> value;
    };
  }

  private static List<Long> packedVarints(ByteBuffer content) {
    List<Long> result = new ArrayList<>();
    while (content.hasRemaining()) {
      result.add(varint(content));
    }
    return result;
  }

  private static ByteBuffer slice(ByteBuffer buffer, int length) {
    ByteBuffer content = buffer.slice(buffer.position(), length).order(ByteOrder.LITTLE_ENDIAN);
    buffer.position(buffer.position() + length);
    return content;
  }

  private static long varint(ByteBuffer buffer) {
    long result = 0;
    for (int shift = 0; ; shift += 7) {
      byte next = buffer.get();
      result |= (long) (next & 0x7f) << shift;
      if ((next & 0x80) == 0) {
        return result;
      }
    }
  }
}
