package io.quiver.runtime;

/**
 * An argument of a model method call that does not fit the method's signature: wrong count, wrong
 * type, out of range, or NULL where the input has no missing value. The message names the argument,
 * the input it feeds and, for values, the row.
 */
public class InvalidArgumentException extends ModelInvocationException {
  private static final long serialVersionUID = 1L;

  public InvalidArgumentException(String message) {
    super(message);
  }
}
