package io.quiver.parser;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/** {@code USE ROLE name}: makes a role granted to the session's user its current role. */
public final class SqlUseRole extends QuiverCommand {
  private final SqlIdentifier role;

  public SqlUseRole(SqlParserPos pos, SqlIdentifier role) {
    super(pos, "USE ROLE", SqlKind.OTHER);
    this.role = requireNonNull(role, "role is null");
  }

  public SqlIdentifier role() {
    return role;
  }

  @Override
  public boolean isDdl() {
    return true;
  }

  @Override
  protected List<@Nullable SqlNode> operands() {
    return List.of(role);
  }
}
