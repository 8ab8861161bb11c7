package io.quiver.catalog.security;

import static java.util.Objects.requireNonNull;

import io.quiver.catalog.DatabaseInfo;
import io.quiver.catalog.SchemaInfo;
import io.quiver.catalog.model.ModelInfo;
import io.quiver.parser.ObjectKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a session may see and do, read from the catalog for its current role and every role that
 * role inherits. A view is read again after any change to users, roles or grants, so a revoked
 * privilege is gone by the next statement.
 *
 * <p>An object is visible when the roles hold any privilege on it and may use what holds it: a
 * database is usable with USAGE or OWNERSHIP on it, a schema with USAGE or OWNERSHIP on it and on
 * its database. The role ACCOUNTADMIN sees and may do everything.
 */
public final class AccessView {
  private static final Set<Privilege> USE = EnumSet.of(Privilege.USAGE, Privilege.OWNERSHIP);

  private final String user;
  private final String role;
  private final List<String> roles;
  private final boolean administrator;
  private final Map<ObjectKind, Map<List<Object>, Set<Privilege>>> held;
  private final Map<Long, Long> databaseOfSchema;

  AccessView(
      String user,
      String role,
      List<String> roles,
      boolean administrator,
      Map<ObjectKind, Map<List<Object>, Set<Privilege>>> held,
      Map<Long, Long> databaseOfSchema) {
    this.user = requireNonNull(user, "user is null");
    this.role = requireNonNull(role, "role is null");
    this.roles = List.copyOf(roles);
    this.administrator = administrator;
    this.held = Map.copyOf(held);
    this.databaseOfSchema = Map.copyOf(databaseOfSchema);
  }

  public String user() {
    return user;
  }

  /** The session's current role. */
  public String role() {
    return role;
  }

  /** The names of the roles whose privileges the session has: its role and those it inherits. */
  public List<String> roles() {
    return roles;
  }

  /** Whether the session acts with ACCOUNTADMIN, which holds every privilege. */
  public boolean isAdministrator() {
    return administrator;
  }

  /** The privileges the session holds on an object. */
  public Set<Privilege> privileges(Securable object) {
    if (administrator) {
      Set<Privilege> all = EnumSet.noneOf(Privilege.class);
      for (Privilege privilege : Privilege.values()) {
        if (privilege.appliesTo(object.kind())) {
          all.add(privilege);
        }
      }
      return all;
    }
    List<Object> key =
        object.kind() == ObjectKind.TABLE
            ? List.of(object.id(), requireNonNull(object.tableName()))
            : List.of(object.id());
    return held.getOrDefault(object.kind(), Map.of()).getOrDefault(key, Set.of());
  }

  /** Whether the session holds a privilege on an object, or owns it. */
  public boolean holds(Securable object, Privilege privilege) {
    Set<Privilege> privileges = privileges(object);
    return privileges.contains(privilege) || privileges.contains(Privilege.OWNERSHIP);
  }

  public boolean canSee(DatabaseInfo database) {
    return !privileges(Securable.database(database)).isEmpty();
  }

  public boolean canUse(DatabaseInfo database) {
    return usesDatabase(database.id());
  }

  public boolean canSee(SchemaInfo schema) {
    return usesDatabaseOf(schema.id()) && !privileges(Securable.schema(schema)).isEmpty();
  }

  public boolean canUse(SchemaInfo schema) {
    return usesSchema(schema.id());
  }

  /** Whether the session sees a model: it may use its schema and holds a privilege on it. */
  public boolean canSee(ModelInfo model) {
    return usesSchema(model.schemaId()) && !privileges(Securable.model(model)).isEmpty();
  }

  /** Whether the session sees a table: it may use its schema and holds a privilege on it. */
  public boolean canSeeTable(SchemaInfo schema, String table) {
    return usesSchema(schema.id()) && !privileges(Securable.table(schema, table)).isEmpty();
  }

  private boolean usesSchema(long schema) {
    return usesDatabaseOf(schema) && uses(ObjectKind.SCHEMA, List.of(schema));
  }

  private boolean usesDatabaseOf(long schema) {
    if (administrator) {
      return true;
    }
    Long database = databaseOfSchema.get(schema);
    return database != null && uses(ObjectKind.DATABASE, List.of(database));
  }

  private boolean usesDatabase(long database) {
    return administrator || uses(ObjectKind.DATABASE, List.of(database));
  }

  private boolean uses(ObjectKind kind, List<Object> key) {
    if (administrator) {
      return true;
    }
    Set<Privilege> privileges = held.getOrDefault(kind, Map.of()).getOrDefault(key, Set.of());
    return privileges.stream().anyMatch(USE::contains);
  }
}
