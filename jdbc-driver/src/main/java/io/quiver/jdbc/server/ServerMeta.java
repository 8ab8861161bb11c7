package io.quiver.jdbc.server;

import static java.util.Objects.requireNonNull;

import io.quiver.catalog.security.FileAccess;
import io.quiver.catalog.security.Identity;
import io.quiver.jdbc.QuiverDriver;
import io.quiver.planner.JsonResults;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchConnectionException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.jdbc.JdbcMeta;
import org.apache.calcite.avatica.proto.Requests;
import org.apache.calcite.avatica.remote.TypedValue;

/**
 * Avatica's bridge from remote clients to connections of the embedded driver. It sends clients
 * Quiver's error messages, and it can close every connection it still holds: Avatica closes a
 * connection when its client closes it or after it has been idle for a while, and a server that
 * stops closes the rest, so that the store closes and releases its data folder.
 *
 * <p>Each connection acts for the user whose request opened it, whatever properties the client
 * sent, and holds the server's {@link FileAccess}. Only that user's requests reach the connection
 * and its statements: Avatica names connections and statements by identifiers a client could guess,
 * so a request naming another user's connection or statement fails as one naming nothing.
 */
final class ServerMeta extends JdbcMeta {
  private final FileAccess files;

  /**
   * The user who opened each connection, by connection id. A connection that Avatica closes after
   * it sat idle keeps its entry, and its statements theirs, until the server stops.
   */
  private final Map<String, String> connectionUsers = new ConcurrentHashMap<>();

  /** The connection each statement belongs to, by statement id. */
  private final Map<Integer, String> statementConnections = new ConcurrentHashMap<>();

  ServerMeta(String url, FileAccess files) throws SQLException {
    super(url, new Properties());
    this.files = requireNonNull(files, "files is null");
  }

  // Connections act for the user who opened them.

  /**
   * A connection of the embedded driver for the requesting user. The client's properties are not
   * passed on: a property such as Calcite's {@code model} would let a client load classes or reach
   * files of its choosing.
   */
  @Override
  protected Connection createConnection(String url, Properties clientProperties)
      throws SQLException {
    Properties properties = new Properties();
    properties.put(QuiverDriver.IDENTITY_PROPERTY, requestIdentity());
    properties.put(QuiverDriver.FILE_ACCESS_PROPERTY, files);
    properties.put(JsonResults.PROPERTY, Boolean.TRUE);
    return DriverManager.getConnection(url, properties);
  }

  @Override
  public void openConnection(ConnectionHandle connection, Map<String, String> info) {
    Identity identity = requestIdentity();
    super.openConnection(connection, info);
    connectionUsers.put(connection.id, identity.user());
  }

  /** The connection, if the requesting user opened it; otherwise as if it did not exist. */
  @Override
  protected Connection getConnection(String id) throws SQLException {
    String user = connectionUsers.get(id);
    Identity identity = RequestIdentity.current();
    if (user == null || identity == null || !user.equals(identity.user())) {
      throw new NoSuchConnectionException(id);
    }
    return super.getConnection(id);
  }

  @Override
  public void closeConnection(ConnectionHandle connection) {
    try {
      getConnection(connection.id);
    } catch (SQLException e) {
      throw new NoSuchConnectionException(connection.id);
    }
    super.closeConnection(connection);
    connectionUsers.remove(connection.id);
    statementConnections.values().removeIf(connection.id::equals);
  }

  private static Identity requestIdentity() {
    Identity identity = RequestIdentity.current();
    if (identity == null) {
      throw new IllegalStateException("A client request reached the server without a login");
    }
    return identity;
  }

  // Statements belong to the connection that made them.

  @Override
  public StatementHandle createStatement(ConnectionHandle connection) {
    return remember(super.createStatement(connection));
  }

  private StatementHandle remember(StatementHandle statement) {
    statementConnections.put(statement.id, statement.connectionId);
    return statement;
  }

