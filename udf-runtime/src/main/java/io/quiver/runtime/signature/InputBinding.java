package io.quiver.runtime.signature;

import static java.util.Objects.requireNonNull;

/**
 * How the arguments of a call fill one model input.
 *
 * @param input the model input
 * @param firstArgument the 0-based index, in an argument row, of the first argument it takes
 * @param valuesPerRow the values one row puts into the input; -1 when an array argument of any
 *     length fills it, the length then being taken from the rows of each batch
 * @param fromArray whether one array argument fills the row of the input, rather than one scalar
 *     argument per value
 */
public record InputBinding(
    MethodInput input, int firstArgument, int valuesPerRow, boolean fromArray) {
  public InputBinding {
    requireNonNull(input, "input is null");
  }

  /** The number of arguments the input takes. */
  public int argumentCount() {
    return fromArray ? 1 : valuesPerRow;
  }
}
