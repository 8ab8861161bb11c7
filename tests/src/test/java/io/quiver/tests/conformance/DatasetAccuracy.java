package io.quiver.tests.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A dataset check through SQL: the rows of a libsvm file are loaded into a table, the model is
 * called on all of them with an array argument, and the share of rows whose predicted label is
 * their label must be the expected accuracy.
 */
final class DatasetAccuracy {
  private DatasetAccuracy() {}

  /**
   * @param model the logged model's name in SQL
   * @param folder the model's folder, holding the data file
   * @param table the name of the table to load the rows into
   */
  static void check(
      Connection connection, String model, Path folder, DatasetCheck check, String table)
      throws SQLException, IOException {
    LibsvmFile data =
        LibsvmFile.read(folder.resolve(check.file()), check.features(), check.indexBase());
    InputTable rows = InputTable.create(connection, table, List.of(data.features()));
    String call = model + "!predict(" + rows.arguments(ArgumentForm.ARRAY) + ")";
    String output = "(" + call + ").\"" + check.output() + "\"";

    List<List<Object>> results;
    try (Statement statement = connection.createStatement()) {
      String query = "SELECT row_id, " + output + " FROM " + table + " ORDER BY row_id";
      results = ResultRows.columns(statement, query);
    }
    assertThat(results).hasSameSizeAs(data.labels());
    assertThat(accuracy(check, results, data.labels()))
        .as(model + " accuracy on " + check.file())
        .isCloseTo(check.expectedAccuracy(), within(check.tolerance()));
  }

  private static double accuracy(
      DatasetCheck check, List<List<Object>> results, List<Long> labels) {
    int correct = 0;
    for (int row = 0; row < results.size(); row++) {
      if (predictedLabel(check, results.get(row).get(0)) == labels.get(row)) {
        correct++;
      }
    }
    return (double) correct / results.size();
  }

  /** The label output's value, or the index of the largest of the scores. */
  private static long predictedLabel(DatasetCheck check, Object output) {
    if (check.labelOutput() != null) {
      return (Long) output;
    }
    List<?> scores = (List<?>) output;
    int best = 0;
    for (int label = 1; label < scores.size(); label++) {
      if (((Number) scores.get(label)).doubleValue() > ((Number) scores.get(best)).doubleValue()) {
        best = label;
      }
    }
    return best;
  }
}
