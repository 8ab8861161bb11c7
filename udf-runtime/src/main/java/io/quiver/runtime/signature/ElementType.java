package io.quiver.runtime.signature;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Element type of a model input or output tensor, named as ONNX names it.
 *
 * <p>uint8 is shown as SMALLINT rather than TINYINT because TINYINT is signed in SQL and could not
 * hold the values 128 to 255.
 */
public enum ElementType {
  FLOAT("float", "REAL", Float.class),
  DOUBLE("double", "DOUBLE", Double.class),
  INT64("int64", "BIGINT", Long.class),
  INT32("int32", "INTEGER", Integer.class),
  INT16("int16", "SMALLINT", Short.class),
  INT8("int8", "TINYINT", Byte.class),
  UINT8("uint8", "SMALLINT", Short.class),
  BOOL("bool", "BOOLEAN", Boolean.class),
  STRING("string", "VARCHAR", String.class);

  private final String onnxName;
  private final String sqlTypeName;
  private final Class<?> javaClass;

  ElementType(String onnxName, String sqlTypeName, Class<?> javaClass) {
    this.onnxName = onnxName;
    this.sqlTypeName = sqlTypeName;
    this.javaClass = javaClass;
  }

  /** The ONNX name of the type, as stored in signature JSON: "float", "int64", ... */
  @JsonValue
  public String onnxName() {
    return onnxName;
  }

  /** The SQL type that values of this type are shown as: REAL, BIGINT, VARCHAR, ... */
  public String sqlTypeName() {
    return sqlTypeName;
  }

  /** The Java class of decoded values of this type (Float, Long, Short for uint8, ...). */
  public Class<?> javaClass() {
    return javaClass;
  }

  /** Whether NULL can be passed as NaN, the missing-value convention of tree models. */
  public boolean isFloatingPoint() {
    return this == FLOAT || this == DOUBLE;
  }

  /** Whether the type is a signed or unsigned integer type. */
  public boolean isIntegral() {
    return minimum().isPresent();
  }

  /** The smallest value of an integer type, empty for other types. */
  public Optional<Long> minimum() {
    return switch (this) {
      case INT64 -> Optional.of(Long.MIN_VALUE);
      case INT32 -> Optional.of((long) Integer.MIN_VALUE);
      case INT16 -> Optional.of((long) Short.MIN_VALUE);
      case INT8 -> Optional.of((long) Byte.MIN_VALUE);
      case UINT8 -> Optional.of(0L);
      default -> Optional.empty();
    };
  }

  /** The largest value of an integer type, empty for other types. */
  public Optional<Long> maximum() {
    return switch (this) {
      case INT64 -> Optional.of(Long.MAX_VALUE);
      case INT32 -> Optional.of((long) Integer.MAX_VALUE);
      case INT16 -> Optional.of((long) Short.MAX_VALUE);
      case INT8 -> Optional.of((long) Byte.MAX_VALUE);
      case UINT8 -> Optional.of(255L);
      default -> Optional.empty();
    };
  }

  /** Reads an ONNX type name as written by {@link #onnxName()}. */
  @JsonCreator
  public static ElementType fromOnnxName(String onnxName) {
    for (ElementType type : values()) {
      if (type.onnxName.equals(onnxName)) {
        return type;
      }
    }
    String choices =
        Arrays.stream(values()).map(ElementType::onnxName).collect(Collectors.joining(", "));
    throw new IllegalArgumentException(
        "Unknown element type '" + onnxName + "'; valid types are " + choices);
  }

  @Override
  public String toString() {
    return onnxName;
  }
}
