package io.quiver.planner;

import static java.util.Objects.requireNonNull;

import io.quiver.catalog.ObjectName;
import io.quiver.catalog.model.ResolvedModelVersion;
import io.quiver.runtime.signature.ArgumentLayout;
import io.quiver.runtime.signature.ElementType;
import io.quiver.runtime.signature.ExpectedArgument;
import io.quiver.runtime.signature.MethodOutput;
import io.quiver.runtime.signature.MethodSignature;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.calcite.adapter.enumerable.CallImplementor;
import org.apache.calcite.adapter.enumerable.RexImpTable;
import org.apache.calcite.adapter.enumerable.RexToLixTranslator;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableFunction;
import org.apache.calcite.schema.ScalarFunction;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A model method as a SQL function: its parameters are the arguments one way of calling it takes
 * (see {@link ArgumentLayout}), and it returns a ROW with one field per model output.
 *
 * <p>Queries run model calls in batches through {@link ModelEvalRel}; this function's own
 * implementation, one row at a time, serves where a call is left in an expression that the batching
 * rule does not reach, such as a join condition.
 */
public final class ModelFunction implements ScalarFunction, ImplementableFunction {
  private final ResolvedModelVersion version;
  private final MethodSignature method;
  private final ArgumentLayout layout;

  ModelFunction(ResolvedModelVersion version, MethodSignature method, ArgumentLayout layout) {
    this.version = requireNonNull(version, "version is null");
    this.method = requireNonNull(method, "method is null");
    this.layout = requireNonNull(layout, "layout is null");
  }

  /** What a call of this overload runs; registered when a statement first uses it. */
  public ModelCallTarget target() {
    return ModelCallTargets.register(version, method, layout);
  }

  /**
   * What errors say of the called version: "Call of model QUIVER.PUBLIC.IRIS version V1: method
   * PREDICT takes PREDICT(X column 1 REAL, ...)".
   */
  String describeCall() {
    return describeCall(version, layout);
  }

  static String describeCall(ResolvedModelVersion version, ArgumentLayout layout) {
    return callOf(version)
        + ": method "
        + layout.signature().method()
        + " takes "
        + layout.describe();
  }

  /** How errors begin that are about a call: "Call of model QUIVER.PUBLIC.IRIS version V1". */
  static String callOf(ResolvedModelVersion version) {
    return "Call of model " + version.model() + " version " + ObjectName.quote(version.version());
  }

  @Override
  public List<FunctionParameter> getParameters() {
    List<FunctionParameter> parameters = new ArrayList<>();
    for (ExpectedArgument argument : layout.arguments()) {
      parameters.add(parameter(argument));
    }
    return parameters;
  }

  /** The types of the parameters, in call order. */
  List<RelDataType> parameterTypes(RelDataTypeFactory typeFactory) {
    List<RelDataType> types = new ArrayList<>();
    for (FunctionParameter parameter : getParameters()) {
      types.add(parameter.getType(typeFactory));
    }
    return types;
  }

  private static FunctionParameter parameter(ExpectedArgument argument) {
    String name = argument.parameterName();
    return new FunctionParameter() {
      @Override
      public int getOrdinal() {
        return argument.position() - 1;
      }

      @Override
      public String getName() {
        return name;
      }

      @Override
      public RelDataType getType(RelDataTypeFactory typeFactory) {
        RelDataType element = sqlType(typeFactory, argument.type());
        return argument.isArray() ? typeFactory.createArrayType(element, -1) : element;
      }

      @Override
      public boolean isOptional() {
        return false;
      }
    };
  }

  /**
   * A ROW with a field for each output, named in upper case so that unquoted names find it as they
   * find a column, wherever the result goes; an output whose upper-case name another output has too
   * keeps its own.
   */
  @Override
  public RelDataType getReturnType(RelDataTypeFactory typeFactory) {
    Map<String, Long> upperCaseNames =
        method.outputs().stream()
            .collect(
                Collectors.groupingBy(
                    output -> output.name().toUpperCase(Locale.ROOT), Collectors.counting()));
    RelDataTypeFactory.Builder row = typeFactory.builder();
    for (MethodOutput output : method.outputs()) {
      String upperCase = output.name().toUpperCase(Locale.ROOT);
      String name = upperCaseNames.get(upperCase) == 1 ? upperCase : output.name();
      row.add(name, typeFactory.createTypeWithNullability(type(typeFactory, output), true));
    }
    return row.build();
  }

  private static RelDataType type(RelDataTypeFactory typeFactory, MethodOutput output) {
    switch (output.kind()) {
      case ZIPMAP:
        RelDataType key = sqlType(typeFactory, output.keyType());
        return typeFactory.createMapType(key, typeFactory.createSqlType(SqlTypeName.DOUBLE));
      default:
        RelDataType element = sqlType(typeFactory, output.type());
        return output.returnsScalar() ? element : typeFactory.createArrayType(element, -1);
    }
  }

  /** The SQL type of an ONNX element type, as Quiver maps them. */
  static RelDataType sqlType(RelDataTypeFactory typeFactory, ElementType type) {
    switch (type) {
      case FLOAT:
        return typeFactory.createSqlType(SqlTypeName.REAL);
      case DOUBLE:
        return typeFactory.createSqlType(SqlTypeName.DOUBLE);
      case INT64:
        return typeFactory.createSqlType(SqlTypeName.BIGINT);
      case INT32:
        return typeFactory.createSqlType(SqlTypeName.INTEGER);
      case INT16:
      case UINT8:
        return typeFactory.createSqlType(SqlTypeName.SMALLINT);
      case INT8:
        return typeFactory.createSqlType(SqlTypeName.TINYINT);
      case BOOL:
        return typeFactory.createSqlType(SqlTypeName.BOOLEAN);
      default:
        return typeFactory.createSqlType(SqlTypeName.VARCHAR);
    }
  }

  @Override
  public CallImplementor getImplementor() {
    return (RexToLixTranslator translator, RexCall call, RexImpTable.NullAs nullAs) -> {
      List<Expression> arguments = new ArrayList<>();
      for (Expression argument : translator.translateList(call.getOperands())) {
        arguments.add(Expressions.box(argument));
      }
      return Expressions.call(
          ModelCallRuntime.class,
          "invokeOne",
          Expressions.constant(target().key()),
          Expressions.newArrayInit(Object.class, arguments));
    };
  }

  @Override
  public String toString() {
    return version.model() + "!" + method.method();
  }
}
