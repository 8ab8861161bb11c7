package io.quiver.parser;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A call of a model's method, {@code m!predict(a, b)} or {@code MODEL(m, v)!predict(a, b)}.
 *
 * <p>It is an ordinary call of a user-defined function whose name, {@link ModelFunctionName},
 * carries the model, method and version, qualified by the model's schema; so Calcite resolves it
 * through the schema like any other function, and it prints back as the user wrote it.
 *
 * <p>Inside {@code TABLE(...)} of a FROM clause the same call is a table function call: Calcite
 * then looks the name up among table functions, whose columns are the method's outputs.
 */
public final class SqlModelCall extends SqlBasicCall {
  private final SqlIdentifier model;
  private final @Nullable SqlIdentifier version;
  private final SqlIdentifier method;
  private final boolean tableCall;

  public SqlModelCall(
      SqlParserPos pos,
      SqlIdentifier model,
      @Nullable SqlIdentifier version,
      SqlIdentifier method,
      List<? extends @Nullable SqlNode> arguments) {
    this(pos, model, version, method, arguments, false);
  }

  private SqlModelCall(
      SqlParserPos pos,
      SqlIdentifier model,
      @Nullable SqlIdentifier version,
      SqlIdentifier method,
      List<? extends @Nullable SqlNode> arguments,
      boolean tableCall) {
    super(function(model, version, method, tableCall), arguments, pos);
    this.model = requireNonNull(model, "model is null");
    this.version = version;
    this.method = requireNonNull(method, "method is null");
    this.tableCall = tableCall;
  }

  private static SqlUnresolvedFunction function(
      SqlIdentifier model, @Nullable SqlIdentifier version, SqlIdentifier method, boolean table) {
    List<String> names = new ArrayList<>(model.names);
    String simpleName = names.remove(names.size() - 1);
    ModelFunctionName name =
        new ModelFunctionName(
            simpleName, method.getSimple(), version == null ? null : version.getSimple());
    names.add(name.encode());
    SqlIdentifier identifier = new SqlIdentifier(names, model.getParserPosition());
    SqlFunctionCategory category =
        table
            ? SqlFunctionCategory.USER_DEFINED_TABLE_FUNCTION
            : SqlFunctionCategory.USER_DEFINED_FUNCTION;
    return new SqlUnresolvedFunction(identifier, null, null, null, null, category);
  }

  /** The model's name as written, possibly qualified by database and schema. */
  public SqlIdentifier model() {
    return model;
  }

  /** The version or alias; null for the default version. */
  public @Nullable SqlIdentifier version() {
    return version;
  }

  public SqlIdentifier method() {
    return method;
  }

  /** Whether the call stands in {@code TABLE(...)}, its outputs becoming a table's columns. */
  public boolean isTableCall() {
    return tableCall;
  }

  /** The same call inside {@code TABLE(...)}. */
  public SqlModelCall asTableCall() {
    return new SqlModelCall(getParserPosition(), model, version, method, getOperandList(), true);
  }

  /**
   * The same call at another position. The parser moves a call in parentheses to theirs; SqlCall's
   * own clone would make a plain function call of it.
   */
  @Override
  public SqlModelCall clone(SqlParserPos pos) {
    return new SqlModelCall(pos, model, version, method, getOperandList(), tableCall);
  }

  /** The same call on another model version. */
  public SqlModelCall withTarget(SqlIdentifier model, @Nullable SqlIdentifier version) {
    return withTarget(model, version, getOperandList());
  }

  /** The same call on another model version, with other arguments. */
  public SqlModelCall withTarget(
      SqlIdentifier model,
      @Nullable SqlIdentifier version,
      List<? extends @Nullable SqlNode> arguments) {
    return new SqlModelCall(getParserPosition(), model, version, method, arguments, tableCall);
  }

  /**
   * Prints the call in parentheses, {@code (m!predict(a))}, so that it reads back the same wherever
   * it stands, including before {@code .field}; inside {@code TABLE(...)}, without them.
   */
  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    if (tableCall) {
      unparseCall(writer);
      return;
    }
    writer.print("(");
    writer.setNeedWhitespace(false);
    unparseCall(writer);
    writer.setNeedWhitespace(false);
    writer.print(")");
  }

  private void unparseCall(SqlWriter writer) {
    if (version == null) {
      model.unparse(writer, 0, 0);
    } else {
      new SqlModelReference(model.getParserPosition(), model, version).unparse(writer, 0, 0);
    }
    writer.setNeedWhitespace(false);
    writer.print("!");
    writer.setNeedWhitespace(false);
    method.unparse(writer, 0, 0);
    writer.setNeedWhitespace(false);
    SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.FUN_CALL, "(", ")");
    for (SqlNode operand : getOperandList()) {
      writer.sep(",");
      operand.unparse(writer, 0, 0);
    }
    writer.endList(frame);
  }
}
