package io.quiver.parser;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code MODEL(name [, version])}: a model version as the target of a method call. It is not an
 * expression of its own; the parser folds it into the call that follows.
 */
public final class SqlModelReference extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("MODEL", SqlKind.OTHER);

  private final SqlIdentifier model;
  private final @Nullable SqlIdentifier version;

  public SqlModelReference(SqlParserPos pos, SqlIdentifier model, @Nullable SqlIdentifier version) {
    super(pos);
    this.model = requireNonNull(model, "model is null");
    this.version = version;
  }

  public SqlIdentifier model() {
    return model;
  }

  public @Nullable SqlIdentifier version() {
    return version;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return version == null ? List.of(model) : Arrays.asList(model, version);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("MODEL");
    SqlWriter.Frame frame = writer.startList("(", ")");
    model.unparse(writer, 0, 0);
    if (version != null) {
      writer.sep(",");
      version.unparse(writer, 0, 0);
    }
    writer.endList(frame);
  }
}
