package io.quiver.runtime.signature;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One output of a model method.
 *
 * <p>A {@link OutputKind#TENSOR} output has a {@code type} and a {@code shape} whose first
 * dimension is the batch. A {@link OutputKind#ZIPMAP} output is a sequence with one map per row; it
 * has a {@code keyType} (int64 or string) and a {@code valueType}, no {@code type}, and the shape
 * [-1].
 */
@JsonPropertyOrder({"name", "kind", "type", "shape", "keyType", "valueType"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MethodOutput(
    String name,
    OutputKind kind,
    ElementType type,
    List<Long> shape,
    ElementType keyType,
    ElementType valueType) {
  public MethodOutput {
    requireNonNull(name, "name is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(shape, "shape is null");
    shape = Shapes.checked(shape, "Output '" + name + "'");
    if (kind == OutputKind.TENSOR) {
      requireNonNull(type, "type is null");
      if (keyType != null || valueType != null) {
        throw new IllegalArgumentException(
            "Tensor output '" + name + "' cannot have a keyType or valueType");
      }
    } else {
      requireNonNull(keyType, "keyType is null");
      requireNonNull(valueType, "valueType is null");
      checkZipMapTypes(name, type, keyType, valueType);
    }
  }

  public static MethodOutput tensor(String name, ElementType type, List<Long> shape) {
    return new MethodOutput(name, OutputKind.TENSOR, type, shape, null, null);
  }

  public static MethodOutput zipMap(String name, ElementType keyType, ElementType valueType) {
    return new MethodOutput(name, OutputKind.ZIPMAP, null, List.of(-1L), keyType, valueType);
  }

  /**
   * Values one row receives from a tensor output: 1 for a scalar ([N] or [N,1]), K for [N,K] or any
   * shape whose dimensions after the first multiply to K, -1 when one of them is symbolic. A ZipMap
   * output gives one map per row and answers 1.
   */
  public int valuesPerRow() {
    return kind == OutputKind.ZIPMAP ? 1 : Shapes.valuesPerRow(shape);
  }

  /** Whether each row receives a single value rather than an array. */
  public boolean returnsScalar() {
    return kind == OutputKind.TENSOR && valuesPerRow() == 1;
  }

  /** The SQL type shown for this output: BIGINT, ARRAY(REAL), MAP(VARCHAR, DOUBLE), ... */
  public String sqlTypeName() {
    if (kind == OutputKind.ZIPMAP) {
      return "MAP(" + keyType.sqlTypeName() + ", DOUBLE)";
    }
    return returnsScalar() ? type.sqlTypeName() : "ARRAY(" + type.sqlTypeName() + ")";
  }

  private static void checkZipMapTypes(
      String name, ElementType type, ElementType keyType, ElementType valueType) {
    if (type != null) {
      throw new IllegalArgumentException(
          "ZipMap output '" + name + "' has keyType and valueType, not type");
    }
    if (keyType != ElementType.INT64 && keyType != ElementType.STRING) {
      throw new IllegalArgumentException(
          "ZipMap output '" + name + "' has key type " + keyType + "; valid: int64, string");
    }
    if (!valueType.isFloatingPoint()) {
      throw new IllegalArgumentException(
          "ZipMap output '" + name + "' has value type " + valueType + "; valid: float, double");
    }
  }
}
