package io.quiver.planner;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
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

  /**
   * The outputs as columns, named in upper case so that unquoted names find them, as they find a
   * table's columns; an output whose upper-case name another output has too keeps its own.
   */
  @Override
  public RelDataType getRowType(
      RelDataTypeFactory typeFactory, List<? extends @Nullable Object> arguments) {
    List<RelDataTypeField> outputs = scalar.getReturnType(typeFactory).getFieldList();
    Map<String, Long> upperCaseNames =
        outputs.stream()
            .collect(
                Collectors.groupingBy(
                    output -> output.getName().toUpperCase(Locale.ROOT), Collectors.counting()));
    RelDataTypeFactory.Builder columns = typeFactory.builder();
    for (RelDataTypeField output : outputs) {
      String upperCase = output.getName().toUpperCase(Locale.ROOT);
      columns.add(
          upperCaseNames.get(upperCase) == 1 ? upperCase : output.getName(), output.getType());
    }
    return columns.build();
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
