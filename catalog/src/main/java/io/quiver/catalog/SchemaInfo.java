package io.quiver.catalog;

import java.time.OffsetDateTime;
import org.checkerframework.checker.nullness.qual.Nullable;

/** A schema of the catalog, and the H2 schema that holds its tables. */
public record SchemaInfo(
    long id, String database, String name, @Nullable String comment, OffsetDateTime createdOn) {
  /** The name of the H2 schema that holds this schema's tables. */
  public String storageSchema() {
    return storageSchema(id);
  }

  static String storageSchema(long id) {
    return "S" + id;
  }

  /** {@code DATABASE.SCHEMA}, quoted where needed. */
  public String fullName() {
    return ObjectName.quote(database) + "." + ObjectName.quote(name);
  }
}
