package io.quiver.jdbc.server;

import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.jdbc.JdbcMeta;
import org.apache.calcite.avatica.remote.TypedValue;

/**
 * Avatica's bridge from remote clients to connections of the embedded driver. It sends clients
 * Quiver's error messages, and it can close every connection it still holds: Avatica closes a
 * connection when its client closes it or after it has been idle for a while, and a server that
 * stops closes the rest, so that the store closes and releases its data folder.
 */
final class ServerMeta extends JdbcMeta {
  ServerMeta(String url) throws SQLException {
    super(url, new Properties());
  }

  /** Closes every statement and connection that clients left open. */
  void closeAll() {
    getStatementCache().invalidateAll();
    getStatementCache().cleanUp();
    getConnectionCache().invalidateAll();
    getConnectionCache().cleanUp();
  }

  @Override
  public StatementHandle prepare(ConnectionHandle connection, String sql, long maxRows) {
    return run(() -> super.prepare(connection, sql, maxRows));
  }

  @Override
  public ExecuteResult prepareAndExecute(
      StatementHandle statement, String sql, long maxRows, PrepareCallback callback)
      throws NoSuchStatementException {
    return run(() -> super.prepareAndExecute(statement, sql, maxRows, callback));
  }

  @Override
  public ExecuteResult prepareAndExecute(
      StatementHandle statement,
      String sql,
      long maxRows,
      int maxRowsInFirstFrame,
      PrepareCallback callback)
      throws NoSuchStatementException {
    return run(
        () -> super.prepareAndExecute(statement, sql, maxRows, maxRowsInFirstFrame, callback));
  }

  @Override
  public Frame fetch(StatementHandle statement, long offset, int fetchMaxRowCount)
      throws NoSuchStatementException, MissingResultsException {
    try {
      return super.fetch(statement, offset, fetchMaxRowCount);
    } catch (RuntimeException e) {
      throw ServerErrors.forClient(e);
    } catch (ExceptionInInitializerError e) {
      throw ServerErrors.forClient(e);
    }
  }

  @Override
  public ExecuteResult execute(
      StatementHandle statement, List<TypedValue> parameterValues, int maxRowsInFirstFrame)
      throws NoSuchStatementException {
    return run(() -> super.execute(statement, parameterValues, maxRowsInFirstFrame));
  }

  @Override
  public ExecuteBatchResult prepareAndExecuteBatch(
      StatementHandle statement, List<String> sqlCommands) throws NoSuchStatementException {
    return run(() -> super.prepareAndExecuteBatch(statement, sqlCommands));
  }

  @Override
  public ExecuteBatchResult executeBatch(
      StatementHandle statement, List<List<TypedValue>> parameterValues)
      throws NoSuchStatementException {
    return run(() -> super.executeBatch(statement, parameterValues));
  }

  /** Runs a request, turning a statement's failure into the error its client receives. */
  private static <T, E extends Exception> T run(Request<T, E> request) throws E {
    try {
      return request.run();
    } catch (RuntimeException e) {
      throw ServerErrors.forClient(e);
    } catch (ExceptionInInitializerError e) {
      throw ServerErrors.forClient(e);
    }
  }

  /** A request of a client, which may fail with a checked exception of Avatica's. */
  @FunctionalInterface
  private interface Request<T, E extends Exception> {
    T run() throws E;
  }
}
