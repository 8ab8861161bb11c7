package io.quiver.parser;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/** {@code GRANT ROLE r TO {USER u | ROLE r2}} or {@code REVOKE ROLE r FROM {USER u | ROLE r2}}. */
public final class SqlGrantRole extends QuiverCommand {
  private final boolean revoke;
  private final SqlIdentifier role;
  private final boolean toUser;
  private final SqlIdentifier grantee;

  public SqlGrantRole(
      SqlParserPos pos, boolean revoke, SqlIdentifier role, boolean toUser, SqlIdentifier grantee) {
    super(pos, revoke ? "REVOKE ROLE" : "GRANT ROLE", SqlKind.OTHER_DDL);
    this.revoke = revoke;
    this.role = requireNonNull(role, "role is null");
    this.toUser = toUser;
    this.grantee = requireNonNull(grantee, "grantee is null");
  }

  /** Whether the statement takes the role away rather than granting it. */
  public boolean isRevoke() {
    return revoke;
  }

  public SqlIdentifier role() {
    return role;
  }

  /** Whether the grantee is a user; otherwise it is a role. */
  public boolean toUser() {
    return toUser;
  }

  public SqlIdentifier grantee() {
    return grantee;
  }

  @Override
  public boolean isDdl() {
    return true;
  }

  @Override
  protected List<@Nullable SqlNode> operands() {
    return List.of(role, grantee);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(revoke ? "REVOKE ROLE" : "GRANT ROLE");
    role.unparse(writer, leftPrec, rightPrec);
    writer.keyword(revoke ? "FROM" : "TO");
    writer.keyword(toUser ? "USER" : "ROLE");
    grantee.unparse(writer, leftPrec, rightPrec);
  }
}
