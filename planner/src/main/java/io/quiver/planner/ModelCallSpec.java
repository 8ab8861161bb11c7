package io.quiver.planner;

import static java.util.Objects.requireNonNull;

/**
 * What a {@link ModelEvalRel} hands its generated code: the call's target, where its arguments are
 * in each input row and which input fields go on beside its result, with the batch size and threads
 * to run it with.
 *
 * @param target the model method called
 * @param argumentFields the input fields holding the arguments, in order
 * @param forwardedFields the input fields that the output row keeps, in order, before the result
 * @param batchSize rows per batch
 * @param threads batches run at once
 */
public record ModelCallSpec(
    ModelCallTarget target,
    int[] argumentFields,
    int[] forwardedFields,
    int batchSize,
    int threads) {
  public ModelCallSpec {
    requireNonNull(target, "target is null");
    argumentFields = argumentFields.clone();
    forwardedFields = forwardedFields.clone();
  }

  /** The same call keeping other input fields. */
  ModelCallSpec forwarding(int[] fields) {
    return new ModelCallSpec(target, argumentFields, fields, batchSize, threads);
  }

  /** The arguments of a call, read out of an input row. */
  Object[] arguments(Object[] row) {
    Object[] arguments = new Object[argumentFields.length];
    for (int i = 0; i < argumentFields.length; i++) {
      arguments[i] = row[argumentFields[i]];
    }
    return arguments;
  }

  /** The output row: the forwarded fields of an input row, then the call's result. */
  Object[] output(Object[] row, Object[] result) {
    Object[] output = new Object[forwardedFields.length + 1];
    for (int i = 0; i < forwardedFields.length; i++) {
      output[i] = row[forwardedFields[i]];
    }
    output[forwardedFields.length] = result;
    return output;
  }
}
