package io.quiver.parser;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code GRANT privilege [, ...] ON target TO ROLE r} or {@code REVOKE privilege [, ...] ON target
 * FROM ROLE r}. Privileges are kept as written, upper case ({@code USAGE}, {@code CREATE MODEL},
 * {@code ALL}); the catalog checks that they apply to the target.
 */
public final class SqlGrantPrivileges extends QuiverCommand {
  private final boolean revoke;
  private final List<String> privileges;
  private final GrantTarget target;
  private final SqlIdentifier role;

  public SqlGrantPrivileges(
      SqlParserPos pos,
      boolean revoke,
      List<String> privileges,
      GrantTarget target,
      SqlIdentifier role) {
    super(pos, revoke ? "REVOKE" : "GRANT", SqlKind.OTHER_DDL);
    this.revoke = revoke;
    this.privileges = List.copyOf(privileges);
    this.target = requireNonNull(target, "target is null");
    this.role = requireNonNull(role, "role is null");
  }

  /** Whether the statement takes the privileges away rather than granting them. */
  public boolean isRevoke() {
    return revoke;
  }

  public List<String> privileges() {
    return privileges;
  }

  public GrantTarget target() {
    return target;
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
    return List.of(target.name(), role);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(revoke ? "REVOKE" : "GRANT");
    writer.keyword(String.join(", ", privileges));
    writer.keyword("ON");
    writer.keyword(target.describe());
    writer.keyword(revoke ? "FROM ROLE" : "TO ROLE");
    role.unparse(writer, leftPrec, rightPrec);
  }
}
