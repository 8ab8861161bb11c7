package io.quiver.planner;

import io.quiver.catalog.model.SystemFunctions;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
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
 * {@code SYSTEM$GET_TAG('tag', 'model', 'MODULE')}, Snowflake's way to read a tag on a model. Its
 * code reads the session from the query's data context, so names resolve as in the session.
 */
final class GetTagFunction implements ScalarFunction, ImplementableFunction {
  static final String NAME = "SYSTEM$GET_TAG";

  private static final List<String> PARAMETERS = List.of("TAG_NAME", "OBJECT_NAME", "DOMAIN");

  @Override
  public List<FunctionParameter> getParameters() {
    List<FunctionParameter> parameters = new ArrayList<>();
    for (int i = 0; i < PARAMETERS.size(); i++) {
      int ordinal = i;
      parameters.add(
          new FunctionParameter() {
            @Override
            public int getOrdinal() {
              return ordinal;
            }

            @Override
            public String getName() {
              return PARAMETERS.get(ordinal);
            }

            @Override
            public RelDataType getType(RelDataTypeFactory typeFactory) {
              return typeFactory.createSqlType(SqlTypeName.VARCHAR);
            }

            @Override
            public boolean isOptional() {
              return false;
            }
          });
    }
    return parameters;
  }

  @Override
  public RelDataType getReturnType(RelDataTypeFactory typeFactory) {
    return typeFactory.createTypeWithNullability(
        typeFactory.createSqlType(SqlTypeName.VARCHAR), true);
  }

  @Override
  public CallImplementor getImplementor() {
    return (RexToLixTranslator translator, RexCall call, RexImpTable.NullAs nullAs) -> {
      List<Expression> arguments = new ArrayList<>();
      arguments.add(DataContext.ROOT);
      arguments.addAll(translator.translateList(call.getOperands()));
      return Expressions.call(SystemFunctions.class, "getTag", arguments);
    };
  }
}
