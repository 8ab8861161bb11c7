package io.quiver.catalog.command;

import io.quiver.catalog.ObjectName;
import io.quiver.catalog.QuiverException;
import io.quiver.catalog.SchemaInfo;
import io.quiver.catalog.Store;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/** The users' tables as H2 stores them, one H2 schema per Quiver schema. */
final class Tables {
  private Tables() {}

  /** A table's column, as H2 describes it. */
  record Column(
      String name,
      String type,
      int jdbcType,
      boolean nullable,
      @Nullable String defaultValue,
      boolean primaryKey) {}

  /** A table of a schema with its row count. */
  record TableInfo(String name, java.time.OffsetDateTime createdOn, long rows) {}

  static boolean exists(Store store, SchemaInfo schema, String table) {
    return store.transaction(
        connection -> {
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT 1 FROM INFORMATION_SCHEMA.TABLES"
                      + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?")) {
            query.setString(1, schema.storageSchema());
            query.setString(2, table);
            try (ResultSet rows = query.executeQuery()) {
              return rows.next();
            }
          }
        });
  }

  static void requireTable(Store store, SchemaInfo schema, ObjectName name) {
    if (!exists(store, schema, name.name())) {
      throw QuiverException.notFound("Table " + name + " does not exist or not authorized");
    }
  }

  static List<String> names(Store store, SchemaInfo schema) {
    return store.transaction(
        connection -> {
          List<String> names = new ArrayList<>();
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                      + " WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME")) {
            query.setString(1, schema.storageSchema());
            try (ResultSet rows = query.executeQuery()) {
              while (rows.next()) {
                names.add(rows.getString(1));
              }
            }
          }
          return names;
        });
  }

  static long rowCount(Store store, SchemaInfo schema, String table) {
    return store.transaction(
        connection -> {
          try (PreparedStatement query =
                  connection.prepareStatement("SELECT COUNT(*) FROM " + h2Name(schema, table));
              ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
          }
        });
  }

  static List<Column> columns(Store store, SchemaInfo schema, String table) {
    return store.transaction(
        connection -> {
          List<Column> columns = new ArrayList<>();
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT C.COLUMN_NAME, C.DATA_TYPE, C.CHARACTER_MAXIMUM_LENGTH,"
                      + " C.NUMERIC_PRECISION, C.NUMERIC_SCALE, C.IS_NULLABLE, C.COLUMN_DEFAULT,"
                      + " EXISTS (SELECT 1 FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE K"
                      + "   JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS T"
                      + "     ON T.CONSTRAINT_NAME = K.CONSTRAINT_NAME"
                      + "     AND T.CONSTRAINT_SCHEMA = K.CONSTRAINT_SCHEMA"
                      + "   WHERE T.CONSTRAINT_TYPE = 'PRIMARY KEY' AND K.TABLE_SCHEMA = ?"
                      + "   AND K.TABLE_NAME = ? AND K.COLUMN_NAME = C.COLUMN_NAME)"
                      + " FROM INFORMATION_SCHEMA.COLUMNS C"
                      + " WHERE C.TABLE_SCHEMA = ? AND C.TABLE_NAME = ?"
                      + " ORDER BY C.ORDINAL_POSITION")) {
            query.setString(1, schema.storageSchema());
            query.setString(2, table);
            query.setString(3, schema.storageSchema());
            query.setString(4, table);
            try (ResultSet rows = query.executeQuery()) {
              while (rows.next()) {
                columns.add(columnOf(rows));
              }
            }
          }
          return columns;
        });
  }

  private static Column columnOf(ResultSet rows) throws java.sql.SQLException {
    String type = rows.getString(2);
    long length = rows.getLong(3);
    if (!rows.wasNull() && type.contains("CHARACTER") && length < Integer.MAX_VALUE) {
      type = "VARCHAR(" + length + ")";
    } else if (type.contains("CHARACTER")) {
      type = "VARCHAR";
    } else if (type.equals("NUMERIC") || type.equals("DECIMAL")) {
      type = "NUMBER(" + rows.getInt(4) + "," + rows.getInt(5) + ")";
    }
    return new Column(
        rows.getString(1),
        type,
        0,
        "YES".equals(rows.getString(6)),
        rows.getString(7),
        rows.getBoolean(8));
  }

  /** The table's quoted H2 name, {@code "S12"."T"}. */
  static String h2Name(SchemaInfo schema, String table) {
    return quote(schema.storageSchema()) + "." + quote(table);
  }

  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
