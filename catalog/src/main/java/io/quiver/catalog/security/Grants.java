package io.quiver.catalog.security;

import static java.util.Objects.requireNonNull;

import io.quiver.catalog.ObjectName;
import io.quiver.parser.ObjectKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The privileges granted to roles on objects, and the future grants of schemas, in the catalog
 * tables: one table per kind of object, whose rows go when their object is dropped.
 */
final class Grants {
  private final AtomicLong epoch;

  Grants(AtomicLong epoch) {
    this.epoch = requireNonNull(epoch, "epoch is null");
  }

  // The table of each kind of object.

  static String table(ObjectKind kind) {
    return switch (kind) {
      case DATABASE -> "QUIVER_CATALOG.DATABASE_GRANTS";
      case SCHEMA -> "QUIVER_CATALOG.SCHEMA_GRANTS";
      case TABLE -> "QUIVER_CATALOG.TABLE_GRANTS";
      case MODEL -> "QUIVER_CATALOG.MODEL_GRANTS";
    };
  }

  static String keyColumn(ObjectKind kind) {
    return switch (kind) {
      case DATABASE -> "DATABASE_ID";
      case SCHEMA, TABLE -> "SCHEMA_ID";
      case MODEL -> "MODEL_ID";
    };
  }

  /** The condition that selects an object's grants, with one or two parameters. */
  private static String keyCondition(ObjectKind kind) {
    String key = keyColumn(kind) + " = ?";
    return kind == ObjectKind.TABLE ? key + " AND TABLE_NAME = ?" : key;
  }

  /** Binds an object's key from parameter {@code index}; returns the next free index. */
  private static int bindKey(PreparedStatement statement, Securable object, int index)
      throws SQLException {
    statement.setLong(index, object.id());
    if (object.kind() == ObjectKind.TABLE) {
      statement.setString(index + 1, object.tableName());
      return index + 2;
    }
    return index + 1;
  }

  // Reading.

