package io.quiver.catalog.command;

import io.quiver.catalog.QuiverException;
import io.quiver.catalog.SchemaInfo;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/** Copies a query's rows into a table, in one H2 transaction. */
final class QueryCopier {
  private static final int INSERT_BATCH = 1_000;

  private QueryCopier() {}

  /**
   * Runs {@code query} on the command's connection and inserts its rows into {@code table}; returns
   * the number of rows. Either all rows are inserted or none.
   *
   * @param columns the table's columns to fill, in the query's order; null for all of them
   */
  static long copy(
      CommandContext context,
      String query,
      SchemaInfo schema,
      String table,
      @Nullable List<String> columns) {
    try (PreparedStatement statement = context.connection().prepareStatement(query);
        ResultSet rows = statement.executeQuery()) {
      int width = rows.getMetaData().getColumnCount();
      String insert = insertSql(schema, table, columns, width);
      return context
          .session()
          .store()
          .transaction(
              connection -> {
                try (PreparedStatement target = connection.prepareStatement(insert)) {
                  return insertAll(rows, target, width);
                }
              });
    } catch (SQLException e) {
      throw QuiverException.invalid(
          "Cannot copy the query's rows into "
              + schema.fullName()
              + "."
              + table
              + ": "
              + e.getMessage());
    }
  }

  private static long insertAll(ResultSet rows, PreparedStatement target, int width)
      throws SQLException {
    long count = 0;
    while (rows.next()) {
      for (int i = 1; i <= width; i++) {
        target.setObject(i, rows.getObject(i));
      }
      target.addBatch();
      if (++count % INSERT_BATCH == 0) {
        target.executeBatch();
      }
    }
    target.executeBatch();
    return count;
  }

  private static String insertSql(
      SchemaInfo schema, String table, @Nullable List<String> columns, int width) {
    if (columns != null && columns.size() != width) {
      throw QuiverException.invalid(
          "INSERT names " + columns.size() + " columns but its query returns " + width);
    }
    StringBuilder sql = new StringBuilder("INSERT INTO ").append(Tables.h2Name(schema, table));
    if (columns != null) {
      List<String> quoted = new ArrayList<>();
      for (String column : columns) {
        quoted.add(Tables.quote(column));
      }
      sql.append(" (").append(String.join(", ", quoted)).append(')');
    }
    String marks = String.join(", ", Collections.nCopies(width, "?"));
    return sql.append(" VALUES (").append(marks).append(')').toString();
  }
}
