package io.quiver.parser;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/** {@code DESCRIBE MODEL name}: one row per version and method, with its signature. */
public final class SqlDescribeModel extends QuiverCommand {
  private final SqlIdentifier model;

  public SqlDescribeModel(SqlParserPos pos, SqlIdentifier model) {
    super(pos, "DESCRIBE MODEL", SqlKind.OTHER);
    this.model = requireNonNull(model, "model is null");
  }

  public SqlIdentifier model() {
    return model;
  }

  @Override
  public boolean isDdl() {
    return false;
  }

  @Override
  protected List<@Nullable SqlNode> operands() {
    return List.of(model);
  }
}
