package io.quiver.parser;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/** {@code CREATE [OR REPLACE] DATABASE [IF NOT EXISTS] name [COMMENT = '...']}. */
public final class SqlCreateDatabase extends SqlCreate {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE DATABASE", SqlKind.OTHER_DDL);

  private final SqlIdentifier name;
  private final SqlNodeList options;

  public SqlCreateDatabase(
      SqlParserPos pos,
      boolean replace,
      boolean ifNotExists,
      SqlIdentifier name,
      SqlNodeList options) {
    super(OPERATOR, pos, replace, ifNotExists);
    this.name = requireNonNull(name, "name is null");
    this.options = requireNonNull(options, "options is null");
  }

  public SqlIdentifier name() {
    return name;
  }

  public List<SqlProperty> options() {
    return SqlProperties.of(options);
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(name, options);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(getReplace() ? "CREATE OR REPLACE DATABASE" : "CREATE DATABASE");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, leftPrec, rightPrec);
  }
}
