package io.quiver.runtime.batch;

import ai.onnxruntime.OnnxTensor;
import org.apache.arrow.vector.complex.FixedSizeListVector;

/**
 * One encoded model input: the tensor ONNX Runtime reads and, for numbers and booleans, the Arrow
 * vector whose memory the tensor wraps without copying.
 */
final class EncodedInput implements AutoCloseable {
  private final String name;
  private final FixedSizeListVector vector;
  private final OnnxTensor tensor;

  EncodedInput(String name, FixedSizeListVector vector, OnnxTensor tensor) {
    this.name = name;
    this.vector = vector;
    this.tensor = tensor;
  }

  String name() {
    return name;
  }

  OnnxTensor tensor() {
    return tensor;
  }

  /** Closes the tensor before freeing the Arrow memory it points into. */
  @Override
  public void close() {
    try {
      tensor.close();
    } finally {
      if (vector != null) {
        vector.close();
      }
    }
  }
}
