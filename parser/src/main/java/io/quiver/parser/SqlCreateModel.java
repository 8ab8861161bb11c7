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
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code CREATE [OR REPLACE] MODEL [IF NOT EXISTS] name [WITH VERSION v] FROM source [COMMENT =
 * '...'] [METADATA = '{...}']}.
 */
public final class SqlCreateModel extends SqlCreate {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE MODEL", SqlKind.OTHER_DDL);

  private final SqlIdentifier name;
  private final @Nullable SqlIdentifier version;
  private final ModelSource source;
  private final SqlNodeList options;

  public SqlCreateModel(
      SqlParserPos pos,
      boolean replace,
      boolean ifNotExists,
      SqlIdentifier name,
      @Nullable SqlIdentifier version,
      ModelSource source,
      SqlNodeList options) {
    super(OPERATOR, pos, replace, ifNotExists);
    this.name = requireNonNull(name, "name is null");
    this.version = version;
    this.source = requireNonNull(source, "source is null");
    this.options = requireNonNull(options, "options is null");
  }

  public SqlIdentifier name() {
    return name;
  }

  /** The first version's name, or null to generate one. */
  public @Nullable SqlIdentifier version() {
    return version;
  }

  public ModelSource source() {
    return source;
  }

  public List<SqlProperty> options() {
    return SqlProperties.of(options);
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(name, source.node(), options);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(getReplace() ? "CREATE OR REPLACE MODEL" : "CREATE MODEL");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, leftPrec, rightPrec);
  }
}
