package io.quiver.tests.conformance;

/** The messages of an error and of its causes, one per line. */
final class ErrorMessages {
  private ErrorMessages() {}

  static String of(Throwable error) {
    StringBuilder messages = new StringBuilder();
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      messages.append(cause.getMessage()).append('\n');
    }
    return messages.toString();
  }
}
