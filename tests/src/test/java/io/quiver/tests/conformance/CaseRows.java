package io.quiver.tests.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a model's test cases, one after the other as the case table holds them, and the check
 * of what a query returned for them against what each case expects.
 */
final class CaseRows {
  private final String model;
  private final List<String> outputNames;
  private final List<CaseRow> rows = new ArrayList<>();

  /** A row: the case it comes from and its 0-based row in that case. */
  private record CaseRow(ConformanceCase testCase, int row) {}

  CaseRows(String model, List<ConformanceCase> cases, List<String> outputNames) {
    this.model = model;
    this.outputNames = List.copyOf(outputNames);
    for (ConformanceCase testCase : cases) {
      for (int row = 0; row < testCase.rows(); row++) {
        rows.add(new CaseRow(testCase, row));
      }
    }
  }

  /**
   * Checks the outputs a query returned, one list per row in table order.
   *
   * @param query how the query called the model, for assertion messages
   */
  void check(String query, List<List<Object>> results) {
    assertThat(results).as(model + " rows of " + query).hasSameSizeAs(rows);

    for (int index = 0; index < rows.size(); index++) {
      checkRow(query, rows.get(index), results.get(index));
    }
  }

  private void checkRow(String query, CaseRow row, List<Object> outputs) {
    ConformanceCase testCase = row.testCase();
    assertThat(outputs).as(model + " outputs of " + query).hasSameSizeAs(outputNames);

    for (int output = 0; output < outputs.size(); output++) {
      String description =
          String.format(
              "%s case %s row %d output %s, %s",
              model, testCase.name(), row.row(), outputNames.get(output), query);
      ExpectedOutput expected = testCase.outputs().get(output);
      expected.check(description, row.row(), outputs.get(output), testCase.tolerance());
    }
  }
}
