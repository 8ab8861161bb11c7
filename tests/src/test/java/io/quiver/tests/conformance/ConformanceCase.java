package io.quiver.tests.conformance;

import java.util.List;

/**
 * One test case of a model: a batch of rows for its inputs and what each output must return.
 *
 * @param name the case's name in the test data
 * @param tolerance the largest absolute difference allowed between floating-point outputs
 * @param inputs one tensor per model input, in the model's order, the rows first
 * @param outputs what each model output must return, in the model's order
 */
record ConformanceCase(
    String name, double tolerance, List<Tensor> inputs, List<ExpectedOutput> outputs) {
  /** The tolerance where the test data gives none. */
  static final double DEFAULT_TOLERANCE = 1e-5;

  /**
   * When the inputs disagree on their first dimension the model has no rows to speak of; each input
   * is then taken whole, as one row, the way a user would first try to call it.
   */
  ConformanceCase {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    if (inputs.stream().map(Tensor::rows).distinct().count() > 1) {
      inputs = inputs.stream().map(Tensor::asOneRow).toList();
    }
  }

  int rows() {
    return inputs.get(0).rows();
  }
}
