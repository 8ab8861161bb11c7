package io.quiver.parser;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code ALTER USER [IF EXISTS] name SET PASSWORD = '...', DEFAULT_ROLE = r} or {@code ... UNSET
 * DEFAULT_ROLE}. It prints without its properties, so that a password never appears in a
 * statement's text.
 */
public final class SqlAlterUser extends QuiverCommand {
  private final boolean ifExists;
  private final SqlIdentifier name;
  private final boolean unset;
  private final SqlNodeList list;

  public SqlAlterUser(
      SqlParserPos pos, boolean ifExists, SqlIdentifier name, boolean unset, SqlNodeList list) {
    super(pos, "ALTER USER", SqlKind.OTHER_DDL);
    this.ifExists = ifExists;
    this.name = requireNonNull(name, "name is null");
    this.unset = unset;
    this.list = requireNonNull(list, "list is null");
  }

  public boolean ifExists() {
    return ifExists;
  }

  public SqlIdentifier name() {
    return name;
  }

  /** Whether the statement unsets properties rather than setting them. */
  public boolean isUnset() {
    return unset;
  }

  /** The properties that SET gives. */
  public List<SqlProperty> properties() {
    return SqlProperties.of(list);
  }

  /** The property names that UNSET removes. */
  public List<String> names() {
    return SqlProperties.names(list);
  }

  @Override
  public boolean isDdl() {
    return true;
  }

  @Override
  protected List<@Nullable SqlNode> operands() {
    return List.of(name, list);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("ALTER USER");
    name.unparse(writer, leftPrec, rightPrec);
  }
}
