package io.quiver.catalog.security;

import static java.util.Objects.requireNonNull;

import io.quiver.catalog.Names;
import io.quiver.catalog.QuiverException;
import io.quiver.catalog.Session;
import io.quiver.catalog.command.LikePattern;
import io.quiver.catalog.command.PreparedCommand;
import io.quiver.catalog.command.ResultColumn;
import io.quiver.parser.SqlAlterUser;
import io.quiver.parser.SqlCreateUser;
import io.quiver.parser.SqlDropUser;
import io.quiver.parser.SqlShow;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CREATE, ALTER, DROP and SHOW USERS. Only ACCOUNTADMIN manages users; a user may change its own
 * password.
 */
final class UserCommands {
  private static final Logger LOG = LoggerFactory.getLogger(UserCommands.class);
  private static final String PASSWORD = "PASSWORD";
  private static final String DEFAULT_ROLE = "DEFAULT_ROLE";

  static final List<ResultColumn> SHOW_USERS =
      List.of(
          ResultColumn.timestamp("created_on"),
          ResultColumn.varchar("name"),
          ResultColumn.varchar("default_role"),
          ResultColumn.varchar("granted_roles"));

  private final Security security;

  UserCommands(Security security) {
    this.security = requireNonNull(security, "security is null");
  }

  PreparedCommand create(SqlCreateUser create) {
    String name = Names.simple(create.name(), "User");
    StatementProperties properties =
        StatementProperties.of(create.properties(), "CREATE USER", List.of(PASSWORD, DEFAULT_ROLE));
    String password =
        properties.require(PASSWORD, "CREATE USER", "CREATE USER " + name + " PASSWORD = '...'");
    Security.checkPassword(password);
    Optional<String> defaultRole = properties.get(DEFAULT_ROLE);
    return PreparedCommand.update(
        context -> {
          security.access().requireAdministrator(context.session(), "create users");
          security
              .store()
              .transaction(connection -> create(connection, create, name, password, defaultRole));
        });
  }

  private Void create(
      Connection connection,
      SqlCreateUser create,
      String name,
      String password,
      Optional<String> defaultRole)
      throws SQLException {
    Users users = security.users();
    Optional<UserInfo> existing = users.find(connection, name);
    if (existing.isPresent()) {
      if (create.ifNotExists) {
        return null;
      }
      if (!create.getReplace()) {
        throw QuiverException.alreadyExists(
            "User " + Roles.quote(name) + " already exists; ALTER USER changes it");
      }
      users.delete(connection, existing.get());
    }
    if (defaultRole.isPresent()) {
      security.roles().require(connection, defaultRole.get());
    }
    users.create(connection, name, security.hasher().hash(password), defaultRole.orElse(null));
    checkAdministratorRemains(connection);
    LOG.info("Created user {}", Roles.quote(name));
    return null;
  }

  PreparedCommand alter(SqlAlterUser alter) {
    String name = Names.simple(alter.name(), "User");
    StatementProperties properties =
        alter.isUnset()
            ? unsetProperties(alter)
            : StatementProperties.of(
                alter.properties(), "ALTER USER", List.of(PASSWORD, DEFAULT_ROLE));
    properties.get(PASSWORD).ifPresent(Security::checkPassword);
    return PreparedCommand.update(
        context -> {
          Session session = context.session();
          if (!session.user().equals(name)) {
            security.access().requireAdministrator(session, "alter other users");
          }
          security.store().transaction(connection -> alter(connection, alter, name, properties));
        });
  }

  private static StatementProperties unsetProperties(SqlAlterUser alter) {
    for (String name : alter.names()) {
      if (!name.equalsIgnoreCase(DEFAULT_ROLE)) {
        throw QuiverException.invalid(
            "ALTER USER ... UNSET cannot unset " + name + "; it can unset " + DEFAULT_ROLE);
      }
    }
    return StatementProperties.of(List.of(), "ALTER USER", List.of());
  }

  private Void alter(
      Connection connection, SqlAlterUser alter, String name, StatementProperties properties)
      throws SQLException {
    Optional<UserInfo> user = security.users().find(connection, name);
    if (user.isEmpty()) {
      if (alter.ifExists()) {
        return null;
      }
      security.users().require(connection, name);
    }
    if (alter.isUnset()) {
      security.users().setDefaultRole(connection, user.get(), null);
      return null;
    }
    if (properties.has(DEFAULT_ROLE)) {
      String role = properties.get(DEFAULT_ROLE).orElse(null);
      if (role != null) {
        security.roles().require(connection, role);
      }
      security.users().setDefaultRole(connection, user.get(), role);
    }
    if (properties.has(PASSWORD)) {
      String password = properties.get(PASSWORD).orElseThrow();
      security.users().setPasswordHash(connection, user.get(), security.hasher().hash(password));
      LOG.info("Changed the password of user {}", Roles.quote(name));
    }
    return null;
  }

  PreparedCommand drop(SqlDropUser drop) {
    String name = Names.simple(drop.name(), "User");
    return PreparedCommand.update(
        context -> {
          Session session = context.session();
          security.access().requireAdministrator(session, "drop users");
          if (session.user().equals(name)) {
            throw QuiverException.invalid(
                "User " + Roles.quote(name) + " is this session's user and cannot drop itself");
          }
          security.store().transaction(connection -> drop(connection, drop, name, session));
        });
  }

  private Void drop(Connection connection, SqlDropUser drop, String name, Session session)
      throws SQLException {
    Optional<UserInfo> user = security.users().find(connection, name);
    if (user.isEmpty()) {
      if (!drop.ifExists) {
        security.users().require(connection, name);
      }
      return null;
    }
    security.users().delete(connection, user.get());
    checkAdministratorRemains(connection);
    LOG.info("Dropped user {}", Roles.quote(name));
    return null;
  }

  /** SHOW USERS: every user for ACCOUNTADMIN, the session's own user for other roles. */
  PreparedCommand show(SqlShow show) {
    LikePattern like = LikePattern.of(show.likePattern());
    return PreparedCommand.query(
        SHOW_USERS,
        context -> {
          boolean administrator = security.access().view(context.session()).isAdministrator();
          return security
              .store()
              .transaction(
                  connection -> userRows(connection, like, administrator, context.session()));
        });
  }

  private List<Object[]> userRows(
      Connection connection, LikePattern like, boolean administrator, Session session)
      throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    for (UserInfo user : security.users().all(connection)) {
      boolean shown = administrator || user.name().equals(session.user());
      if (shown && like.matches(user.name())) {
        List<String> roles = new ArrayList<>();
        security.users().rolesOf(connection, user).forEach(grant -> roles.add(grant.role()));
        rows.add(
            new Object[] {
              user.createdOn(), user.name(), user.defaultRole(), String.join(", ", roles)
            });
      }
    }
    return rows;
  }

  /**
   * Fails, undoing the statement's transaction, when no user would hold ACCOUNTADMIN any more:
   * nobody could then manage users, roles or grants.
   */
  void checkAdministratorRemains(Connection connection) throws SQLException {
    RoleInfo administrators = security.roles().require(connection, Roles.ACCOUNTADMIN);
    if (security.users().holderCount(connection, security.roles(), administrators) == 0) {
      throw QuiverException.invalid(
          "This would leave no user with role "
              + Roles.ACCOUNTADMIN
              + ", and nobody could manage users, roles and grants; grant "
              + Roles.ACCOUNTADMIN
              + " to another user first");
    }
  }
}
