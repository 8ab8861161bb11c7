package io.quiver.catalog.security;

import static java.util.Objects.requireNonNull;

import io.quiver.catalog.Names;
import io.quiver.catalog.QuiverException;
import io.quiver.catalog.Session;
import io.quiver.catalog.command.LikePattern;
import io.quiver.catalog.command.PreparedCommand;
import io.quiver.catalog.command.ResultColumn;
import io.quiver.parser.SqlCreateRole;
import io.quiver.parser.SqlDropRole;
import io.quiver.parser.SqlGrantRole;
import io.quiver.parser.SqlShow;
import io.quiver.parser.SqlUseRole;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CREATE, DROP and SHOW ROLES, GRANT and REVOKE ROLE, and USE ROLE. Only ACCOUNTADMIN creates,
 * drops and grants roles.
 */
final class RoleCommands {
  private static final Logger LOG = LoggerFactory.getLogger(RoleCommands.class);
  private static final String COMMENT = "COMMENT";

  static final List<ResultColumn> SHOW_ROLES =
      List.of(
          ResultColumn.timestamp("created_on"),
          ResultColumn.varchar("name"),
          ResultColumn.varchar("is_current"),
          ResultColumn.varchar("is_inherited"),
          ResultColumn.bigint("assigned_to_users"),
          ResultColumn.bigint("granted_to_roles"),
          ResultColumn.bigint("granted_roles"),
          ResultColumn.varchar("comment"));

  private final Security security;
  private final UserCommands users;

  RoleCommands(Security security, UserCommands users) {
    this.security = requireNonNull(security, "security is null");
    this.users = requireNonNull(users, "users is null");
  }

  PreparedCommand create(SqlCreateRole create) {
    String name = Names.simple(create.name(), "Role");
    StatementProperties properties =
        StatementProperties.of(create.options(), "CREATE ROLE", List.of(COMMENT));
    if (Roles.isSystemRole(name)) {
      throw systemRole(name, "replaced");
    }
    return PreparedCommand.update(
        context -> {
          Session session = context.session();
          security.access().requireAdministrator(session, "create roles");
          security
              .store()
              .transaction(connection -> create(connection, create, name, properties, session));
        });
  }

  private Void create(
      Connection connection,
      SqlCreateRole create,
      String name,
      StatementProperties properties,
      Session session)
      throws SQLException {
    Optional<RoleInfo> existing = security.roles().find(connection, name);
    if (existing.isPresent()) {
      if (create.ifNotExists) {
        return null;
      }
      if (!create.getReplace()) {
        throw QuiverException.alreadyExists("Role " + Roles.quote(name) + " already exists");
      }
      delete(connection, existing.get(), session);
    }
    security.roles().create(connection, name, properties.get(COMMENT).orElse(null));
    LOG.info("Created role {}", Roles.quote(name));
    return null;
  }

  PreparedCommand drop(SqlDropRole drop) {
    String name = Names.simple(drop.name(), "Role");
    if (Roles.isSystemRole(name)) {
      throw systemRole(name, "dropped");
    }
    return PreparedCommand.update(
        context -> {
          Session session = context.session();
          security.access().requireAdministrator(session, "drop roles");
          security
              .store()
              .transaction(
                  connection -> {
                    Optional<RoleInfo> role = security.roles().find(connection, name);
                    if (role.isEmpty() && !drop.ifExists) {
                      security.roles().require(connection, name);
                    }
                    if (role.isPresent()) {
                      delete(connection, role.get(), session);
                      LOG.info("Dropped role {}", Roles.quote(name));
                    }
                    return null;
                  });
        });
  }

  /** Deletes a role; what it owned passes to the role of the session that drops it. */
  private void delete(Connection connection, RoleInfo role, Session session) throws SQLException {
    AccessView view = security.access().view(session);
    RoleInfo heir = security.roles().require(connection, view.role());
    if (heir.id() == role.id()) {
      throw QuiverException.invalid(
          "Role " + Roles.quote(role.name()) + " is the session's role; USE ROLE another first");
    }
    security.grants().transferOwnerships(connection, role.id(), heir.id());
    security.roles().delete(connection, role);
    users.checkAdministratorRemains(connection);
  }

