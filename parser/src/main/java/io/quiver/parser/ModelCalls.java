package io.quiver.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.sql.validate.SqlValidatorException;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Builds the nodes of model method calls as the parser meets them. */
public final class ModelCalls {
  private ModelCalls() {}

  /**
   * The call {@code target!method(arguments)}, where the target is a model's name or a {@code
   * MODEL(name, version)} reference.
   */
  public static SqlNode call(
      Object target, SqlIdentifier method, List<SqlNode> arguments, SqlParserPos pos) {
    if (target instanceof SqlModelReference) {
      SqlModelReference reference = (SqlModelReference) target;
      return new SqlModelCall(pos, reference.model(), reference.version(), method, arguments);
    }
    if (target instanceof SqlIdentifier && !((SqlIdentifier) target).isStar()) {
      return new SqlModelCall(pos, (SqlIdentifier) target, null, method, arguments);
    }
    throw syntaxError(
        "Only a model can be called with '!': write model!method(...) or "
            + "MODEL(model, version)!method(...)",
        pos);
  }

  /**
   * {@code call:field}, one output of a model call's result: {@code ITEM(call, 'FIELD')}, which
   * finds the field whatever its case. Calcite's DOT would do the same, but its field name is an
   * identifier, which ORDER BY mistakes for a column.
   */
  public static SqlNode output(SqlNode call, SqlIdentifier field) {
    SqlParserPos pos = call.getParserPosition().plus(field.getParserPosition());
    SqlNode name = SqlLiteral.createCharString(field.getSimple(), field.getParserPosition());
    return SqlStdOperatorTable.ITEM.createCall(pos, call, name);
  }

  /**
   * The operand of {@code TABLE(...)} when it starts as a model call does: the call, in its table
   * form; anything else, such as a field of the call's result, is refused.
   */
  public static SqlNode tableCall(SqlNode expression) {
    if (expression instanceof SqlModelCall) {
      return ((SqlModelCall) expression).asTableCall();
    }
    throw syntaxError(
        "TABLE(...) takes a model method call alone, such as TABLE(m!predict(a, b)); select its "
            + "columns in the query around it",
        expression.getParserPosition());
  }

  /** An error the parser reports as a syntax error at the given position. */
  private static CalciteContextException syntaxError(String message, SqlParserPos pos) {
    return new CalciteContextException(
        message,
        new SqlValidatorException(message, null),
        pos.getLineNum(),
        pos.getColumnNum(),
        pos.getEndLineNum(),
        pos.getEndColumnNum());
  }

  /**
   * Whether a FROM item is {@code TABLE(model!method(...))}. Such an item is lateral, as in
   * Snowflake: its arguments may name columns of the items before it.
   */
  public static boolean isTableCall(SqlNode fromItem) {
    return fromItem.getKind() == SqlKind.COLLECTION_TABLE
        && ((SqlCall) fromItem).operand(0) instanceof SqlModelCall;
  }

  /** Whether a statement or expression calls a model anywhere. */
  public static boolean contains(SqlNode node) {
    boolean[] found = {false};
    node.accept(
        new SqlShuttle() {
          @Override
          public @Nullable SqlNode visit(SqlCall call) {
            if (call instanceof SqlModelCall) {
              found[0] = true;
              return call;
            }
            return super.visit(call);
          }
        });
    return found[0];
  }

  /**
   * A WITH statement whose items may bind model aliases ({@code mv AS MODEL m VERSION v}): calls on
   * an alias become calls on the model version it names.
   */
  public static SqlNode withModels(
      SqlParserPos pos,
      List<SqlNode> queries,
      Map<String, SqlModelReference> models,
      SqlNode body) {
    AliasExpander expander = new AliasExpander(models);
    SqlNode expandedBody = body.accept(expander);
    if (queries.isEmpty()) {
      return expandedBody;
    }
    List<SqlNode> items = new ArrayList<>();
    for (SqlNode query : queries) {
      SqlWithItem item = (SqlWithItem) query;
      items.add(
          new SqlWithItem(
              item.getParserPosition(),
              item.name,
              item.columnList,
              item.query.accept(expander),
              item.recursive));
    }
    return new SqlWith(pos, new SqlNodeList(items, pos), expandedBody);
  }

  /** Replaces calls on model aliases with calls on the models they stand for. */
  private static final class AliasExpander extends SqlShuttle {
    private final Map<String, SqlModelReference> models;

    AliasExpander(Map<String, SqlModelReference> models) {
      this.models = models;
    }

    @Override
    public @Nullable SqlNode visit(SqlCall call) {
      if (call instanceof SqlModelCall) {
        return expand((SqlModelCall) call);
      }
      return super.visit(call);
    }

    private SqlNode expand(SqlModelCall call) {
      List<SqlNode> arguments = new ArrayList<>();
      for (SqlNode argument : call.getOperandList()) {
        arguments.add(argument == null ? null : argument.accept(this));
      }
      SqlModelReference reference =
          call.model().isSimple() && call.version() == null
              ? models.get(call.model().getSimple())
              : null;
      SqlIdentifier model = reference == null ? call.model() : reference.model();
      SqlIdentifier version = reference == null ? call.version() : reference.version();
      return call.withTarget(model, version, arguments);
    }
  }
}
