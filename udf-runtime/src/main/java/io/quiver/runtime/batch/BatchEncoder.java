package io.quiver.runtime.batch;

import static java.util.Objects.requireNonNull;

import ai.onnxruntime.OrtException;
import io.quiver.runtime.InvalidArgumentException;
import io.quiver.runtime.signature.ArgumentLayout;
import io.quiver.runtime.signature.ExpectedArgument;
import io.quiver.runtime.signature.InputBinding;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/** Encodes argument rows into the inputs of one model run, following an argument layout. */
final class BatchEncoder {
  private final ArgumentLayout layout;
  private final String method;
  private final List<InputEncoder> inputs;

  BatchEncoder(ArgumentLayout layout, String method) {
    this.layout = requireNonNull(layout, "layout is null");
    this.method = requireNonNull(method, "method is null");
    this.inputs = inputEncoders(layout);
  }

  /**
   * Encodes the rows of one run. The caller closes the result, after the run, to free the Arrow
   * memory the tensors point into.
   */
  EncodedInputs encode(RunRows rows, BufferAllocator allocator) throws OrtException {
    checkArgumentCounts(rows);
    ArgumentSite site = new ArgumentSite(method);
    List<EncodedInput> encoded = new ArrayList<>(inputs.size());
    try {
      for (InputEncoder input : inputs) {
        encoded.add(input.encode(rows, site, allocator));
      }
      return new EncodedInputs(encoded);
    } catch (RuntimeException | OrtException e) {
      new EncodedInputs(encoded).close();
      throw e;
    }
  }

  private void checkArgumentCounts(RunRows rows) {
    int expected = layout.arguments().size();
    for (int row = 0; row < rows.count(); row++) {
      int count = rows.argumentCount(row);
      if (count != expected) {
        throw new InvalidArgumentException(
            "Row "
                + (rows.firstRowNumber() + row)
                + " has "
                + count
                + " arguments; "
                + layout.describe()
                + " takes "
                + expected);
      }
    }
  }

  private static List<InputEncoder> inputEncoders(ArgumentLayout layout) {
    List<InputEncoder> encoders = new ArrayList<>();
    for (InputBinding binding : layout.inputs()) {
      int first = binding.firstArgument();
      List<ExpectedArgument> arguments =
          layout.arguments().subList(first, first + binding.argumentCount());
      encoders.add(new InputEncoder(binding, arguments));
    }
    return List.copyOf(encoders);
  }
}
