package io.quiver.catalog.security;

import static java.util.Objects.requireNonNull;

import io.quiver.catalog.DatabaseInfo;
import io.quiver.catalog.ObjectName;
import io.quiver.catalog.QuiverException;
import io.quiver.catalog.SchemaInfo;
import io.quiver.catalog.Session;
import io.quiver.catalog.Store;
import io.quiver.catalog.model.ModelInfo;
import io.quiver.catalog.model.ModelOwner;
import io.quiver.parser.ObjectKind;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides what a session may see and do, and records who owns what it creates.
 *
 * <p>An object the session cannot see fails as one that does not exist does ("Model X does not
 * exist or not authorized"), so that errors do not tell a role which objects exist. An object it
 * sees but may not act on fails naming the privilege it lacks.
 */
public final class AccessControl {
  private final Store store;
  private final Roles roles;
  private final Users users;
  private final Grants grants;
  private final AtomicLong epoch;
  private final Map<Session, CachedView> views = Collections.synchronizedMap(new WeakHashMap<>());

  /** A session's view and the catalog's security epoch it was read at. */
  private record CachedView(long epoch, String user, String role, AccessView view) {}

  AccessControl(Store store, Roles roles, Users users, Grants grants, AtomicLong epoch) {
    this.store = requireNonNull(store, "store is null");
    this.roles = requireNonNull(roles, "roles is null");
    this.users = requireNonNull(users, "users is null");
    this.grants = requireNonNull(grants, "grants is null");
    this.epoch = requireNonNull(epoch, "epoch is null");
  }

  // What the session sees.

  /** What a session may see and do now; read again after any change to the security catalog. */
  public AccessView view(Session session) {
    long now = epoch.get();
    CachedView cached = views.get(session);
    if (cached != null
        && cached.epoch() == now
        && cached.user().equals(session.user())
        && cached.role().equals(session.role())) {
      return cached.view();
    }
    AccessView view = store.transaction(connection -> read(connection, session));
    views.put(session, new CachedView(now, session.user(), session.role(), view));
    return view;
  }

  private AccessView read(Connection connection, Session session) throws SQLException {
    Optional<UserInfo> user = users.find(connection, session.user());
    RoleInfo everyone = roles.require(connection, Roles.PUBLIC);
    if (user.isEmpty()) {
      return new AccessView(session.user(), Roles.PUBLIC, List.of(), false, Map.of(), Map.of());
    }
    Set<Long> held = new HashSet<>(users.directRoles(connection, user.get()));
    held.add(everyone.id());
    held = roles.inherited(connection, held);
    Optional<RoleInfo> current = roles.find(connection, session.role());
    RoleInfo acting =
        current.isPresent() && held.contains(current.get().id()) ? current.get() : everyone;
    Set<Long> active =
        roles.inherited(connection, new HashSet<>(List.of(acting.id(), everyone.id())));
    List<String> names = new ArrayList<>();
    boolean administrator = false;
    for (RoleInfo role : roles.all(connection)) {
      if (active.contains(role.id())) {
        names.add(role.name());
        administrator |= role.name().equals(Roles.ACCOUNTADMIN);
      }
    }
    Map<ObjectKind, Map<List<Object>, Set<Privilege>>> privileges = new EnumMap<>(ObjectKind.class);
    for (ObjectKind kind : ObjectKind.values()) {
      privileges.put(kind, grants.heldOnAll(connection, kind, active));
    }
    return new AccessView(
        user.get().name(),
        acting.name(),
        names,
        administrator,
        privileges,
        databaseOfSchema(connection));
  }

  private static Map<Long, Long> databaseOfSchema(Connection connection) throws SQLException {
    Map<Long, Long> databases = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT ID, DATABASE_ID FROM QUIVER_CATALOG.SCHEMAS")) {
      while (rows.next()) {
        databases.put(rows.getLong(1), rows.getLong(2));
      }
    }
    return databases;
  }

  // Objects by name, with the session's checks.

  /** A database the session may use, or an error that does not say whether it exists. */
  public DatabaseInfo database(Session session, String name) {
    return usableDatabase(session, name)
        .orElseThrow(() -> notFound("Database", ObjectName.quote(name)));
  }

  /** A database the session may use; empty when it does not exist or the session may not. */
  public Optional<DatabaseInfo> usableDatabase(Session session, String name) {
    AccessView view = view(session);
    return store.catalog().database(name).filter(view::canUse);
  }

  /** A schema the session may use, or an error that does not say whether it exists. */
  public SchemaInfo schema(Session session, String database, String name) {
    return usableSchema(session, database, name)
        .orElseThrow(
            () -> notFound("Schema", ObjectName.quote(database) + "." + ObjectName.quote(name)));
  }

  /** A schema the session may use; empty when it does not exist or the session may not. */
  public Optional<SchemaInfo> usableSchema(Session session, String database, String name) {
    AccessView view = view(session);
    if (store.catalog().database(database).filter(view::canUse).isEmpty()) {
      return Optional.empty();
    }
    return store.catalog().schema(database, name).filter(view::canUse);
  }

  /** A model the session sees, or an error that does not say whether it exists. */
  public ModelInfo model(Session session, ObjectName name) {
    return visibleModel(session, name).orElseThrow(() -> notFound("Model", name.toString()));
  }

  /** A model the session sees; empty when it does not exist or the session cannot see it. */
  public Optional<ModelInfo> visibleModel(Session session, ObjectName name) {
    AccessView view = view(session);
    return store.models().model(name).filter(view::canSee);
  }

  /**
   * A model the session sees and holds one of the privileges on (OWNERSHIP always counts).
   *
   * @param action what the statement does to the model, as in "call", for the error
   */
  public ModelInfo model(Session session, ObjectName name, String action, Privilege... accepted) {
    ModelInfo model = model(session, name);
    require(session, Securable.model(model), action, accepted);
    return model;
  }

  /**
   * Fails unless the session sees a table and holds one of the privileges on it; a table it cannot
   * see fails as one that does not exist.
   */
  public void table(
      Session session, SchemaInfo schema, String table, String action, Privilege... accepted) {
    if (!view(session).canSeeTable(schema, table)) {
      throw notFound("Table", Securable.table(schema, table).name());
    }
    require(session, Securable.table(schema, table), action, accepted);
  }

  /** Fails unless the session sees a table, which it does when it holds any privilege on it. */
  public void visibleTable(Session session, SchemaInfo schema, String table) {
    if (!view(session).canSeeTable(schema, table)) {
      throw notFound("Table", Securable.table(schema, table).name());
    }
  }

  /** Whether the session sees a table. */
  public boolean canSeeTable(Session session, SchemaInfo schema, String table) {
    return view(session).canSeeTable(schema, table);
  }

  /**
   * Fails unless the session holds one of the privileges on an object it sees (OWNERSHIP always
   * counts), naming the first privilege and how to get it.
   */
  public void require(Session session, Securable object, String action, Privilege... accepted) {
    AccessView view = view(session);
    for (Privilege privilege : accepted) {
      if (view.holds(object, privilege)) {
        return;
      }
    }
    throw insufficient(view, object, action, accepted[0]);
  }

  /** Fails unless the session acts with ACCOUNTADMIN. */
  public void requireAdministrator(Session session, String action) {
    AccessView view = view(session);
    if (!view.isAdministrator()) {
      throw new QuiverException(
          QuiverException.Category.PRIVILEGE,
          "Only the role "
              + Roles.ACCOUNTADMIN
              + " may "
              + action
              + "; the session's role is "
              + ObjectName.quote(view.role())
              + ". A user granted "
              + Roles.ACCOUNTADMIN
              + " can run USE ROLE "
              + Roles.ACCOUNTADMIN);
    }
  }

  /** The error for an object the session cannot see, the same as for one that does not exist. */
  public static QuiverException notFound(String kind, String name) {
    return QuiverException.notFound(kind + " " + name + " does not exist or not authorized");
  }

  private static QuiverException insufficient(
      AccessView view, Securable object, String action, Privilege needed) {
    return new QuiverException(
        QuiverException.Category.PRIVILEGE,
        "Insufficient privileges to "
            + action
            + " "
            + object.noun()
            + " "
            + object.name()
            + ": role "
            + ObjectName.quote(view.role())
            + " has no "
            + needed.sqlName()
            + " on it. Its owner can grant it with GRANT "
            + needed.sqlName()
            + " ON "
            + object.describe()
            + " TO ROLE "
            + ObjectName.quote(view.role()));
  }

  // Owners.

  /** The role that owns each object of a kind, by the object's id (a table's: schema and name). */
  public Map<List<Object>, String> owners(ObjectKind kind) {
    return store.transaction(connection -> grants.owners(connection, kind));
  }

  /** Makes the session's role the owner of an object it created. */
  public void recordOwner(Session session, Securable object) {
    AccessView view = view(session);
    store.transaction(
        connection -> {
          long role = roles.require(connection, view.role()).id();
          grants.setOwner(connection, object, role, view.user());
          return null;
        });
  }

  /**
   * Records a table the session created: its role owns it, and the schema's future grants on tables
   * apply. Grants left from an earlier table of the same name are removed first.
   */
  public void recordNewTable(Session session, SchemaInfo schema, String table) {
    AccessView view = view(session);
    Securable object = Securable.table(schema, table);
    store.transaction(
        connection -> {
          long role = roles.require(connection, view.role()).id();
          grants.forgetTable(connection, schema.id(), table);
          grants.setOwner(connection, object, role, view.user());
          grants.applyFuture(connection, object, schema.id());
          return null;
        });
  }

  /** Removes the grants on a table that is about to be dropped. */
  public void forgetTable(SchemaInfo schema, String table) {
    store.transaction(
        connection -> {
          grants.forgetTable(connection, schema.id(), table);
          return null;
        });
  }

  /**
   * The owner of the models a session creates: its role, recorded in the transaction that creates
   * the model, with the schema's future grants on models.
   */
  public ModelOwner modelOwner(Session session) {
    AccessView view = view(session);
    return (connection, model, modelId, schemaId) -> {
      Securable object = new Securable(ObjectKind.MODEL, model.toString(), modelId, null);
      grants.setOwner(connection, object, roles.require(connection, view.role()).id(), view.user());
      grants.applyFuture(connection, object, schemaId);
    };
  }
}
