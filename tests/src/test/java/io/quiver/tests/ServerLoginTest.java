package io.quiver.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Logging in to a server: every request needs a user's password, and a wrong one says nothing. */
class ServerLoginTest {
  private static final String ALICE = "alice-password";

  @TempDir Path data;

  private SecuredServer server;

  @BeforeEach
  void startServer() throws Exception {
    server = SecuredServer.start(data);
    server.administer("CREATE USER alice PASSWORD = '" + ALICE + "'");
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void wrongMissingOrUnknownCredentialsFailAlike() throws Exception {
    SQLException wrongPassword = refusal(() -> server.connect("alice", "not-her-password"));
    SQLException unknownUser = refusal(() -> server.connect("nobody", ALICE));
    SQLException noUser = refusal(() -> DriverManager.getConnection(server.url()));
    SQLException emptyPassword = refusal(() -> server.connect("alice", ""));

    for (SQLException refusal : new SQLException[] {wrongPassword, unknownUser, noUser}) {
      assertThat(refusal.getSQLState()).isEqualTo("28000");
      assertThat(refusal.getMessage()).isEqualTo(emptyPassword.getMessage());
    }
    assertThat(wrongPassword.getMessage())
        .startsWith("Authentication failed: the user name or password is not valid")
        .doesNotContain("alice", "ALICE", "nobody");
  }

  private static SQLException refusal(Login login) {
    try (Connection connection = login.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("SELECT 1");
    } catch (SQLException e) {
      return e;
    }
    throw new AssertionError("The login was accepted");
  }

  /** A connection attempt. */
  @FunctionalInterface
  private interface Login {
    Connection connect() throws SQLException;
  }

  @Test
  void avaticasOwnPropertiesLogInToo() throws Exception {
    Properties properties = new Properties();
    properties.setProperty("authentication", "BASIC");
    properties.setProperty("avatica_user", "alice");
    properties.setProperty("avatica_password", ALICE);
    String url = server.url().replace("jdbc:quiver:remote:", "jdbc:avatica:remote:");
    try (Connection connection =
            DriverManager.getConnection(url + ";serialization=protobuf", properties);
        Statement statement = connection.createStatement()) {
      assertThat(SqlRows.of(statement, "SELECT CURRENT_USER(), CURRENT_ROLE()"))
          .containsExactly("ALICE|PUBLIC");
    }
  }

  @Test
  void aUserMayChangeItsPasswordAndTheOldOneStopsWorking() throws Exception {
    try (Connection alice = server.connect("alice", ALICE);
        Statement statement = alice.createStatement()) {
      assertThatThrownBy(() -> statement.execute("ALTER USER admin SET PASSWORD = 'other-pass'"))
          .hasMessageContaining("Only the role ACCOUNTADMIN may alter other users");
      assertThatThrownBy(() -> statement.execute("ALTER USER alice SET PASSWORD = 'short'"))
          .hasMessageContaining("Passwords need at least 8 characters");

      statement.execute("ALTER USER alice SET PASSWORD = 'a-new-password'");

      assertThatThrownBy(() -> statement.execute("SELECT 1"))
          .as("the connection's requests carry the old password")
          .hasMessageContaining("HTTP/401");
    } catch (SQLException e) {
      assertThat(e.getMessage()).startsWith("While closing");
    }

    assertThat(refusal(() -> server.connect("alice", ALICE)).getSQLState()).isEqualTo("28000");
    try (Connection alice = server.connect("alice", "a-new-password")) {
      assertThat(SqlRows.of(alice.createStatement(), "SELECT CURRENT_USER()"))
          .containsExactly("ALICE");
    }
  }

  @Test
  void aDroppedUserCanNoLongerLogIn() throws Exception {
    Connection alice = server.connect("alice", ALICE);
    Statement statement = alice.createStatement();
    server.administer("DROP USER alice");

    assertThatThrownBy(() -> statement.executeQuery("SELECT 1")).hasMessageContaining("HTTP/401");
    assertThatThrownBy(alice::close).hasMessage("While closing connection");
    assertThat(refusal(() -> server.connect("alice", ALICE)).getSQLState()).isEqualTo("28000");
  }

  @Test
  void theLastAdministratorCannotBeRemoved() throws Exception {
    try (Connection administrator = server.administrator();
        Statement statement = administrator.createStatement()) {
      assertThatThrownBy(() -> statement.execute("REVOKE ROLE accountadmin FROM USER admin"))
          .hasMessageContaining("This would leave no user with role ACCOUNTADMIN");
      assertThatThrownBy(() -> statement.execute("DROP USER admin"))
          .hasMessageContaining("is this session's user and cannot drop itself");
      assertThatThrownBy(() -> statement.execute("DROP ROLE accountadmin"))
          .hasMessageContaining("is a system role and cannot be dropped");

      statement.execute("GRANT ROLE accountadmin TO USER alice");
      statement.execute("REVOKE ROLE accountadmin FROM USER alice");
    }
  }

  @Test
  void theGeneratedPasswordIsGivenOnce() throws Exception {
    try (Connection administrator = server.administrator();
        Statement statement = administrator.createStatement()) {
      assertThat(SqlRows.of(statement, "SELECT CURRENT_USER(), CURRENT_ROLE()"))
          .containsExactly("ADMIN|ACCOUNTADMIN");
    }
    assertThat(server.administratorPassword()).hasSizeGreaterThanOrEqualTo(20);
  }
}
