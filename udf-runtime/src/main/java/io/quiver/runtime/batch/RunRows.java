package io.quiver.runtime.batch;

import io.quiver.runtime.pipeline.ArgumentRows;
import java.util.List;

/**
 * The rows of one model run: {@code count} rows of a batch from {@code offset} on. A model whose
 * batch dimension is fixed runs exactly that many rows; a shorter last run is padded by repeating
 * its last row, whose results are dropped.
 *
 * @param arguments the arguments of the batch's rows
 * @param offset the run's first row in the batch
 * @param count the rows of the batch in the run, at least one
 * @param runRows the rows the run has, padding included
 * @param firstRowNumber the 1-based number of the run's first row in the whole call, for errors
 */
record RunRows(ArgumentRows arguments, int offset, int count, int runRows, long firstRowNumber) {
  RunRows {
    if (count < 1 || runRows < count || offset + count > arguments.size()) {
      throw new IllegalArgumentException(
          "A run of "
              + runRows
              + " rows cannot hold rows "
              + offset
              + " to "
              + (offset + count - 1)
              + " of "
              + arguments.size());
    }
  }

  /** A run of all the given argument rows. */
  RunRows(List<Object[]> rows, int runRows, long firstRowNumber) {
    this(ArgumentRows.of(rows), 0, rows.size(), runRows, firstRowNumber);
  }

  /** The row of the batch that a row of the run, padding included, takes its arguments from. */
  int source(int index) {
    return offset + Math.min(index, count - 1);
  }

  Object value(int index, int argument) {
    return arguments.value(source(index), argument);
  }

  int argumentCount(int index) {
    return arguments.argumentCount(source(index));
  }

  long rowNumber(int index) {
    return firstRowNumber + Math.min(index, count - 1);
  }
}
