package io.quiver.runtime.batch;

import java.util.List;

/**
 * The argument rows of one model run. A model whose batch dimension is fixed runs exactly that many
 * rows; a shorter last run is padded by repeating its last row, whose results are dropped.
 *
 * @param rows the argument rows, at least one
 * @param runRows the rows the run has, padding included
 * @param firstRowNumber the 1-based number of the first row in the whole call, for errors
 */
record RunRows(List<Object[]> rows, int runRows, long firstRowNumber) {
  RunRows {
    if (rows.isEmpty() || runRows < rows.size()) {
      throw new IllegalArgumentException(
          "A run of " + runRows + " rows cannot hold " + rows.size() + " argument rows");
    }
  }

  Object[] row(int index) {
    return rows.get(Math.min(index, rows.size() - 1));
  }

  long rowNumber(int index) {
    return firstRowNumber + Math.min(index, rows.size() - 1);
  }
}