  /** The privileges that any of the roles holds on an object. */
  Set<Privilege> held(Connection connection, Securable object, Collection<Long> roles)
      throws SQLException {
    Set<Privilege> held = EnumSet.noneOf(Privilege.class);
    if (roles.isEmpty()) {
      return held;
    }
    String sql =
        "SELECT DISTINCT PRIVILEGE FROM "
            + table(object.kind())
            + " WHERE "
            + keyCondition(object.kind())
            + " AND ROLE_ID IN ("
            + marks(roles.size())
            + ")";
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      bindRoles(query, bindKey(query, object, 1), roles);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          held.add(Privilege.stored(rows.getString(1)));
        }
      }
    }
    return held;
  }

  /** The role that owns an object; empty for an object that no role owns. */
  Optional<String> owner(Connection connection, Securable object) throws SQLException {
    String sql =
        "SELECT R.NAME FROM "
            + table(object.kind())
            + " G JOIN QUIVER_CATALOG.ROLES R ON R.ID = G.ROLE_ID WHERE G."
            + keyCondition(object.kind()).replace(" AND TABLE_NAME", " AND G.TABLE_NAME")
            + " AND G.PRIVILEGE = 'OWNERSHIP'";
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      bindKey(query, object, 1);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
      }
    }
  }

  /**
   * The privileges the roles hold on every object of a kind, by the object's key: its id, or a
   * table's schema id and name.
   */
  Map<List<Object>, Set<Privilege>> heldOnAll(
      Connection connection, ObjectKind kind, Collection<Long> roles) throws SQLException {
    Map<List<Object>, Set<Privilege>> held = new HashMap<>();
    if (roles.isEmpty()) {
      return held;
    }
    String sql =
        "SELECT "
            + keyColumn(kind)
            + (kind == ObjectKind.TABLE ? ", TABLE_NAME" : "")
            + ", PRIVILEGE FROM "
            + table(kind)
            + " WHERE ROLE_ID IN ("
            + marks(roles.size())
            + ")";
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      bindRoles(query, 1, roles);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          held.computeIfAbsent(key(kind, rows), key -> EnumSet.noneOf(Privilege.class))
              .add(Privilege.stored(rows.getString(kind == ObjectKind.TABLE ? 3 : 2)));
        }
      }
    }
    return held;
  }

  /** The owner of every object of a kind that has one, by the object's key. */
  Map<List<Object>, String> owners(Connection connection, ObjectKind kind) throws SQLException {
    Map<List<Object>, String> owners = new HashMap<>();
    String sql =
        "SELECT G."
            + keyColumn(kind)
            + (kind == ObjectKind.TABLE ? ", G.TABLE_NAME" : "")
            + ", R.NAME FROM "
            + table(kind)
            + " G JOIN QUIVER_CATALOG.ROLES R ON R.ID = G.ROLE_ID"
            + " WHERE G.PRIVILEGE = 'OWNERSHIP'";
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        owners.put(key(kind, rows), rows.getString(kind == ObjectKind.TABLE ? 3 : 2));
      }
    }
    return owners;
  }

  private static List<Object> key(ObjectKind kind, ResultSet rows) throws SQLException {
    return kind == ObjectKind.TABLE
        ? List.of(rows.getLong(1), rows.getString(2))
        : List.of(rows.getLong(1));
  }

  /** Every grant on an object, the owner first. */
  List<GrantInfo> on(Connection connection, Securable object) throws SQLException {
    String sql =
        "SELECT G.CREATED_ON, G.PRIVILEGE, R.NAME, G.GRANTED_BY FROM "
            + table(object.kind())
            + " G JOIN QUIVER_CATALOG.ROLES R ON R.ID = G.ROLE_ID WHERE G."
            + keyCondition(object.kind()).replace(" AND TABLE_NAME", " AND G.TABLE_NAME")
            + " ORDER BY G.PRIVILEGE <> 'OWNERSHIP', G.PRIVILEGE, R.NAME";
    List<GrantInfo> grants = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      bindKey(query, object, 1);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          grants.add(
              new GrantInfo(
                  rows.getObject(1, OffsetDateTime.class),
                  rows.getString(2),
                  object.kind().name(),
                  object.name(),
                  rows.getString(3),
                  rows.getString(4)));
        }
      }
    }
    return grants;
  }

  /** Every privilege granted to a role on an object, by kind of object and name. */
  List<GrantInfo> to(Connection connection, RoleInfo role) throws SQLException {
    List<GrantInfo> grants = new ArrayList<>();
    for (ObjectKind kind : ObjectKind.values()) {
      String sql = grantsToRoleSql(kind);
      try (PreparedStatement query = connection.prepareStatement(sql)) {
        query.setLong(1, role.id());
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            grants.add(
                new GrantInfo(
                    rows.getObject(1, OffsetDateTime.class),
                    rows.getString(2),
                    kind.name(),
                    objectName(kind, rows),
                    role.name(),
                    rows.getString(3)));
          }
        }
      }
    }
    return grants;
  }

  /** The grants of a role on one kind of object, with the parts of each object's name. */
  private static String grantsToRoleSql(ObjectKind kind) {
    String select = "SELECT G.CREATED_ON, G.PRIVILEGE, G.GRANTED_BY, D.NAME";
    String from = " FROM " + table(kind) + " G";
    return switch (kind) {
      case DATABASE ->
          select
              + from
              + " JOIN QUIVER_CATALOG.DATABASES D ON D.ID = G.DATABASE_ID"
              + " WHERE G.ROLE_ID = ? ORDER BY D.NAME, G.PRIVILEGE";
      case SCHEMA ->
          select
              + ", S.NAME"
              + from
              + " JOIN QUIVER_CATALOG.SCHEMAS S ON S.ID = G.SCHEMA_ID"
              + " JOIN QUIVER_CATALOG.DATABASES D ON D.ID = S.DATABASE_ID"
              + " WHERE G.ROLE_ID = ? ORDER BY D.NAME, S.NAME, G.PRIVILEGE";
      case TABLE ->
          select
              + ", S.NAME, G.TABLE_NAME"
              + from
              + " JOIN QUIVER_CATALOG.SCHEMAS S ON S.ID = G.SCHEMA_ID"
              + " JOIN QUIVER_CATALOG.DATABASES D ON D.ID = S.DATABASE_ID"
              + " WHERE G.ROLE_ID = ? ORDER BY D.NAME, S.NAME, G.TABLE_NAME, G.PRIVILEGE";
      case MODEL ->
          select
              + ", S.NAME, M.NAME"
              + from
              + " JOIN QUIVER_CATALOG.MODELS M ON M.ID = G.MODEL_ID"
              + " JOIN QUIVER_CATALOG.SCHEMAS S ON S.ID = M.SCHEMA_ID"
              + " JOIN QUIVER_CATALOG.DATABASES D ON D.ID = S.DATABASE_ID"
              + " WHERE G.ROLE_ID = ? ORDER BY D.NAME, S.NAME, M.NAME, G.PRIVILEGE";
    };
  }

  private static String objectName(ObjectKind kind, ResultSet rows) throws SQLException {
    int parts = kind == ObjectKind.DATABASE ? 1 : kind == ObjectKind.SCHEMA ? 2 : 3;
    List<String> names = new ArrayList<>();
    for (int i = 0; i < parts; i++) {
      names.add(ObjectName.quote(rows.getString(4 + i)));
    }
    return String.join(".", names);
  }

  // Changing.

  /** Grants a privilege to a role; returns false when the role held it already. */
  boolean grant(
      Connection connection, Securable object, Privilege privilege, long role, String grantedBy)
      throws SQLException {
    if (held(connection, object, List.of(role)).contains(privilege)) {
      return false;
    }
    String keys =
        keyColumn(object.kind()) + (object.kind() == ObjectKind.TABLE ? ", TABLE_NAME" : "");
    String keyMarks = object.kind() == ObjectKind.TABLE ? "?, ?" : "?";
    String sql =
        "INSERT INTO "
            + table(object.kind())
            + " ("
            + keys
            + ", PRIVILEGE, ROLE_ID, GRANTED_BY, CREATED_ON) VALUES ("
            + keyMarks
            + ", ?, ?, ?, CURRENT_TIMESTAMP)";
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      int index = bindKey(insert, object, 1);
      insert.setString(index, privilege.sqlName());
      insert.setLong(index + 1, role);
      insert.setString(index + 2, grantedBy);
      insert.executeUpdate();
    }
    epoch.incrementAndGet();
    return true;
  }

  /** Takes a privilege from a role; returns whether the role held it. */
  boolean revoke(Connection connection, Securable object, Privilege privilege, long role)
      throws SQLException {
    String sql =
        "DELETE FROM "
            + table(object.kind())
            + " WHERE "
            + keyCondition(object.kind())
            + " AND PRIVILEGE = ? AND ROLE_ID = ?";
    try (PreparedStatement delete = connection.prepareStatement(sql)) {
      int index = bindKey(delete, object, 1);
      delete.setString(index, privilege.sqlName());
      delete.setLong(index + 1, role);
      epoch.incrementAndGet();
      return delete.executeUpdate() > 0;
    }
  }

  /** Makes a role the one owner of an object. */
  void setOwner(Connection connection, Securable object, long role, String grantedBy)
      throws SQLException {
    String sql =
        "DELETE FROM "
            + table(object.kind())
            + " WHERE "
            + keyCondition(object.kind())
            + " AND PRIVILEGE = 'OWNERSHIP'";
    try (PreparedStatement delete = connection.prepareStatement(sql)) {
      bindKey(delete, object, 1);
      delete.executeUpdate();
    }
    grant(connection, object, Privilege.OWNERSHIP, role, grantedBy);
  }

  /** Removes every grant on a table, before it is dropped or replaced. */
  void forgetTable(Connection connection, long schemaId, String table) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement(
            "DELETE FROM QUIVER_CATALOG.TABLE_GRANTS WHERE SCHEMA_ID = ? AND TABLE_NAME = ?")) {
      delete.setLong(1, schemaId);
      delete.setString(2, table);
      delete.executeUpdate();
    }
    epoch.incrementAndGet();
  }

  /** Gives the objects a role owns to another role, as when the role is dropped. */
  void transferOwnerships(Connection connection, long from, long to) throws SQLException {
    for (ObjectKind kind : ObjectKind.values()) {
      try (PreparedStatement update =
          connection.prepareStatement(
              "UPDATE "
                  + table(kind)
                  + " SET ROLE_ID = ? WHERE ROLE_ID = ? AND PRIVILEGE = 'OWNERSHIP'")) {
        update.setLong(1, to);
        update.setLong(2, from);
        update.executeUpdate();
      }
    }
    epoch.incrementAndGet();
  }

  // Future grants.

  /** A privilege that every new object of a kind in a schema receives. */
  record FutureGrant(
      OffsetDateTime createdOn, Privilege privilege, long roleId, String role, String grantedBy) {}

  List<FutureGrant> future(Connection connection, long schemaId, ObjectKind kind)
      throws SQLException {
    List<FutureGrant> grants = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT G.CREATED_ON, G.PRIVILEGE, G.ROLE_ID, R.NAME, G.GRANTED_BY"
                + " FROM QUIVER_CATALOG.FUTURE_GRANTS G"
                + " JOIN QUIVER_CATALOG.ROLES R ON R.ID = G.ROLE_ID"
                + " WHERE G.SCHEMA_ID = ? AND G.OBJECT_KIND = ? ORDER BY G.PRIVILEGE, R.NAME")) {
      query.setLong(1, schemaId);
      query.setString(2, kind.name());
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          grants.add(
              new FutureGrant(
                  rows.getObject(1, OffsetDateTime.class),
                  Privilege.stored(rows.getString(2)),
                  rows.getLong(3),
                  rows.getString(4),
                  rows.getString(5)));
        }
      }
    }
    return grants;
  }

  boolean grantFuture(
      Connection connection,
      long schemaId,
      ObjectKind kind,
      Privilege privilege,
      long role,
      String grantedBy)
      throws SQLException {
    for (FutureGrant grant : future(connection, schemaId, kind)) {
      if (grant.privilege() == privilege && grant.roleId() == role) {
        return false;
      }
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO QUIVER_CATALOG.FUTURE_GRANTS"
                + " (SCHEMA_ID, OBJECT_KIND, PRIVILEGE, ROLE_ID, GRANTED_BY, CREATED_ON)"
                + " VALUES (?, ?, ?, ?, ?, CURRENT_TIMESTAMP)")) {
      insert.setLong(1, schemaId);
      insert.setString(2, kind.name());
      insert.setString(3, privilege.sqlName());
      insert.setLong(4, role);
      insert.setString(5, grantedBy);
      insert.executeUpdate();
    }
    epoch.incrementAndGet();
    return true;
  }

  boolean revokeFuture(
      Connection connection, long schemaId, ObjectKind kind, Privilege privilege, long role)
      throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement(
            "DELETE FROM QUIVER_CATALOG.FUTURE_GRANTS"
                + " WHERE SCHEMA_ID = ? AND OBJECT_KIND = ? AND PRIVILEGE = ? AND ROLE_ID = ?")) {
      delete.setLong(1, schemaId);
      delete.setString(2, kind.name());
      delete.setString(3, privilege.sqlName());
      delete.setLong(4, role);
      epoch.incrementAndGet();
      return delete.executeUpdate() > 0;
    }
  }

  /** Gives a new object its schema's future grants. */
  void applyFuture(Connection connection, Securable object, long schemaId) throws SQLException {
    for (FutureGrant grant : future(connection, schemaId, object.kind())) {
      grant(connection, object, grant.privilege(), grant.roleId(), grant.grantedBy());
    }
  }

  // Repairs.

  /**
   * Gives every object of a kind that no role owns to a role, and returns how many there were: a
   * store made before access control, or a crash between creating an object and recording its
   * owner, leaves objects without an owner.
   */
  int adoptOwnerless(Connection connection, ObjectKind kind, long role) throws SQLException {
    String objects =
        switch (kind) {
          case DATABASE -> "SELECT ID FROM QUIVER_CATALOG.DATABASES";
          case SCHEMA -> "SELECT ID FROM QUIVER_CATALOG.SCHEMAS";
          case MODEL -> "SELECT ID FROM QUIVER_CATALOG.MODELS";
          case TABLE -> throw new IllegalArgumentException("Tables are adopted by name");
        };
    String sql =
        "INSERT INTO "
            + table(kind)
            + " ("
            + keyColumn(kind)
            + ", PRIVILEGE, ROLE_ID, GRANTED_BY, CREATED_ON)"
            + " SELECT O.ID, 'OWNERSHIP', ?, 'SYSTEM', CURRENT_TIMESTAMP FROM ("
            + objects
            + ") O WHERE NOT EXISTS (SELECT 1 FROM "
            + table(kind)
            + " G WHERE G."
            + keyColumn(kind)
            + " = O.ID AND G.PRIVILEGE = 'OWNERSHIP')";
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      insert.setLong(1, role);
      return insert.executeUpdate();
    }
  }

  /**
   * Makes the table grants match H2's tables: tables without an owner get {@code role} as owner,
   * and grants on tables that no longer exist are removed. Returns how many tables were adopted.
   */
  int reconcileTables(Connection connection, long role) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate(
          "DELETE FROM QUIVER_CATALOG.TABLE_GRANTS G WHERE NOT EXISTS ("
              + "SELECT 1 FROM INFORMATION_SCHEMA.TABLES T"
              + " WHERE T.TABLE_SCHEMA = 'S' || G.SCHEMA_ID AND T.TABLE_NAME = G.TABLE_NAME)");
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO QUIVER_CATALOG.TABLE_GRANTS"
                + " (SCHEMA_ID, TABLE_NAME, PRIVILEGE, ROLE_ID, GRANTED_BY, CREATED_ON)"
                + " SELECT S.ID, T.TABLE_NAME, 'OWNERSHIP', ?, 'SYSTEM', CURRENT_TIMESTAMP"
                + " FROM QUIVER_CATALOG.SCHEMAS S JOIN INFORMATION_SCHEMA.TABLES T"
                + " ON T.TABLE_SCHEMA = 'S' || S.ID"
                + " WHERE NOT EXISTS (SELECT 1 FROM QUIVER_CATALOG.TABLE_GRANTS G"
                + " WHERE G.SCHEMA_ID = S.ID AND G.TABLE_NAME = T.TABLE_NAME"
                + " AND G.PRIVILEGE = 'OWNERSHIP')")) {
      insert.setLong(1, role);
      return insert.executeUpdate();
    }
  }

  // Parameters.

  private static String marks(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }

  private static int bindRoles(PreparedStatement statement, int index, Collection<Long> roles)
      throws SQLException {
    int next = index;
    for (long role : roles) {
      statement.setLong(next++, role);
    }
    return next;
  }
}
