package io.quiver.catalog;

import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;

/** Resolves the names users write against the session's current database and schema. */
public final class Names {
  private Names() {}

  /**
   * The full name of a schema object written as {@code name}, {@code schema.name} or {@code
   * database.schema.name}; the missing parts come from the session.
   */
  public static ObjectName object(SqlIdentifier identifier, Session session) {
    List<String> names = identifier.names;
    switch (names.size()) {
      case 1:
        return new ObjectName(session.requireDatabase(), session.requireSchema(), names.get(0));
      case 2:
        return new ObjectName(session.requireDatabase(), names.get(0), names.get(1));
      case 3:
        return new ObjectName(names.get(0), names.get(1), names.get(2));
      default:
        throw QuiverException.invalid(
            "Name "
                + identifier
                + " has too many parts; write name, schema.name or"
                + " database.schema.name");
    }
  }

  /**
   * The database and schema written as {@code schema} or {@code database.schema}, as a two-item
   * list.
   */
  public static List<String> schema(SqlIdentifier identifier, Session session) {
    List<String> names = identifier.names;
    switch (names.size()) {
      case 1:
        return List.of(session.requireDatabase(), names.get(0));
      case 2:
        return List.of(names.get(0), names.get(1));
      default:
        throw QuiverException.invalid(
            "Schema name " + identifier + " has too many parts; write schema or database.schema");
    }
  }

  /** A simple name, such as a database's or a version's. */
  public static String simple(SqlIdentifier identifier, String kind) {
    if (!identifier.isSimple()) {
      throw QuiverException.invalid(
          kind + " name " + identifier + " cannot be qualified; write a single name");
    }
    return identifier.getSimple();
  }
}
