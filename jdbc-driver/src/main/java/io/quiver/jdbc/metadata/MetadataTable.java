package io.quiver.jdbc.metadata;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.h2.tools.SimpleResultSet;

/**
 * A result of {@link java.sql.DatabaseMetaData} built in memory, with the columns JDBC defines for
 * it. Through a server, Avatica reads it like any other result set.
 */
final class MetadataTable {
  /** A column of a metadata result. */
  record Column(String name, int jdbcType) {
    Column {
      requireNonNull(name, "name is null");
    }

    static Column text(String name) {
      return new Column(name, Types.VARCHAR);
    }

    static Column integer(String name) {
      return new Column(name, Types.INTEGER);
    }

    static Column smallint(String name) {
      return new Column(name, Types.SMALLINT);
    }

    /** The value a row holds for this column, in the Java type its JDBC type reads as. */
    @Nullable Object convert(@Nullable Object value) {
      if (value == null || !(value instanceof Number)) {
        return value;
      }
      Number number = (Number) value;
      if (jdbcType == Types.INTEGER) {
        return number.intValue();
      }
      return jdbcType == Types.SMALLINT ? (Object) number.shortValue() : value;
    }
  }

  private final List<Column> columns;
  private final SimpleResultSet resultSet = new SimpleResultSet();

  MetadataTable(List<Column> columns) {
    this.columns = List.copyOf(columns);
    for (Column column : this.columns) {
      resultSet.addColumn(column.name(), column.jdbcType(), precision(column.jdbcType()), 0);
    }
  }

  /** A table with the columns of another result set. */
  static MetadataTable like(ResultSet source) throws SQLException {
    ResultSetMetaData metaData = source.getMetaData();
    List<Column> columns = new ArrayList<>();
    for (int index = 1; index <= metaData.getColumnCount(); index++) {
      columns.add(new Column(metaData.getColumnLabel(index), metaData.getColumnType(index)));
    }
    return new MetadataTable(columns);
  }

  private static int precision(int jdbcType) {
    switch (jdbcType) {
      case Types.INTEGER:
        return 10;
      case Types.SMALLINT:
        return 5;
      case Types.BOOLEAN:
        return 1;
      default:
        return 255;
    }
  }

  /** Adds a row; values follow the columns' order. */
  void add(@Nullable Object... values) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(
          "A row needs " + columns.size() + " values, got " + values.length);
    }
    Object[] row = new Object[values.length];
    for (int index = 0; index < values.length; index++) {
      row[index] = columns.get(index).convert(values[index]);
    }
    resultSet.addRow(row);
  }

  /**
   * Adds the current row of another result set, read by column name; {@code replacements} gives the
   * values of the columns that differ.
   */
  void copy(ResultSet source, Map<String, Object> replacements) throws SQLException {
    Object[] row = new Object[columns.size()];
    for (int index = 0; index < row.length; index++) {
      String name = columns.get(index).name();
      row[index] = replacements.containsKey(name) ? replacements.get(name) : source.getObject(name);
    }
    add(row);
  }

  ResultSet resultSet() {
    return resultSet;
  }
}
