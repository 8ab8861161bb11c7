package io.quiver.runtime.signature;

import java.util.List;

/** Shape arithmetic shared by inputs and outputs; -1 stands for a symbolic dimension. */
final class Shapes {
  private Shapes() {}

  static List<Long> checked(List<Long> shape, String owner) {
    List<Long> copy = List.copyOf(shape);
    for (long dimension : copy) {
      if (dimension < -1) {
        throw new IllegalArgumentException(
            owner + " has dimension " + dimension + " in shape " + copy + "; use -1 for symbolic");
      }
    }
    return copy;
  }

  /**
   * Values one row holds: the product of all dimensions after the first (the batch dimension), 1
   * for a tensor of rank 0 or 1, and -1 when one of them is symbolic.
   */
  static int valuesPerRow(List<Long> shape) {
    long product = 1;
    for (long dimension : shape.subList(Math.min(1, shape.size()), shape.size())) {
      if (dimension < 0) {
        return -1;
      }
      product = Math.multiplyExact(product, dimension);
    }
    return Math.toIntExact(product);
  }
}
