package io.quiver.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.ConnectionConfigImpl;
import org.apache.calcite.avatica.remote.AvaticaHttpClient;
import org.apache.calcite.avatica.remote.AvaticaHttpClientFactoryImpl;
import org.apache.calcite.avatica.remote.ProtobufTranslationImpl;
import org.apache.calcite.avatica.remote.RemoteProtobufService;
import org.apache.calcite.avatica.remote.Service;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Avatica names connections and statements by identifiers a client could learn or guess; the server
 * lets only the user who opened a connection reach it and its statements, and ignores the
 * connection properties a client sends.
 */
class ServerIsolationTest {
  private static final String ALICE = "alice-password";
  private static final String BOB = "bob-password";

  @TempDir Path data;

  private SecuredServer server;

  @BeforeEach
  void startServer() throws Exception {
    server = SecuredServer.start(data);
    server.administer(
        "CREATE USER alice PASSWORD = '" + ALICE + "'",
        "CREATE USER bob PASSWORD = '" + BOB + "'",
        "CREATE ROLE owner",
        "GRANT ROLE owner TO USER alice",
        "ALTER USER alice SET DEFAULT_ROLE = owner",
        "GRANT USAGE ON DATABASE quiver TO ROLE owner",
        "GRANT USAGE ON SCHEMA quiver.public TO ROLE owner",
        "CREATE TABLE secrets (code VARCHAR)",
        "INSERT INTO secrets VALUES ('alice-only')",
        "GRANT SELECT ON TABLE secrets TO ROLE owner");
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  /** Bob's own line to the server, speaking Avatica's protocol directly. */
  private Service bobsService() throws Exception {
    Properties properties = new Properties();
    properties.setProperty("authentication", "BASIC");
    properties.setProperty("avatica_user", "bob");
    properties.setProperty("avatica_password", BOB);
    properties.setProperty("url", server.url().substring(server.url().indexOf("http")));
    ConnectionConfigImpl config = new ConnectionConfigImpl(properties);
    AvaticaHttpClient client =
        AvaticaHttpClientFactoryImpl.getInstance().getClient(new URL(config.url()), config, null);
    return new RemoteProtobufService(client, new ProtobufTranslationImpl());
  }

  @Test
  void anotherUserCannotReachAConnectionOrItsStatements() throws Exception {
    try (Connection alice = server.connect("alice", ALICE);
        Statement statement = alice.createStatement()) {
      assertThat(SqlRows.of(statement, "SELECT code FROM secrets")).containsExactly("alice-only");
      String connection = alice.unwrap(AvaticaConnection.class).id;
      int statementId = statement.unwrap(AvaticaStatement.class).getId();
      Service bob = bobsService();

      Service.ExecuteResponse executed =
          bob.apply(
              new Service.PrepareAndExecuteRequest(
                  connection, statementId, "SELECT code FROM secrets", -1));
      assertThat(executed.missingStatement).isTrue();
      assertThat(executed.results).isNullOrEmpty();
      Service.FetchResponse fetched =
          bob.apply(new Service.FetchRequest(connection, statementId, 0, 10));
      assertThat(fetched.missingStatement).isTrue();
      assertThat(fetched.frame == null ? List.of() : fetched.frame.rows).isEmpty();
      assertThatThrownBy(() -> bob.apply(new Service.CreateStatementRequest(connection)))
          .hasStackTraceContaining("NoSuchConnectionException");
      assertThatThrownBy(() -> bob.apply(new Service.CloseConnectionRequest(connection)))
          .hasStackTraceContaining("NoSuchConnectionException");

      assertThat(SqlRows.of(statement, "SELECT code FROM secrets")).containsExactly("alice-only");
    }
  }

  @Test
  void theClientsConnectionPropertiesDoNotChooseTheUser() throws Exception {
    Service bob = bobsService();
    Properties claims = new Properties();
    claims.setProperty("user", "ADMIN");
    claims.setProperty("password", "whatever-it-is");
    claims.setProperty("quiver.identity", "ADMIN");
    String connection = "bob-connection";
    bob.apply(
        new Service.OpenConnectionRequest(
            connection, Service.OpenConnectionRequest.serializeProperties(claims)));
    Service.CreateStatementResponse statement =
        bob.apply(new Service.CreateStatementRequest(connection));

    Service.ExecuteResponse response =
        bob.apply(
            new Service.PrepareAndExecuteRequest(
                connection, statement.statementId, "SELECT CURRENT_USER(), CURRENT_ROLE()", -1));

    assertThat(response.results.get(0).firstFrame.rows.iterator().next())
        .asList()
        .containsExactly("BOB", "PUBLIC");
    assertThatThrownBy(
            () ->
                bob.apply(
                    new Service.PrepareAndExecuteRequest(
                        connection, statement.statementId, "SELECT code FROM secrets", -1)))
        .hasMessageContaining("does not exist or not authorized");
  }
}
