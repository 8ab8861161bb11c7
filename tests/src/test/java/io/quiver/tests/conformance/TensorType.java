package io.quiver.tests.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.function.Predicate;

/**
 * An element type of model inputs and outputs, under the three names it goes by: ONNX's name as
 * Quiver shows it in a signature, the dtype name of expected.json, and the number of the ONNX
 * TensorProto data type. Each maps to the SQL type Quiver gives it and the Java class its values
 * come back as over JDBC.
 */
enum TensorType {
  FLOAT("float", "float32", 1, "REAL", Float.class),
  DOUBLE("double", "float64", 11, "DOUBLE", Double.class),
  INT64("int64", "int64", 7, "BIGINT", Long.class),
  INT32("int32", "int32", 6, "INTEGER", Integer.class),
  INT16("int16", "int16", 5, "SMALLINT", Short.class),
  INT8("int8", "int8", 3, "TINYINT", Byte.class),
  UINT8("uint8", "uint8", 2, "SMALLINT", Short.class),
  BOOL("bool", "bool", 9, "BOOLEAN", Boolean.class),
  STRING("string", "string", 8, "VARCHAR", String.class);

  private final String onnxName;
  private final String dtype;
  private final int protoNumber;
  private final String sqlType;
  private final Class<?> javaClass;

  TensorType(String onnxName, String dtype, int protoNumber, String sqlType, Class<?> javaClass) {
    this.onnxName = onnxName;
    this.dtype = dtype;
    this.protoNumber = protoNumber;
    this.sqlType = sqlType;
    this.javaClass = javaClass;
  }

  /** The type Quiver shows in a signature: "float", "int64", ... */
  static TensorType ofOnnxName(String onnxName) {
    return find(type -> type.onnxName.equals(onnxName), "ONNX element type " + onnxName);
  }

  /** The type of an expected.json tensor: "float32", "int64", ... */
  static TensorType ofDtype(String dtype) {
    return find(type -> type.dtype.equals(dtype), "expected.json dtype " + dtype);
  }

  /** The type of a TensorProto, by its data_type field. */
  static TensorType ofProtoNumber(long protoNumber) {
    return find(type -> type.protoNumber == protoNumber, "TensorProto data type " + protoNumber);
  }

  private static TensorType find(Predicate<TensorType> matches, String description) {
    return Arrays.stream(values())
        .filter(matches)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unsupported " + description));
  }

  int protoNumber() {
    return protoNumber;
  }

  String sqlType() {
    return sqlType;
  }

  Class<?> javaClass() {
    return javaClass;
  }

  boolean isFloatingPoint() {
    return this == FLOAT || this == DOUBLE;
  }

  /** A value of expected.json as the Java class of this type. */
  Object valueOf(JsonNode value) {
    return switch (this) {
      case FLOAT -> (float) value.asDouble();
      case DOUBLE -> value.asDouble();
      case STRING -> value.asText();
      case BOOL -> value.asBoolean();
      default -> valueOf(value.asLong());
    };
  }

  /** An integer or bool, as read from a protobuf varint, as the Java class of this type. */
  Object valueOf(long value) {
    return switch (this) {
      case INT64 -> value;
      case INT32 -> (int) value;
      case INT16, UINT8 -> (short) value;
      case INT8 -> (byte) value;
      case BOOL -> value != 0;
      default -> throw new IllegalArgumentException("A " + this + " is not an integer");
    };
  }

  @Override
  public String toString() {
    return onnxName;
  }
}
