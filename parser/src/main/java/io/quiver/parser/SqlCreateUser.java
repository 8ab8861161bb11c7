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

/**
 * {@code CREATE [OR REPLACE] USER [IF NOT EXISTS] name PASSWORD = '...' [DEFAULT_ROLE = r]}. It
 * prints without its properties, so that the password never appears in a statement's text.
 */
public final class SqlCreateUser extends SqlCreate {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE USER", SqlKind.OTHER_DDL);

  private final SqlIdentifier name;
  private final SqlNodeList properties;

  public SqlCreateUser(
      SqlParserPos pos,
      boolean replace,
      boolean ifNotExists,
      SqlIdentifier name,
      SqlNodeList properties) {
    super(OPERATOR, pos, replace, ifNotExists);
    this.name = requireNonNull(name, "name is null");
    this.properties = requireNonNull(properties, "properties is null");
  }

  public SqlIdentifier name() {
    return name;
  }

  public List<SqlProperty> properties() {
    return SqlProperties.of(properties);
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(name, properties);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(getReplace() ? "CREATE OR REPLACE USER" : "CREATE USER");
    name.unparse(writer, leftPrec, rightPrec);
  }
}
