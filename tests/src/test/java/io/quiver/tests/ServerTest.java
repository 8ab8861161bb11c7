package io.quiver.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quiver.jdbc.QuiverDriver;
import io.quiver.jdbc.server.QuiverServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Quiver server in this process, reached through Quiver's and Avatica's remote URLs. */
class ServerTest {
  private static final int CONNECT_TIMEOUT_MILLIS = 2_000;

  @TempDir Path data;

  private QuiverServer server;
  private String administratorPassword;

  @BeforeEach
  void startServer() throws SQLException {
    QuiverDriver.load();
    server = QuiverServer.start(data, QuiverServer.DEFAULT_HOST, 0);
    administratorPassword = server.takeGeneratedAdministratorPassword().orElseThrow();
  }

  /** A connection to the server as its administrator. */
  private Connection connect() throws SQLException {
    return DriverManager.getConnection(server.jdbcUrl(), "ADMIN", administratorPassword);
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private String avaticaUrl() {
    return "jdbc:avatica:remote:url=http://127.0.0.1:"
        + server.port()
        + ";serialization=protobuf;authentication=BASIC;avatica_user=ADMIN;avatica_password="
        + administratorPassword;
  }

  @Test
  void modelResultsReachRemoteClientsAsJsonText() throws Exception {
    byte[] example = Files.readAllBytes(SharedFiles.repositoryRoot().resolve("examples/iris.onnx"));
    Path zipMap = SharedFiles.require("models/skl_randomforest_iris/model.onnx");
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      try (PreparedStatement upload = connection.prepareStatement("CREATE MODEL ex FROM ?")) {
        upload.setBytes(1, example);
        upload.executeUpdate();
      }
      try (PreparedStatement upload = connection.prepareStatement("CREATE MODEL forest FROM ?")) {
        upload.setBytes(1, Files.readAllBytes(zipMap));
        upload.executeUpdate();
      }

      String call = "ex!predict(5.1, 3.5, 1.4, 0.2)";
      try (ResultSet result =
          statement.executeQuery(
              "SELECT "
                  + call
                  + ", "
                  + call
                  + ":probabilities, "
                  + call
                  + ":label,"
                  + " forest!predict(5.1, 3.5, 1.4, 0.2):output_probability")) {
        ResultSetMetaData columns = result.getMetaData();
        assertThat(columns.getColumnTypeName(1)).isEqualTo("OBJECT");
        assertThat(columns.getColumnTypeName(2)).isEqualTo("ARRAY");
        assertThat(columns.getColumnType(1)).isEqualTo(Types.VARCHAR);
        assertThat(columns.getColumnType(3)).isEqualTo(Types.BIGINT);

        assertThat(result.next()).isTrue();
        assertThat(result.getString(1)).startsWith("{\"LABEL\":0,\"PROBABILITIES\":[0.98");
        assertThat(result.getString(2)).startsWith("[0.98").endsWith("]");
        assertThat(result.getLong(3)).isZero();
        assertThat(result.getString(4)).startsWith("{\"0\":0.99").contains("\"2\":0.0");
      }
    }
  }

