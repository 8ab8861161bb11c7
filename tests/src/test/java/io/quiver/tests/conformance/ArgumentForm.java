package io.quiver.tests.conformance;

import java.util.List;

/** A way SQL passes the rows of a model's inputs to {@code model!predict(...)}. */
enum ArgumentForm {
  /** Each column of the single input is its own scalar argument: {@code m!predict(a, b, c)}. */
  COLUMNS,
  /** The row of the single input is one array argument: {@code m!predict(ARRAY[a, b, c])}. */
  ARRAY,
  /** One argument per input: a scalar where a row holds one value, else an array. */
  ONE_PER_INPUT;

  /** Beyond this many columns, a single input is passed as an array only. */
  static final int MOST_COLUMN_ARGUMENTS = 64;

  /** The forms a user may call a model with, given the values a row holds for each input. */
  static List<ArgumentForm> forInputs(List<Integer> valuesPerRow) {
    if (valuesPerRow.size() > 1 || valuesPerRow.get(0) == 1) {
      return List.of(ONE_PER_INPUT);
    }
    if (valuesPerRow.get(0) <= MOST_COLUMN_ARGUMENTS) {
      return List.of(COLUMNS, ARRAY);
    }
    return List.of(ARRAY);
  }
}
