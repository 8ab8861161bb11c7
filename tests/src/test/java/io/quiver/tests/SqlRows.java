package io.quiver.tests;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Query results as text, for assertions. */
final class SqlRows {
  private SqlRows() {}

  /** Each row of a query as its values joined by {@code |}; NULL reads as {@code null}. */
  static List<String> of(Statement statement, String sql) throws SQLException {
    try (ResultSet resultSet = statement.executeQuery(sql)) {
      return of(resultSet);
    }
  }

  /** Each remaining row of a result set as its values joined by {@code |}. */
  static List<String> of(ResultSet resultSet) throws SQLException {
    int columns = resultSet.getMetaData().getColumnCount();
    List<String> rows = new ArrayList<>();
    while (resultSet.next()) {
      List<String> values = new ArrayList<>();
      for (int column = 1; column <= columns; column++) {
        values.add(String.valueOf(resultSet.getString(column)));
      }
      rows.add(String.join("|", values));
    }
    return rows;
  }

  /** The first column of each row of a query. */
  static List<String> firstColumn(Statement statement, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (ResultSet resultSet = statement.executeQuery(sql)) {
      while (resultSet.next()) {
        values.add(resultSet.getString(1));
      }
    }
    return values;
  }
}
