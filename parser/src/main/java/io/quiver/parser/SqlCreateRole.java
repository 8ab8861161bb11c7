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

/** {@code CREATE [OR REPLACE] ROLE [IF NOT EXISTS] name [COMMENT = '...']}. */
public final class SqlCreateRole extends SqlCreate {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE ROLE", SqlKind.OTHER_DDL);

  private final SqlIdentifier name;
  private final SqlNodeList options;

  public SqlCreateRole(
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
    writer.keyword(getReplace() ? "CREATE OR REPLACE ROLE" : "CREATE ROLE");
    name.unparse(writer, leftPrec, rightPrec);
  }
}
