package io.quiver.planner;

import static java.util.Objects.requireNonNull;

/**
 * What a {@link ModelEvalRel} hands its generated code: the call's target and where its arguments
 * are in each input row, with the batch size and threads to run it with.
 *
 * @param target the model method called
 * @param argumentFields the input fields holding the arguments, in order
 * @param batchSize rows per batch
 * @param threads batches run at once
 */
public record ModelCallSpec(
    ModelCallTarget target, int[] argumentFields, int batchSize, int threads) {
  public ModelCallSpec {
    requireNonNull(target, "target is null");
    argumentFields = argumentFields.clone();
  }

  /** The arguments of a call, read out of an input row. */
  Object[] arguments(Object[] row) {
    Object[] arguments = new Object[argumentFields.length];
    for (int i = 0; i < argumentFields.length; i++) {
      arguments[i] = row[argumentFields[i]];
    }
    return arguments;
  }
}
