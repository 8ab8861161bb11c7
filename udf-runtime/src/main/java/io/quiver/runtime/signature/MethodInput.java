package io.quiver.runtime.signature;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One input of a model method: a tensor whose first dimension is the batch of rows.
 *
 * @param name the input name in the model
 * @param type the element type
 * @param shape the dimensions, -1 for a symbolic (dynamic) one
 */
@JsonPropertyOrder({"name", "type", "shape"})
public record MethodInput(String name, ElementType type, List<Long> shape) {
  public MethodInput {
    requireNonNull(name, "name is null");
    requireNonNull(type, "type is null");
    requireNonNull(shape, "shape is null");
    shape = Shapes.checked(shape, "Input '" + name + "'");
  }

  /** Values one row feeds into this input; -1 when a dimension after the first is symbolic. */
  public int valuesPerRow() {
    return Shapes.valuesPerRow(shape);
  }

  /** The fixed number of rows per run if the first dimension is fixed, else -1. */
  public long fixedBatchSize() {
    return shape.isEmpty() ? -1 : shape.get(0);
  }

  /** The SQL type of the argument that fills this input: a scalar or an ARRAY of the type. */
  public String sqlTypeName() {
    return valuesPerRow() == 1 ? type.sqlTypeName() : "ARRAY(" + type.sqlTypeName() + ")";
  }
}
