package io.quiver.runtime.pipeline;

import java.util.List;

/** Argument rows held as one array per row. */
record ArgumentArrays(List<Object[]> rows) implements ArgumentRows {
  @Override
  public int size() {
    return rows.size();
  }

  @Override
  public int argumentCount(int row) {
    return rows.get(row).length;
  }

  @Override
  public Object value(int row, int argument) {
    return rows.get(row)[argument];
  }

  @Override
  public Object[] row(int row) {
    return rows.get(row);
  }
}
