package io.quiver.planner;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.Type;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.TableFunction;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A model method called in a FROM clause, {@code TABLE(m!predict(a, b))}: one row for each call,
 * with a column for each model output. It is only ever planned, never run: {@link
 * ModelTableCallProgram} turns each such call into the scalar call of {@link #scalar()} beside the
 * rows whose columns it reads, so that it runs in batches like any other model call.
 */
public final class ModelTableFunction implements TableFunction {
  private final ModelFunction scalar;

  ModelTableFunction(ModelFunction scalar) {
    this.scalar = requireNonNull(scalar, "scalar is null");
  }

  /** The same method and overload called as a scalar function, returning a ROW. */
  public ModelFunction scalar() {
    return scalar;
  }

  @Override
  public List<FunctionParameter> getParameters() {
    return scalar.getParameters();
  }

  /** The outputs as columns, named as the fields of the scalar call's ROW. */
  @Override
  public RelDataType getRowType(
      RelDataTypeFactory typeFactory, List<? extends @Nullable Object> arguments) {
    return scalar.getReturnType(typeFactory);
  }

  @Override
  public Type getElementType(List<? extends @Nullable Object> arguments) {
    return Object[].class;
  }

  @Override
  public String toString() {
    return "TABLE(" + scalar + ")";
  }
}
