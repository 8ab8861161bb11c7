package io.quiver.catalog.security;

import static java.util.Objects.requireNonNull;

import io.quiver.catalog.Catalog;
import io.quiver.catalog.QuiverException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.checkerframework.checker.nullness.qual.Nullable;

/** The users of a store, their password hashes and the roles granted to them. */
final class Users {
  private static final String COLUMNS = "ID, NAME, DEFAULT_ROLE, CREATED_ON";

  private final AtomicLong epoch;

  Users(AtomicLong epoch) {
    this.epoch = requireNonNull(epoch, "epoch is null");
  }

  List<UserInfo> all(Connection connection) throws SQLException {
    List<UserInfo> users = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT " + COLUMNS + " FROM QUIVER_CATALOG.USERS ORDER BY NAME")) {
      while (rows.next()) {
        users.add(userOf(rows));
      }
    }
    return users;
  }

  boolean isEmpty(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM QUIVER_CATALOG.USERS")) {
      rows.next();
      return rows.getLong(1) == 0;
    }
  }

  Optional<UserInfo> find(Connection connection, String name) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT " + COLUMNS + " FROM QUIVER_CATALOG.USERS WHERE NAME = ?")) {
      query.setString(1, name);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? Optional.of(userOf(rows)) : Optional.empty();
      }
    }
  }

  /** The user, or an error saying it does not exist; users are listed by SHOW USERS. */
  UserInfo require(Connection connection, String name) throws SQLException {
    return find(connection, name)
        .orElseThrow(
            () ->
                QuiverException.notFound(
                    "User "
                        + Roles.quote(name)
                        + " does not exist; SHOW USERS lists the users, CREATE USER creates one"));
  }

  /** The encoded hash of a user's password; empty when the user does not exist. */
  Optional<String> passwordHash(Connection connection, String name) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT PASSWORD_HASH FROM QUIVER_CATALOG.USERS WHERE NAME = ?")) {
      query.setString(1, name);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
      }
    }
  }

  long create(Connection connection, String name, String passwordHash, @Nullable String defaultRole)
      throws SQLException {
    Catalog.checkIdentifier("User", name);
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO QUIVER_CATALOG.USERS (NAME, PASSWORD_HASH, DEFAULT_ROLE, CREATED_ON)"
                + " VALUES (?, ?, ?, CURRENT_TIMESTAMP)",
            Statement.RETURN_GENERATED_KEYS)) {
      insert.setString(1, name);
      insert.setString(2, passwordHash);
      insert.setString(3, defaultRole);
      insert.executeUpdate();
      epoch.incrementAndGet();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  void setPasswordHash(Connection connection, UserInfo user, String passwordHash)
      throws SQLException {
    update(connection, "PASSWORD_HASH", passwordHash, user);
  }

  void setDefaultRole(Connection connection, UserInfo user, @Nullable String role)
      throws SQLException {
    update(connection, "DEFAULT_ROLE", role, user);
  }

  private void update(Connection connection, String column, @Nullable String value, UserInfo user)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE QUIVER_CATALOG.USERS SET " + column + " = ? WHERE ID = ?")) {
      update.setString(1, value);
      update.setLong(2, user.id());
      update.executeUpdate();
    }
    epoch.incrementAndGet();
  }

  void delete(Connection connection, UserInfo user) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM QUIVER_CATALOG.USERS WHERE ID = ?")) {
      delete.setLong(1, user.id());
      delete.executeUpdate();
    }
    epoch.incrementAndGet();
  }

  /** Grants a role to a user; returns false when the user held it already. */
  boolean grant(Connection connection, RoleInfo role, UserInfo user, String grantedBy)
      throws SQLException {
    if (directRoles(connection, user).contains(role.id())) {
      return false;
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO QUIVER_CATALOG.USER_ROLES (USER_ID, ROLE_ID, GRANTED_BY, CREATED_ON)"
                + " VALUES (?, ?, ?, CURRENT_TIMESTAMP)")) {
      insert.setLong(1, user.id());
      insert.setLong(2, role.id());
      insert.setString(3, grantedBy);
      insert.executeUpdate();
    }
    epoch.incrementAndGet();
    return true;
  }

  /** Takes a role from a user; returns whether the user held it. */
  boolean revoke(Connection connection, RoleInfo role, UserInfo user) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement(
            "DELETE FROM QUIVER_CATALOG.USER_ROLES WHERE USER_ID = ? AND ROLE_ID = ?")) {
      delete.setLong(1, user.id());
      delete.setLong(2, role.id());
      epoch.incrementAndGet();
      return delete.executeUpdate() > 0;
    }
  }

  /** The ids of the roles granted to a user directly. */
  Set<Long> directRoles(Connection connection, UserInfo user) throws SQLException {
    Set<Long> roles = new HashSet<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT ROLE_ID FROM QUIVER_CATALOG.USER_ROLES WHERE USER_ID = ?")) {
      query.setLong(1, user.id());
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          roles.add(rows.getLong(1));
        }
      }
    }
    return roles;
  }

  /** The roles granted to a user directly, with who granted them and when. */
  List<Roles.RoleGrant> rolesOf(Connection connection, UserInfo user) throws SQLException {
    return Roles.roleGrants(
        connection,
        "SELECT G.CREATED_ON, R.NAME, G.GRANTED_BY FROM QUIVER_CATALOG.USER_ROLES G"
            + " JOIN QUIVER_CATALOG.ROLES R ON R.ID = G.ROLE_ID WHERE G.USER_ID = ?"
            + " ORDER BY R.NAME",
        user.id());
  }

  /** The users a role is granted to directly, with who granted it and when. */
  List<Roles.RoleGrant> holdersOf(Connection connection, RoleInfo role) throws SQLException {
    return Roles.roleGrants(
        connection,
        "SELECT G.CREATED_ON, U.NAME, G.GRANTED_BY FROM QUIVER_CATALOG.USER_ROLES G"
            + " JOIN QUIVER_CATALOG.USERS U ON U.ID = G.USER_ID WHERE G.ROLE_ID = ?"
            + " ORDER BY U.NAME",
        role.id());
  }

  /** How many users hold a role, directly or through the roles they are granted. */
  long holderCount(Connection connection, Roles roles, RoleInfo role) throws SQLException {
    long count = 0;
    for (UserInfo user : all(connection)) {
      if (roles.inherited(connection, directRoles(connection, user)).contains(role.id())) {
        count++;
      }
    }
    return count;
  }

  private static UserInfo userOf(ResultSet rows) throws SQLException {
    return new UserInfo(
        rows.getLong(1),
        rows.getString(2),
        rows.getString(3),
        rows.getObject(4, OffsetDateTime.class));
  }
}
