package io.quiver.catalog.security;

import static java.util.Objects.requireNonNull;

import io.quiver.catalog.Session;
import io.quiver.catalog.Store;
import io.quiver.catalog.command.CommandHandler;
import io.quiver.catalog.command.PreparedCommand;
import io.quiver.parser.SqlAlterUser;
import io.quiver.parser.SqlCreateRole;
import io.quiver.parser.SqlCreateUser;
import io.quiver.parser.SqlDropRole;
import io.quiver.parser.SqlDropUser;
import io.quiver.parser.SqlGrantPrivileges;
import io.quiver.parser.SqlGrantRole;
import io.quiver.parser.SqlShow;
import io.quiver.parser.SqlShowGrants;
import io.quiver.parser.SqlUseRole;
import java.util.Optional;
import org.apache.calcite.sql.SqlNode;

/**
 * The statements of access control: CREATE, ALTER, DROP and SHOW USERS; CREATE, DROP and SHOW
 * ROLES; GRANT and REVOKE of roles and privileges; USE ROLE; SHOW GRANTS.
 */
public final class SecurityCommandHandler implements CommandHandler {
  private final UserCommands users;
  private final RoleCommands roles;
  private final PrivilegeCommands privileges;
  private final GrantListing grants;

  public SecurityCommandHandler(Store store) {
    requireNonNull(store, "store is null");
    Security security = store.security();
    Securables securables = new Securables(store, security.access());
    this.users = new UserCommands(security);
    this.roles = new RoleCommands(security, users);
    this.privileges = new PrivilegeCommands(security, securables);
    this.grants = new GrantListing(security, securables);
  }

  @Override
  public Optional<PreparedCommand> prepare(SqlNode statement, Session session) {
    if (statement instanceof SqlCreateUser create) {
      return Optional.of(users.create(create));
    }
    if (statement instanceof SqlAlterUser alter) {
      return Optional.of(users.alter(alter));
    }
    if (statement instanceof SqlDropUser drop) {
      return Optional.of(users.drop(drop));
    }
    if (statement instanceof SqlCreateRole create) {
      return Optional.of(roles.create(create));
    }
    if (statement instanceof SqlDropRole drop) {
      return Optional.of(roles.drop(drop));
    }
    return prepareGrants(statement);
  }

  private Optional<PreparedCommand> prepareGrants(SqlNode statement) {
    if (statement instanceof SqlGrantRole grant) {
      return Optional.of(roles.grant(grant));
    }
    if (statement instanceof SqlUseRole use) {
      return Optional.of(roles.use(use));
    }
    if (statement instanceof SqlGrantPrivileges grant) {
      return Optional.of(privileges.prepare(grant));
    }
    if (statement instanceof SqlShowGrants show) {
      return Optional.of(grants.prepare(show));
    }
    if (statement instanceof SqlShow show && show.objectType() == SqlShow.ObjectType.USERS) {
      return Optional.of(users.show(show));
    }
    if (statement instanceof SqlShow show && show.objectType() == SqlShow.ObjectType.ROLES) {
      return Optional.of(roles.show(show));
    }
    return Optional.empty();
  }
}
