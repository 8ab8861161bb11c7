package io.quiver.planner;

import io.quiver.catalog.Session;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.CallImplementor;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableFunction;
import org.apache.calcite.schema.ScalarFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;

/**
 * CURRENT_USER and CURRENT_ROLE as the session knows them. Calcite answers CURRENT_USER from its
 * data context, where it is always "sa", and CURRENT_ROLE with an empty string; Quiver turns both
 * into calls that read the session when the statement runs, so a prepared statement sees a later
 * USE ROLE. SESSION_USER, USER and SYSTEM_USER give the session's user too, so that no statement
 * learns the name of the account the server runs as.
 */
public final class SessionFunctions {
  private static final SqlOperator USER_FUNCTION = function("CURRENT_USER", "currentUser");
  private static final SqlOperator ROLE_FUNCTION = function("CURRENT_ROLE", "currentRole");

  private SessionFunctions() {}

  /** The session's user; called by the code of statements. */
  public static String currentUser(DataContext root) {
    return Session.of(root).user();
  }

  /** The session's current role; called by the code of statements. */
  public static String currentRole(DataContext root) {
    return Session.of(root).role();
  }

  /** Calcite's convertlets, with the context functions replaced by the session's. */
  static SqlRexConvertletTable convertlets(SqlRexConvertletTable standard) {
    return call -> {
      SqlOperator operator = call.getOperator();
      if (operator == SqlStdOperatorTable.CURRENT_ROLE) {
        return convertlet(ROLE_FUNCTION);
      }
      boolean user =
          operator == SqlStdOperatorTable.CURRENT_USER
              || operator == SqlStdOperatorTable.SESSION_USER
              || operator == SqlStdOperatorTable.USER
              || operator == SqlStdOperatorTable.SYSTEM_USER;
      return user ? convertlet(USER_FUNCTION) : standard.get(call);
    };
  }

  /** Keeps the type the validator gave the call, so the plan's types do not change. */
  private static SqlRexConvertlet convertlet(SqlOperator function) {
    return (context, call) -> {
      RelDataType type = context.getValidator().getValidatedNodeType(call);
      return context.getRexBuilder().makeCall(type, function, List.of());
    };
  }

  private static SqlOperator function(String name, String method) {
    return new SqlUserDefinedFunction(
        new SqlIdentifier(name, SqlParserPos.ZERO),
        SqlKind.OTHER_FUNCTION,
        ReturnTypes.explicit(SqlTypeName.VARCHAR, 2000),
        null,
        null,
        new SessionVariable(method)) {
      /** The value changes with the session, so the planner must not fold it into a constant. */
      @Override
      public boolean isDynamicFunction() {
        return true;
      }

      @Override
      public boolean isDeterministic() {
        return false;
      }
    };
  }

  /** A function without arguments whose code calls one of the methods above. */
  private record SessionVariable(String method) implements ScalarFunction, ImplementableFunction {
    @Override
    public List<FunctionParameter> getParameters() {
      return List.of();
    }

    @Override
    public RelDataType getReturnType(RelDataTypeFactory typeFactory) {
      return typeFactory.createSqlType(SqlTypeName.VARCHAR, 2000);
    }

    @Override
    public CallImplementor getImplementor() {
      return (translator, call, nullAs) ->
          Expressions.call(SessionFunctions.class, method, DataContext.ROOT);
    }
  }
}