  private static QuiverException systemRole(String name, String verb) {
    return QuiverException.invalid(
        "Role "
            + name
            + " is a system role and cannot be "
            + verb
            + "; the system roles are "
            + Roles.ACCOUNTADMIN
            + " and "
            + Roles.PUBLIC);
  }

  PreparedCommand show(SqlShow show) {
    LikePattern like = LikePattern.of(show.likePattern());
    return PreparedCommand.query(
        SHOW_ROLES,
        context -> {
          AccessView view = security.access().view(context.session());
          return security.store().transaction(connection -> roleRows(connection, like, view));
        });
  }

  private List<Object[]> roleRows(Connection connection, LikePattern like, AccessView view)
      throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    for (RoleInfo role : security.roles().all(connection)) {
      if (like.matches(role.name())) {
        rows.add(
            new Object[] {
              role.createdOn(),
              role.name(),
              role.name().equals(view.role()) ? "Y" : "N",
              view.roles().contains(role.name()) ? "Y" : "N",
              (long) security.users().holdersOf(connection, role).size(),
              (long) security.roles().granteesOf(connection, role).size(),
              (long) security.roles().grantedTo(connection, role).size(),
              role.comment()
            });
      }
    }
    return rows;
  }

  PreparedCommand grant(SqlGrantRole grant) {
    String role = Names.simple(grant.role(), "Role");
    String grantee = Names.simple(grant.grantee(), grant.toUser() ? "User" : "Role");
    if (role.equals(Roles.PUBLIC)) {
      throw QuiverException.invalid(
          "Every user and role has role " + Roles.PUBLIC + "; it cannot be granted or revoked");
    }
    return PreparedCommand.update(
        context -> {
          Session session = context.session();
          String verb = grant.isRevoke() ? "revoke roles" : "grant roles";
          security.access().requireAdministrator(session, verb);
          security
              .store()
              .transaction(
                  connection -> {
                    RoleInfo granted = security.roles().require(connection, role);
                    if (grant.toUser()) {
                      changeUser(connection, grant, granted, grantee, session);
                    } else {
                      changeRole(connection, grant, granted, grantee, session);
                    }
                    users.checkAdministratorRemains(connection);
                    return null;
                  });
        });
  }

  private void changeUser(
      Connection connection, SqlGrantRole grant, RoleInfo role, String name, Session session)
      throws SQLException {
    UserInfo user = security.users().require(connection, name);
    if (grant.isRevoke()) {
      security.users().revoke(connection, role, user);
    } else {
      security.users().grant(connection, role, user, session.user());
    }
    LOG.info(
        "{} role {} {} user {}",
        grant.isRevoke() ? "Revoked" : "Granted",
        Roles.quote(role.name()),
        grant.isRevoke() ? "from" : "to",
        Roles.quote(name));
  }

  private void changeRole(
      Connection connection, SqlGrantRole grant, RoleInfo role, String name, Session session)
      throws SQLException {
    RoleInfo grantee = security.roles().require(connection, name);
    if (grant.isRevoke()) {
      security.roles().revoke(connection, role, grantee);
    } else {
      security.roles().grant(connection, role, grantee, session.user());
    }
    LOG.info(
        "{} role {} {} role {}",
        grant.isRevoke() ? "Revoked" : "Granted",
        Roles.quote(role.name()),
        grant.isRevoke() ? "from" : "to",
        Roles.quote(name));
  }

  /** USE ROLE: the role must be granted to the session's user, directly or through roles. */
  PreparedCommand use(SqlUseRole use) {
    String role = Names.simple(use.role(), "Role");
    return PreparedCommand.update(
        context -> {
          Session session = context.session();
          boolean held =
              security
                  .store()
                  .transaction(
                      connection -> {
                        Optional<UserInfo> user = security.users().find(connection, session.user());
                        return user.isPresent() && security.holds(connection, user.get(), role);
                      });
          if (!held) {
            throw new QuiverException(
                QuiverException.Category.PRIVILEGE,
                "Role "
                    + Roles.quote(role)
                    + " does not exist or is not granted to user "
                    + Roles.quote(session.user())
                    + "; SHOW GRANTS TO USER "
                    + Roles.quote(session.user())
                    + " lists the roles granted to it");
          }
          session.useRole(role);
        });
  }
}
