package io.quiver.parser;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
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

/** {@code CREATE [OR REPLACE] TAG [IF NOT EXISTS] name [ALLOWED_VALUES 'a', ...]}. */
public final class SqlCreateTag extends SqlCreate {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE TAG", SqlKind.OTHER_DDL);

  private final SqlIdentifier name;
  private final SqlNodeList allowedValues;
  private final SqlNodeList options;

  public SqlCreateTag(
      SqlParserPos pos,
      boolean replace,
      boolean ifNotExists,
      SqlIdentifier name,
      SqlNodeList allowedValues,
      SqlNodeList options) {
    super(OPERATOR, pos, replace, ifNotExists);
    this.name = requireNonNull(name, "name is null");
    this.allowedValues = requireNonNull(allowedValues, "allowedValues is null");
    this.options = requireNonNull(options, "options is null");
  }

  public SqlIdentifier name() {
    return name;
  }

  /** The values the tag may take; empty when any value is allowed. */
  public List<String> allowedValues() {
    List<String> values = new ArrayList<>();
    for (SqlNode value : allowedValues) {
      values.add(SqlProperty.textOf(value));
    }
    return List.copyOf(values);
  }

  public List<SqlProperty> options() {
    return SqlProperties.of(options);
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(name, allowedValues, options);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(getReplace() ? "CREATE OR REPLACE TAG" : "CREATE TAG");
    name.unparse(writer, leftPrec, rightPrec);
  }
}
