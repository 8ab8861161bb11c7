package io.quiver.runtime;

/** A model method call that failed while running: ONNX Runtime refused the batch, or similar. */
public class ModelInvocationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ModelInvocationException(String message) {
    super(message);
  }

  public ModelInvocationException(String message, Throwable cause) {
    super(message, cause);
  }
}
