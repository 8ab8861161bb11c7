package io.quiver.runtime;

/**
 * A model artifact that ONNX Runtime cannot load, or whose inputs or outputs Quiver cannot run. The
 * message carries ONNX Runtime's own reason.
 */
public class InvalidModelException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidModelException(String message) {
    super(message);
  }

  public InvalidModelException(String message, Throwable cause) {
    super(message, cause);
  }
}
