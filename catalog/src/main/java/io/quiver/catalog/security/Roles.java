package io.quiver.catalog.security;

import static java.util.Objects.requireNonNull;

import io.quiver.catalog.Catalog;
import io.quiver.catalog.ObjectName;
import io.quiver.catalog.QuiverException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.checkerframework.checker.nullness.qual.Nullable;

/** The roles of a store and the roles granted to them, in the catalog tables. */
final class Roles {
  /** The role that holds every privilege on every object. */
  static final String ACCOUNTADMIN = "ACCOUNTADMIN";

  /** The role every user and every role inherits. */
  static final String PUBLIC = "PUBLIC";

  private final AtomicLong epoch;

  Roles(AtomicLong epoch) {
    this.epoch = requireNonNull(epoch, "epoch is null");
  }

  static boolean isSystemRole(String name) {
    return name.equals(ACCOUNTADMIN) || name.equals(PUBLIC);
  }

  List<RoleInfo> all(Connection connection) throws SQLException {
    List<RoleInfo> roles = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT ID, NAME, COMMENT, CREATED_ON FROM QUIVER_CATALOG.ROLES ORDER BY NAME")) {
      while (rows.next()) {
        roles.add(roleOf(rows));
      }
    }
    return roles;
  }

  Optional<RoleInfo> find(Connection connection, String name) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT ID, NAME, COMMENT, CREATED_ON FROM QUIVER_CATALOG.ROLES WHERE NAME = ?")) {
      query.setString(1, name);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? Optional.of(roleOf(rows)) : Optional.empty();
      }
    }
  }

  /** The role, or an error naming the roles that exist. */
  RoleInfo require(Connection connection, String name) throws SQLException {
    Optional<RoleInfo> role = find(connection, name);
    if (role.isPresent()) {
      return role.get();
    }
    String names = all(connection).stream().map(r -> quote(r.name())).collect(joining());
    throw QuiverException.notFound(
        "Role "
            + quote(name)
            + " does not exist; roles are "
            + names
            + ". Create it with CREATE ROLE "
            + quote(name));
  }

  long create(Connection connection, String name, @Nullable String comment) throws SQLException {
    Catalog.checkIdentifier("Role", name);
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO QUIVER_CATALOG.ROLES (NAME, COMMENT, CREATED_ON)"
                + " VALUES (?, ?, CURRENT_TIMESTAMP)",
            Statement.RETURN_GENERATED_KEYS)) {
      insert.setString(1, name);
      insert.setString(2, comment);
      insert.executeUpdate();
      epoch.incrementAndGet();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  void delete(Connection connection, RoleInfo role) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM QUIVER_CATALOG.ROLES WHERE ID = ?")) {
      delete.setLong(1, role.id());
      delete.executeUpdate();
    }
    epoch.incrementAndGet();
  }

  /**
   * Makes {@code grantee} inherit {@code role}; returns false when it already did. Refuses a grant
   * that would make a role inherit itself.
   */
  boolean grant(Connection connection, RoleInfo role, RoleInfo grantee, String grantedBy)
      throws SQLException {
    if (inherited(connection, Set.of(role.id())).contains(grantee.id())) {
      throw QuiverException.invalid(
          "Granting role "
              + quote(role.name())
              + " to role "
              + quote(grantee.name())
              + " would make a cycle: "
              + quote(grantee.name())
              + " is already granted to "
              + quote(role.name())
              + ", directly or through other roles");
    }
    if (inheritance(connection).getOrDefault(grantee.id(), Set.of()).contains(role.id())) {
      return false;
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO QUIVER_CATALOG.ROLE_ROLES (GRANTEE_ID, ROLE_ID, GRANTED_BY, CREATED_ON)"
                + " VALUES (?, ?, ?, CURRENT_TIMESTAMP)")) {
      insert.setLong(1, grantee.id());
      insert.setLong(2, role.id());
      insert.setString(3, grantedBy);
      insert.executeUpdate();
    }
    epoch.incrementAndGet();
    return true;
  }

  /** Stops {@code grantee} inheriting {@code role}; returns whether it did. */
  boolean revoke(Connection connection, RoleInfo role, RoleInfo grantee) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement(
            "DELETE FROM QUIVER_CATALOG.ROLE_ROLES WHERE GRANTEE_ID = ? AND ROLE_ID = ?")) {
      delete.setLong(1, grantee.id());
      delete.setLong(2, role.id());
      epoch.incrementAndGet();
      return delete.executeUpdate() > 0;
    }
  }

  /** The roles each role is granted directly, by the id of the grantee. */
  Map<Long, Set<Long>> inheritance(Connection connection) throws SQLException {
    Map<Long, Set<Long>> granted = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT GRANTEE_ID, ROLE_ID FROM QUIVER_CATALOG.ROLE_ROLES")) {
      while (rows.next()) {
        granted.computeIfAbsent(rows.getLong(1), id -> new HashSet<>()).add(rows.getLong(2));
      }
    }
    return granted;
  }

  /** The roles given and every role they inherit, directly or through others. */
  Set<Long> inherited(Connection connection, Collection<Long> roles) throws SQLException {
    Map<Long, Set<Long>> granted = inheritance(connection);
    Set<Long> reached = new HashSet<>(roles);
    Deque<Long> pending = new ArrayDeque<>(roles);
    while (!pending.isEmpty()) {
      for (long next : granted.getOrDefault(pending.pop(), Set.of())) {
        if (reached.add(next)) {
          pending.push(next);
        }
      }
    }
    return reached;
  }

  /** The grantees of a role: the roles it is granted to, with who granted it and when. */
  List<RoleGrant> granteesOf(Connection connection, RoleInfo role) throws SQLException {
    return roleGrants(
        connection,
        "SELECT G.CREATED_ON, R.NAME, G.GRANTED_BY FROM QUIVER_CATALOG.ROLE_ROLES G"
            + " JOIN QUIVER_CATALOG.ROLES R ON R.ID = G.GRANTEE_ID WHERE G.ROLE_ID = ?"
            + " ORDER BY R.NAME",
        role.id());
  }

  /** The roles granted to a role, with who granted them and when. */
  List<RoleGrant> grantedTo(Connection connection, RoleInfo grantee) throws SQLException {
    return roleGrants(
        connection,
        "SELECT G.CREATED_ON, R.NAME, G.GRANTED_BY FROM QUIVER_CATALOG.ROLE_ROLES G"
            + " JOIN QUIVER_CATALOG.ROLES R ON R.ID = G.ROLE_ID WHERE G.GRANTEE_ID = ?"
            + " ORDER BY R.NAME",
        grantee.id());
  }

  /** A role granted to, or held by, another role or a user. */
  record RoleGrant(OffsetDateTime createdOn, String role, String grantedBy) {}

  static List<RoleGrant> roleGrants(Connection connection, String sql, long id)
      throws SQLException {
    List<RoleGrant> grants = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      query.setLong(1, id);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          grants.add(
              new RoleGrant(
                  rows.getObject(1, OffsetDateTime.class), rows.getString(2), rows.getString(3)));
        }
      }
    }
    return grants;
  }

  private static RoleInfo roleOf(ResultSet rows) throws SQLException {
    return new RoleInfo(
        rows.getLong(1),
        rows.getString(2),
        rows.getString(3),
        rows.getObject(4, OffsetDateTime.class));
  }

  static String quote(String name) {
    return ObjectName.quote(name);
  }

  private static java.util.stream.Collector<CharSequence, ?, String> joining() {
    return Collectors.joining(", ");
  }
}
