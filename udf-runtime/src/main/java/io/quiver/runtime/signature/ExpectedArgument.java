package io.quiver.runtime.signature;

import static java.util.Objects.requireNonNull;

/**
 * One argument a model method call takes, and the input it fills.
 *
 * @param position the 1-based position of the argument in the call
 * @param input the name of the model input the argument fills
 * @param column the 1-based column of the input the argument fills when each column of a single
 *     input is its own argument, 0 when the argument fills the whole row of the input
 * @param type the element type of the input; values are cast to it
 * @param arrayLength 0 for a scalar argument, K for an array of exactly K values, -1 for an array
 *     of any length (the input's row length is symbolic)
 */
public record ExpectedArgument(
    int position, String input, int column, ElementType type, int arrayLength) {
  public ExpectedArgument {
    requireNonNull(input, "input is null");
    requireNonNull(type, "type is null");
    if (position < 1 || column < 0 || arrayLength < -1) {
      throw new IllegalArgumentException(
          "Invalid argument " + position + " column " + column + " length " + arrayLength);
    }
  }

  public boolean isArray() {
    return arrayLength != 0;
  }

  /** The SQL type of the argument: REAL, or ARRAY(REAL) for an array. */
  public String sqlTypeName() {
    return isArray() ? "ARRAY(" + type.sqlTypeName() + ")" : type.sqlTypeName();
  }

  /**
   * The name a call gives the argument with {@code name => value}: the input's name, followed by
   * {@code _3} for its third column when each column is its own argument.
   */
  public String parameterName() {
    return column == 0 ? input : input + "_" + column;
  }

  /** How errors name the argument: "Argument 3 (input 'features', column 3)". */
  public String describe() {
    String where =
        column == 0 ? "input '" + input + "'" : "input '" + input + "', column " + column;
    return "Argument " + position + " (" + where + ")";
  }

  /** The argument as shown in a list of accepted arguments: "features column 3 REAL". */
  public String describeType() {
    String name = column == 0 ? input : input + " column " + column;
    String length = arrayLength > 0 ? " of " + arrayLength : "";
    return name + " " + sqlTypeName() + length;
  }
}
