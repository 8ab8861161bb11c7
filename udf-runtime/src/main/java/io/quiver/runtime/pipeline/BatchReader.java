package io.quiver.runtime.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Reads the argument rows of a pipeline a batch at a time, on the consumer's thread. */
@FunctionalInterface
public interface BatchReader {
  /** Reads the next rows, at most {@code maxRows}; fewer means that the input is exhausted. */
  ArgumentRows read(int maxRows);

  /** A reader of rows that an iterator yields one at a time. */
  static BatchReader of(Iterator<Object[]> rows) {
    requireNonNull(rows, "rows is null");
    return maxRows -> {
      List<Object[]> batch = new ArrayList<>(maxRows);
      while (batch.size() < maxRows && rows.hasNext()) {
        batch.add(requireNonNull(rows.next(), "input row is null"));
      }
      return ArgumentRows.of(batch);
    };
  }
}
