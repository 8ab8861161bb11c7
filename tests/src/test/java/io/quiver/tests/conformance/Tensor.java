package io.quiver.tests.conformance;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * A tensor of a test case: its element type, its shape and its values, flat in row-major order,
 * each of the Java class of its type. The first dimension is the batch of rows.
 */
record Tensor(TensorType type, List<Long> shape, List<Object> values) {
  Tensor {
    requireNonNull(type, "type is null");
    shape = List.copyOf(shape);
    values = List.copyOf(values);
  }

  /** The number of rows: the first dimension, or 1 for a tensor of rank 0. */
  int rows() {
    return shape.isEmpty() ? 1 : Math.toIntExact(shape.get(0));
  }

  int valuesPerRow() {
    return values.size() / rows();
  }

  /** The values of one row, 0-based. */
  List<Object> row(int row) {
    int valuesPerRow = valuesPerRow();
    return values.subList(row * valuesPerRow, (row + 1) * valuesPerRow);
  }

  /** The rows of several tensors of one type and row length, one after the other. */
  static Tensor concatenate(List<Tensor> tensors) {
    Tensor first = tensors.get(0);
    List<Long> shape = new ArrayList<>(first.shape());
    shape.set(0, (long) tensors.stream().mapToInt(Tensor::rows).sum());
    List<Object> values = new ArrayList<>();
    tensors.forEach(tensor -> values.addAll(tensor.values()));
    return new Tensor(first.type(), shape, values);
  }

  /** The same values as a single row. */
  Tensor asOneRow() {
    return new Tensor(type, List.of(1L, (long) values.size()), values);
  }
}
