package io.quiver.parser;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/** {@code COMMENT ON MODEL name IS 'text'}. */
public final class SqlCommentOnModel extends QuiverCommand {
  private final SqlIdentifier model;
  private final SqlNode comment;

  public SqlCommentOnModel(SqlParserPos pos, SqlIdentifier model, SqlNode comment) {
    super(pos, "COMMENT ON MODEL", SqlKind.OTHER_DDL);
    this.model = requireNonNull(model, "model is null");
    this.comment = requireNonNull(comment, "comment is null");
  }

  public SqlIdentifier model() {
    return model;
  }

  public String comment() {
    return SqlProperty.textOf(comment);
  }

  @Override
  public boolean isDdl() {
    return true;
  }

  @Override
  protected List<@Nullable SqlNode> operands() {
    return List.of(model, comment);
  }
}
