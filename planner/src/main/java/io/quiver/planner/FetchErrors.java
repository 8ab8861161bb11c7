package io.quiver.planner;

import io.quiver.catalog.QuiverException;
import io.quiver.runtime.InvalidArgumentException;
import io.quiver.runtime.ModelInvocationException;
import java.sql.SQLException;
import org.apache.calcite.linq4j.Enumerator;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Makes a failure while rows are fetched, such as a model call failing on its 10,000th row, reach a
 * JDBC client as a {@link SQLException} with a SQLSTATE, as a failure when the statement runs does.
 *
 * <p>Avatica's cursor declares SQLException on {@code next()}, and {@code ResultSet.next()} hands
 * it on; but Calcite reads rows through {@link java.util.Iterator}, which cannot declare it. So the
 * SQLException is thrown through the iterator unchecked, the one place where Quiver does so.
 */
final class FetchErrors<T> implements Enumerator<T> {
  /** SQLSTATE of a model method that failed while running: an external routine's exception. */
  static final String MODEL_FAILED = "38000";

  /** SQLSTATE of an argument value a model input cannot take. */
  static final String INVALID_ARGUMENT = "22023";

  private final Enumerator<T> rows;

  FetchErrors(Enumerator<T> rows) {
    this.rows = rows;
  }

  @Override
  public T current() {
    return rows.current();
  }

  @Override
  public boolean moveNext() {
    try {
      return rows.moveNext();
    } catch (RuntimeException e) {
      throw FetchErrors.<RuntimeException>throwUnchecked(sqlException(e));
    }
  }

  @Override
  public void reset() {
    rows.reset();
  }

  @Override
  public void close() {
    rows.close();
  }

  /** The SQLException for a failure: its message, and a SQLSTATE where its kind has one. */
  static SQLException sqlException(RuntimeException failure) {
    String message =
        failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    return new SQLException(message, sqlState(failure), failure);
  }

  private static @Nullable String sqlState(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof QuiverException quiver) {
        return quiver.category().sqlState();
      }
      if (cause instanceof InvalidArgumentException) {
        return INVALID_ARGUMENT;
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
      if (cause instanceof ModelInvocationException) {
        return MODEL_FAILED;
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> RuntimeException throwUnchecked(Throwable failure) throws E {
    throw (E) failure;
  }
}