  @Test
  void tablesAreCreatedFilledAndQueriedThroughQuiversRemoteUrl() throws SQLException {
    assertThat(server.jdbcUrl())
        .isEqualTo("jdbc:quiver:remote:url=http://127.0.0.1:" + server.port());

    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE churn (id INTEGER, plan VARCHAR)");
      assertThat(statement.executeUpdate("INSERT INTO churn VALUES (1, 'a'), (2, 'b')"))
          .isEqualTo(2);

      assertThat(SqlRows.of(statement, "SELECT id, plan FROM churn ORDER BY id"))
          .containsExactly("1|a", "2|b");
    }
  }

  @Test
  void avaticasOwnDriverSeesWhatQuiversWrote() throws SQLException {
    try (Connection quiver = connect();
        Statement statement = quiver.createStatement()) {
      statement.execute("CREATE TABLE shared (x INTEGER)");
      statement.execute("INSERT INTO shared VALUES (7)");
    }

    try (Connection avatica = DriverManager.getConnection(avaticaUrl());
        Statement statement = avatica.createStatement()) {
      assertThat(SqlRows.of(statement, "SELECT x FROM shared")).containsExactly("7");
      assertThat(avatica.getMetaData().getDatabaseProductName()).isEqualTo("Avatica");
    }
  }

  @Test
  void errorsCarryQuiversMessageWithoutTheServersExceptionChain() throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.execute("USE DATABASE nope"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("Database NOPE does not exist")
          .hasMessageNotContaining("Exception");
      assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM nowhere"))
          .hasMessageContaining("NOWHERE")
          .hasMessageNotContaining("Exception");
      assertThatThrownBy(() -> statement.executeQuery("SELECT 1 / 0"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("zero");

      assertThat(SqlRows.of(statement, "SELECT 1")).containsExactly("1");
    }
  }

  @Test
  void metadataDescribesQuiversDatabasesSchemasAndTables() throws SQLException {
    try (Connection connection = connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE churn (id INTEGER, plan VARCHAR(10))");
      statement.execute("CREATE DATABASE ml");
      DatabaseMetaData metaData = connection.getMetaData();

      assertThat(metaData.getDatabaseProductName()).isEqualTo("Quiver");
      assertThat(metaData.getDatabaseProductVersion()).isEqualTo(QuiverDriver.VERSION);
      assertThat(metaData.getIdentifierQuoteString()).isEqualTo("\"");
      assertThat(SqlRows.of(metaData.getCatalogs())).containsExactly("ML", "QUIVER");
      assertThat(SqlRows.of(metaData.getSchemas("QUIVER", null))).containsExactly("PUBLIC|QUIVER");
      assertThat(SqlRows.of(metaData.getTables(null, null, null, null)))
          .singleElement()
          .asString()
          .startsWith("QUIVER|PUBLIC|CHURN|TABLE|");
      assertThat(SqlRows.of(metaData.getColumns("QUIVER", "PUBLIC", "CHURN", null)))
          .extracting(row -> String.join("|", List.of(row.split("\\|")).subList(3, 7)))
          .containsExactly("ID|4|INTEGER|10", "PLAN|12|VARCHAR|10");
      assertThat(SqlRows.of(metaData.getTableTypes())).containsExactly("TABLE");
      assertThat(SqlRows.of(metaData.getTypeInfo())).anyMatch(row -> row.startsWith("VARCHAR|"));
    }
  }

  @Test
  void listensOnTheLoopbackAddressOnly() throws IOException {
    assertThat(server.host()).isEqualTo("127.0.0.1");

    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", server.port()), CONNECT_TIMEOUT_MILLIS);
      assertThat(socket.isConnected()).isTrue();
    }
    assertThatThrownBy(() -> connect("127.0.0.2")).isInstanceOf(ConnectException.class);
    assertThatThrownBy(() -> connect("::1")).isInstanceOf(SocketException.class);
  }

  private void connect(String address) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, server.port()), CONNECT_TIMEOUT_MILLIS);
    }
  }

  @Test
  void stoppingClosesLeftoverConnectionsAndReleasesTheDataFolder() throws Exception {
    Connection leftOpen = connect();
    try (Statement statement = leftOpen.createStatement()) {
      statement.execute("CREATE TABLE kept (x INTEGER)");
    }
    assertThat(lockableByThisProcess(storeFile())).isFalse();

    server.close();

    assertThat(lockableByThisProcess(storeFile())).isTrue();
    assertThatThrownBy(() -> leftOpen.createStatement().executeQuery("SELECT 1"))
        .hasMessageContaining("Connection refused");
    try (Connection embedded =
            DriverManager.getConnection("jdbc:quiver:" + data, "ADMIN", administratorPassword);
        Statement statement = embedded.createStatement()) {
      assertThat(SqlRows.firstColumn(statement, "SHOW TABLES")).containsExactly("KEPT");
    }
  }

  /** The file in which the store keeps its H2 database. */
  private Path storeFile() throws IOException {
    try (Stream<Path> files = Files.list(data)) {
      return files.filter(file -> file.toString().endsWith(".mv.db")).findFirst().orElseThrow();
    }
  }

  /**
   * Whether this process can lock a file; false while H2 in this process still holds it open (Java
   * refuses a second lock on a file that the same process has locked).
   */
  private static boolean lockableByThisProcess(Path file) throws IOException {
    try (FileChannel channel =
            FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock()) {
      return lock != null;
    } catch (OverlappingFileLockException e) {
      return false;
    }
  }
}
