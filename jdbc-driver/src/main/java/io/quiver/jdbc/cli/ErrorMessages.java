package io.quiver.jdbc.cli;

import static java.util.Objects.requireNonNull;

/**
 * Turns the exception of a failed statement into one line for the user: the driver's message
 * without the prefix that repeats the statement, and without line breaks.
 */
final class ErrorMessages {
  private static final String EXECUTING = "Error while executing SQL \"";
  private static final String PREPARING = "Error while preparing statement [";

  private ErrorMessages() {}

  static String describe(Throwable failure, String sql) {
    requireNonNull(failure, "failure is null");
    requireNonNull(sql, "sql is null");
    String message = failure.getMessage();
    if (message != null) {
      message = withoutPrefix(message, EXECUTING + sql + "\": ");
      message = withoutPrefix(message, PREPARING + sql + "]: ");
    }
    if (message == null || message.isBlank() || message.equals("null")) {
      return describeCause(failure);
    }
    return oneLine(message);
  }

  private static String withoutPrefix(String message, String prefix) {
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }

  /** For a failure without a message: the nearest cause that has one, else its class. */
  private static String describeCause(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
      if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
        return oneLine(cause.getMessage());
      }
    }
    return "Quiver failed with " + cause.getClass().getSimpleName() + " and no message";
  }

  private static String oneLine(String message) {
    return message.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
