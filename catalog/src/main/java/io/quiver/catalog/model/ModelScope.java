package io.quiver.catalog.model;

import static java.util.Objects.requireNonNull;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Where SHOW looks for models or tags: the whole account, one database, or one schema.
 *
 * @param database the database, or null for the account
 * @param schema the schema within the database, or null for the whole database
 */
public record ModelScope(@Nullable String database, @Nullable String schema) {
  public ModelScope {
    if (schema != null) {
      requireNonNull(database, "a scope with a schema needs its database");
    }
  }

  public static ModelScope account() {
    return new ModelScope(null, null);
  }

  public static ModelScope database(String database) {
    return new ModelScope(requireNonNull(database, "database is null"), null);
  }

  public static ModelScope schema(String database, String schema) {
    return new ModelScope(
        requireNonNull(database, "database is null"), requireNonNull(schema, "schema is null"));
  }
}