  private MetaResultSet remember(MetaResultSet result) {
    statementConnections.put(result.statementId, result.connectionId);
    return result;
  }

  /** Fails unless the statement belongs to the connection, and the connection to the user. */
  private void checkStatement(StatementHandle statement) throws NoSuchStatementException {
    try {
      getConnection(statement.connectionId);
    } catch (SQLException | NoSuchConnectionException e) {
      throw new NoSuchStatementException(statement);
    }
    if (!statement.connectionId.equals(statementConnections.get(statement.id))) {
      throw new NoSuchStatementException(statement);
    }
  }

  @Override
  public void closeStatement(StatementHandle statement) {
    try {
      checkStatement(statement);
    } catch (NoSuchStatementException e) {
      return;
    }
    super.closeStatement(statement);
    statementConnections.remove(statement.id);
  }

  @Override
  public boolean syncResults(StatementHandle statement, QueryState state, long offset)
      throws NoSuchStatementException {
    checkStatement(statement);
    return super.syncResults(statement, state, offset);
  }

  // The catalog calls that Avatica's protocol carries make statements for their results.

  @Override
  public MetaResultSet getCatalogs(ConnectionHandle connection) {
    return remember(super.getCatalogs(connection));
  }

  @Override
  public MetaResultSet getSchemas(ConnectionHandle connection, String catalog, Pat schemaPattern) {
    return remember(super.getSchemas(connection, catalog, schemaPattern));
  }

  @Override
  public MetaResultSet getTables(
      ConnectionHandle connection,
      String catalog,
      Pat schemaPattern,
      Pat tableNamePattern,
      List<String> typeList) {
    return remember(
        super.getTables(connection, catalog, schemaPattern, tableNamePattern, typeList));
  }

  @Override
  public MetaResultSet getColumns(
      ConnectionHandle connection,
      String catalog,
      Pat schemaPattern,
      Pat tableNamePattern,
      Pat columnNamePattern) {
    return remember(
        super.getColumns(connection, catalog, schemaPattern, tableNamePattern, columnNamePattern));
  }

  @Override
  public MetaResultSet getTableTypes(ConnectionHandle connection) {
    return remember(super.getTableTypes(connection));
  }

  @Override
  public MetaResultSet getTypeInfo(ConnectionHandle connection) {
    return remember(super.getTypeInfo(connection));
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
    return remember(run(() -> super.prepare(connection, sql, maxRows)));
  }

  @Override
  public ExecuteResult prepareAndExecute(
      StatementHandle statement, String sql, long maxRows, PrepareCallback callback)
      throws NoSuchStatementException {
    checkStatement(statement);
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
    checkStatement(statement);
    return run(
        () -> super.prepareAndExecute(statement, sql, maxRows, maxRowsInFirstFrame, callback));
  }

  @Override
  public Frame fetch(StatementHandle statement, long offset, int fetchMaxRowCount)
      throws NoSuchStatementException, MissingResultsException {
    checkStatement(statement);
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
    checkStatement(statement);
    return run(() -> super.execute(statement, parameterValues, maxRowsInFirstFrame));
  }

  @Override
  public ExecuteBatchResult prepareAndExecuteBatch(
      StatementHandle statement, List<String> sqlCommands) throws NoSuchStatementException {
    checkStatement(statement);
    return run(() -> super.prepareAndExecuteBatch(statement, sqlCommands));
  }

  @Override
  public ExecuteBatchResult executeBatch(
      StatementHandle statement, List<List<TypedValue>> parameterValues)
      throws NoSuchStatementException {
    checkStatement(statement);
    return run(() -> super.executeBatch(statement, parameterValues));
  }

  @Override
  public ExecuteBatchResult executeBatchProtobuf(
      StatementHandle statement, List<Requests.UpdateBatch> parameterValues)
      throws NoSuchStatementException {
    checkStatement(statement);
    return run(() -> super.executeBatchProtobuf(statement, parameterValues));
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
