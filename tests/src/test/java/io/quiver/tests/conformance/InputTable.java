package io.quiver.tests.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A table holding the rows of a model's inputs: {@code row_id}, numbered from 1, then one scalar
 * column per value a row holds for each input, {@code input1_column1} onwards, of the SQL type
 * Quiver maps the input's element type to. Quiver's tables have no ARRAY columns, so array
 * arguments are built from these columns with {@code ARRAY[...]}.
 */
final class InputTable {
  private final String name;
  private final List<Integer> valuesPerRow;

  private InputTable(String name, List<Integer> valuesPerRow) {
    this.name = name;
    this.valuesPerRow = List.copyOf(valuesPerRow);
  }

  /**
   * Creates and fills a table from one tensor per input, each holding the same rows.
   *
   * @param inputs the tensors, in the model's input order
   */
  static InputTable create(Connection connection, String name, List<Tensor> inputs)
      throws SQLException {
    InputTable table = new InputTable(name, inputs.stream().map(Tensor::valuesPerRow).toList());
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE " + name + " (" + table.columnDefinitions(inputs) + ")");
    }

    table.insert(connection, inputs);
    return table;
  }

  /** The argument forms a user may call the model with on these inputs. */
  List<ArgumentForm> forms() {
    return ArgumentForm.forInputs(valuesPerRow);
  }

  /** The arguments of a call in one form, as SQL: {@code input1_column1, input1_column2}. */
  String arguments(ArgumentForm form) {
    return switch (form) {
      case COLUMNS -> String.join(", ", columns(1));
      case ARRAY -> array(1);
      case ONE_PER_INPUT ->
          IntStream.rangeClosed(1, valuesPerRow.size())
              .mapToObj(input -> valuesPerRow.get(input - 1) == 1 ? column(input, 1) : array(input))
              .collect(Collectors.joining(", "));
    };
  }

  private String array(int input) {
    return "ARRAY[" + String.join(", ", columns(input)) + "]";
  }

  private List<String> columns(int input) {
    return IntStream.rangeClosed(1, valuesPerRow.get(input - 1))
        .mapToObj(column -> column(input, column))
        .toList();
  }

  private static String column(int input, int column) {
    return "input" + input + "_column" + column;
  }

  private String columnDefinitions(List<Tensor> inputs) {
    List<String> definitions = new ArrayList<>(List.of("row_id INTEGER"));
    for (int input = 1; input <= inputs.size(); input++) {
      String type = inputs.get(input - 1).type().sqlType();
      columns(input).forEach(column -> definitions.add(column + " " + type));
    }
    return String.join(", ", definitions);
  }

  private void insert(Connection connection, List<Tensor> inputs) throws SQLException {
    int columnCount = 1 + valuesPerRow.stream().mapToInt(Integer::intValue).sum();
    String parameters = String.join(", ", Collections.nCopies(columnCount, "?"));
    int rows = inputs.get(0).rows();
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO " + name + " VALUES (" + parameters + ")")) {
      for (int row = 0; row < rows; row++) {
        setRow(insert, inputs, row);
        insert.addBatch();
      }
      assertThat(insert.executeBatch()).as("rows inserted into " + name).hasSize(rows);
    }
  }

  private static void setRow(PreparedStatement insert, List<Tensor> inputs, int row)
      throws SQLException {
    insert.setInt(1, row + 1);
    int parameter = 2;
    for (Tensor input : inputs) {
      for (Object value : input.row(row)) {
        insert.setObject(parameter++, value);
      }
    }
  }
}
