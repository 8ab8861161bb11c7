package io.quiver.tests;

import static java.util.Objects.requireNonNull;

import io.quiver.catalog.security.Security;
import io.quiver.jdbc.QuiverDriver;
import io.quiver.jdbc.server.QuiverServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A Quiver server on a loopback port for a new data folder, reached with real logins: the
 * administrator's generated password, and the users the tests create.
 */
final class SecuredServer implements AutoCloseable {
  private final QuiverServer server;
  private final Path dataFolder;
  private final String administratorPassword;

  private SecuredServer(QuiverServer server, Path dataFolder, String administratorPassword) {
    this.server = server;
    this.dataFolder = dataFolder;
    this.administratorPassword = administratorPassword;
  }

  /** Starts a server whose store is created in {@code dataFolder}. */
  static SecuredServer start(Path dataFolder) throws SQLException {
    QuiverDriver.load();
    QuiverServer server = QuiverServer.start(dataFolder, QuiverServer.DEFAULT_HOST, 0);
    String given = System.getenv(Security.ADMINISTRATOR_PASSWORD_VARIABLE);
    String password =
        server
            .takeGeneratedAdministratorPassword()
            .orElseGet(() -> requireNonNull(given, "no administrator password"));
    return new SecuredServer(server, dataFolder, password);
  }

  String url() {
    return server.jdbcUrl();
  }

  String administratorPassword() {
    return administratorPassword;
  }

  /** The folder whose files the server's statements may read. */
  Path imports() {
    return dataFolder.resolve(QuiverServer.DEFAULT_IMPORT_FOLDER);
  }

  /** The folder the server's statements may write files into. */
  Path exports() {
    return dataFolder.resolve(QuiverServer.DEFAULT_EXPORT_FOLDER);
  }

  Connection connect(String user, String password) throws SQLException {
    return DriverManager.getConnection(url(), user, password);
  }

  Connection administrator() throws SQLException {
    return connect(Security.ADMINISTRATOR, administratorPassword);
  }

  /** Runs statements as the administrator, one after the other. */
  void administer(String... statements) throws SQLException {
    try (Connection connection = administrator();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  /** Copies the repository's example model into the import folder, as {@code iris.onnx}. */
  void importExampleModel() throws Exception {
    Files.createDirectories(imports());
    Path model = SharedFiles.repositoryRoot().resolve("examples").resolve("iris.onnx");
    Files.copy(model, imports().resolve("iris.onnx"));
  }

  @Override
  public void close() {
    server.close();
  }
}
