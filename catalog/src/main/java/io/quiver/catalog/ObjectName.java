package io.quiver.catalog;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * The full name of a schema object: database, schema and object name, as stored (unquoted names
 * upper-cased, quoted ones as written).
 */
public record ObjectName(String database, String schema, String name) {
  private static final Pattern PLAIN = Pattern.compile("[A-Z_][A-Z0-9_$]*");

  public ObjectName {
    requireNonNull(database, "database is null");
    requireNonNull(schema, "schema is null");
    requireNonNull(name, "name is null");
  }

  /** The name as a user would type it: {@code ML.PUBLIC.CHURN}, quoting parts that need it. */
  @Override
  public String toString() {
    return quote(database) + "." + quote(schema) + "." + quote(name);
  }

  /** The schema's full name, {@code ML.PUBLIC}. */
  public String schemaPath() {
    return quote(database) + "." + quote(schema);
  }

  /** A single identifier as a user would type it, quoted when it is not a plain upper-case name. */
  public static String quote(String identifier) {
    if (PLAIN.matcher(identifier).matches()) {
      return identifier;
    }
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
