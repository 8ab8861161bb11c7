package io.quiver.parser;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/** {@code COPY INTO table FROM 'file' [option = value ...]}: loads a CSV file into a table. */
public final class SqlCopyInto extends QuiverCommand {
  private final SqlIdentifier table;
  private final SqlNode source;
  private final SqlNodeList options;

  public SqlCopyInto(SqlParserPos pos, SqlIdentifier table, SqlNode source, SqlNodeList options) {
    super(pos, "COPY INTO", SqlKind.OTHER);
    this.table = requireNonNull(table, "table is null");
    this.source = requireNonNull(source, "source is null");
    this.options = requireNonNull(options, "options is null");
  }

  public SqlIdentifier table() {
    return table;
  }

  /** The file's path as written. */
  public String sourcePath() {
    return SqlProperty.textOf(source);
  }

  public List<SqlProperty> options() {
    return SqlProperties.of(options);
  }

  @Override
  public boolean isDdl() {
    return false;
  }

  @Override
  protected List<@Nullable SqlNode> operands() {
    return List.of(table, source, options);
  }
}
