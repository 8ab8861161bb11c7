package io.quiver.catalog.security;

import static java.util.Objects.requireNonNull;

import io.quiver.catalog.DatabaseInfo;
import io.quiver.catalog.ObjectName;
import io.quiver.catalog.SchemaInfo;
import io.quiver.catalog.model.ModelInfo;
import io.quiver.parser.ObjectKind;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * An object that privileges are granted on, with the keys of its grants in the catalog.
 *
 * @param kind the kind of object
 * @param name the full name as a user writes it, such as {@code QUIVER.PUBLIC.CHURN}
 * @param id the object's key; a table's is its schema's, as tables have no catalog row
 * @param tableName the table's name, for a table only
 */
public record Securable(ObjectKind kind, String name, long id, @Nullable String tableName) {
  public Securable {
    requireNonNull(kind, "kind is null");
    requireNonNull(name, "name is null");
    if ((kind == ObjectKind.TABLE) != (tableName != null)) {
      throw new IllegalArgumentException("A table, and only a table, has a table name");
    }
  }

  public static Securable database(DatabaseInfo database) {
    return new Securable(
        ObjectKind.DATABASE, ObjectName.quote(database.name()), database.id(), null);
  }

  public static Securable schema(SchemaInfo schema) {
    return new Securable(ObjectKind.SCHEMA, schema.fullName(), schema.id(), null);
  }

  public static Securable table(SchemaInfo schema, String table) {
    String name = schema.fullName() + "." + ObjectName.quote(table);
    return new Securable(ObjectKind.TABLE, name, schema.id(), table);
  }

  public static Securable model(ModelInfo model) {
    return new Securable(ObjectKind.MODEL, model.name().toString(), model.id(), null);
  }

  /** The object as errors and SHOW GRANTS name it: {@code MODEL QUIVER.PUBLIC.CHURN}. */
  public String describe() {
    return kind + " " + name;
  }

  /** The kind in lower case, as sentences use it: {@code model}. */
  String noun() {
    return kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}
