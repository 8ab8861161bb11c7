package io.quiver.runtime.batch;

import ai.onnxruntime.OnnxTensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The encoded inputs of one model run, closed together after the run. */
final class EncodedInputs implements AutoCloseable {
  private final List<EncodedInput> inputs;

  EncodedInputs(List<EncodedInput> inputs) {
    this.inputs = List.copyOf(inputs);
  }

  /** The tensors by input name, as {@code OrtSession.run} takes them. */
  Map<String, OnnxTensor> tensors() {
    Map<String, OnnxTensor> tensors = new LinkedHashMap<>();
    for (EncodedInput input : inputs) {
      tensors.put(input.name(), input.tensor());
    }
    return tensors;
  }

  @Override
  public void close() {
    RuntimeException failure = null;
    for (EncodedInput input : inputs) {
      try {
        input.close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
