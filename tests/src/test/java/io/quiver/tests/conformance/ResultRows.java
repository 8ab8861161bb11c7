package io.quiver.tests.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of a query whose first column is {@code row_id}, which must number them from 1 in order,
 * read as the outputs of a model call.
 */
final class ResultRows {
  private ResultRows() {}

  /** The fields of the ROW each row holds after row_id: the outputs of a whole call. */
  static List<List<Object>> rowFields(Statement statement, String query) throws SQLException {
    return read(statement, query, ResultRows::rowFields);
  }

  /**
   * The columns of each row after row_id, one per output. JDBC returns an ARRAY column as an {@link
   * Array}; it is read as the list the same output is within a ROW.
   */
  static List<List<Object>> columns(Statement statement, String query) throws SQLException {
    return read(statement, query, ResultRows::columns);
  }

  private static List<List<Object>> read(Statement statement, String query, RowReader reader)
      throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (ResultSet result = statement.executeQuery(query)) {
      while (result.next()) {
        assertThat(result.getInt(1)).as("row_id").isEqualTo(rows.size() + 1);
        rows.add(reader.read(result));
      }
    }
    return rows;
  }

  private static List<Object> rowFields(ResultSet result) throws SQLException {
    assertThat(result.getMetaData().getColumnCount()).isEqualTo(2);
    Object value = result.getObject(2);

    assertThat(value).as("what a call returns").isInstanceOf(Struct.class);
    return Arrays.asList(((Struct) value).getAttributes());
  }

  private static List<Object> columns(ResultSet result) throws SQLException {
    List<Object> outputs = new ArrayList<>();
    for (int column = 2; column <= result.getMetaData().getColumnCount(); column++) {
      Object value = result.getObject(column);
      outputs.add(value instanceof Array array ? elements(array) : value);
    }
    return outputs;
  }

  /** The elements of an array, boxed where JDBC gives a primitive array such as float[]. */
  private static List<Object> elements(Array array) throws SQLException {
    Object elements = array.getArray();
    List<Object> boxed = new ArrayList<>();
    for (int index = 0; index < java.lang.reflect.Array.getLength(elements); index++) {
      boxed.add(java.lang.reflect.Array.get(elements, index));
    }
    return boxed;
  }

  @FunctionalInterface
  private interface RowReader {
    List<Object> read(ResultSet result) throws SQLException;
  }
}
