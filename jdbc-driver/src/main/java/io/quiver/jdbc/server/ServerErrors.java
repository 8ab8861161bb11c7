package io.quiver.jdbc.server;

import java.sql.SQLException;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.avatica.remote.Service.ErrorResponse;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Turns the failure of a statement into the error a remote client receives: Quiver's message,
 * rather than Avatica's chain of every exception's class and message.
 */
final class ServerErrors {
  private static final String DRIVER_PREFIX = "Error while ";

  private ServerErrors() {}

  /**
   * The error to send for a failure, or the failure itself when it is not about a statement (such
   * as a connection the server no longer knows, which clients handle themselves).
   */
  static RuntimeException forClient(RuntimeException failure) {
    SQLException statementFailure = sqlException(failure);
    if (statementFailure == null) {
      return failure;
    }
    return new AvaticaRuntimeException(
        message(statementFailure),
        statementFailure.getErrorCode() == 0
            ? ErrorResponse.UNKNOWN_ERROR_CODE
            : statementFailure.getErrorCode(),
        statementFailure.getSQLState() == null
            ? ErrorResponse.UNKNOWN_SQL_STATE
            : statementFailure.getSQLState(),
        AvaticaSeverity.ERROR);
  }

  /** The error to send when running a statement failed with an error of the JVM. */
  static RuntimeException forClient(ExceptionInInitializerError failure) {
    Throwable cause = failure.getCause() == null ? failure : failure.getCause();
    return new AvaticaRuntimeException(
        describe(cause),
        ErrorResponse.UNKNOWN_ERROR_CODE,
        ErrorResponse.UNKNOWN_SQL_STATE,
        AvaticaSeverity.ERROR);
  }

  private static @Nullable SQLException sqlException(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException) {
        return (SQLException) cause;
      }
      if (cause.getCause() == cause) {
        return null;
      }
    }
    return null;
  }

  /**
   * The embedded driver's message says which statement failed and then why; the client says which
   * statement failed itself, so only the reason is sent.
   */
  private static String message(SQLException failure) {
    Throwable cause = failure.getCause();
    String message = failure.getMessage();
    boolean prefixed = message != null && message.startsWith(DRIVER_PREFIX);
    if (prefixed && cause != null && hasMessage(cause)) {
      return cause.getMessage();
    }
    return describe(failure);
  }

  private static String describe(Throwable failure) {
    if (hasMessage(failure)) {
      return failure.getMessage();
    }
    return "Quiver failed with " + failure.getClass().getSimpleName() + " and no message";
  }

  private static boolean hasMessage(Throwable failure) {
    return failure.getMessage() != null && !failure.getMessage().isBlank();
  }
}
