package io.quiver.parser;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/** {@code NAME = value}: a property of a SET clause or of a statement's options. */
public final class SqlProperty extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("=", SqlKind.OTHER);

  private final SqlIdentifier name;
  private final SqlNode value;

  public SqlProperty(SqlParserPos pos, SqlIdentifier name, SqlNode value) {
    super(pos);
    this.name = requireNonNull(name, "name is null");
    this.value = requireNonNull(value, "value is null");
  }

  /** The property's name as written (upper case unless quoted), all parts joined by dots. */
  public String name() {
    return String.join(".", name.names);
  }

  public SqlIdentifier nameIdentifier() {
    return name;
  }

  public SqlNode value() {
    return value;
  }

  /** The value as text: a string literal's contents, a number or boolean, or a bare name. */
  public String valueText() {
    return textOf(value);
  }

  /** Text of a literal or a name; null for SQL NULL. */
  public static @Nullable String textOrNull(SqlNode node) {
    if (node instanceof SqlLiteral && ((SqlLiteral) node).getValue() == null) {
      return null;
    }
    return textOf(node);
  }

  static String textOf(SqlNode node) {
    if (node instanceof SqlCharStringLiteral) {
      return ((SqlCharStringLiteral) node).getValueAs(String.class);
    }
    if (node instanceof SqlLiteral) {
      return String.valueOf(((SqlLiteral) node).getValue());
    }
    if (node instanceof SqlIdentifier) {
      return String.join(".", ((SqlIdentifier) node).names);
    }
    return node.toString();
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(name, value);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    name.unparse(writer, 0, 0);
    writer.keyword("=");
    value.unparse(writer, 0, 0);
  }
}
