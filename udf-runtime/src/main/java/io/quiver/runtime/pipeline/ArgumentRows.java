package io.quiver.runtime.pipeline;

import java.util.List;

/**
 * The arguments of the rows of one batch, by row and argument position: boxed rows read from an
 * iterator, or typed columns filled straight from a scan.
 */
public interface ArgumentRows {
  /** The number of rows. */
  int size();

  /** The number of arguments of a row. */
  int argumentCount(int row);

  /** An argument of a row as JDBC hands it over (Float, Long, String, ...); null for NULL. */
  Object value(int row, int argument);

  /** The arguments of a row, boxed. */
  default Object[] row(int row) {
    Object[] values = new Object[argumentCount(row)];
    for (int argument = 0; argument < values.length; argument++) {
      values[argument] = value(row, argument);
    }
    return values;
  }

  /** Argument rows held as one array per row. */
  static ArgumentRows of(List<Object[]> rows) {
    return new ArgumentArrays(List.copyOf(rows));
  }
}
