package io.quiver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.jdbc.CalciteConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded driver's logins: checked like the server's, with one default for memory stores. */
class EmbeddedLoginTest {
  private static final String ADMIN_PASSWORD = "first-admin-password";

  @TempDir Path data;

  private static List<String> rows(Connection connection, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        rows.add(result.getString(1) + "|" + result.getString(2));
      }
    }
    return rows;
  }

  @Test
  void aConnectionToAnInMemoryStoreWithoutAUserIsItsAdministrator() throws Exception {
    QuiverDriver.load();
    try (Connection connection = DriverManager.getConnection("jdbc:quiver:mem:")) {
      assertThat(rows(connection, "SELECT CURRENT_USER(), CURRENT_ROLE()"))
          .containsExactly("ADMIN|ACCOUNTADMIN");
    }
  }

  @Test
  void loginsToAnInMemoryStoreAreChecked() throws Exception {
    QuiverDriver.load();
    String url = "jdbc:quiver:mem:logins";
    try (Connection administrator = DriverManager.getConnection(url);
        Statement statement = administrator.createStatement()) {
      statement.execute("CREATE USER carol PASSWORD = 'carol-password'");

      try (Connection carol = DriverManager.getConnection(url, "carol", "carol-password")) {
        assertThat(rows(carol, "SELECT CURRENT_USER(), CURRENT_ROLE()"))
            .containsExactly("CAROL|PUBLIC");
      }
      SQLException wrong = refusal(url, "carol", "not-the-password");
      SQLException unknown = refusal(url, "dave", "carol-password");
      assertThat(wrong.getSQLState()).isEqualTo("28000");
      assertThat(wrong.getMessage()).isEqualTo(unknown.getMessage());
    }
  }

  private static SQLException refusal(String url, String user, String password) {
    try (Connection connection = DriverManager.getConnection(url, user, password)) {
      throw new AssertionError("The login of " + user + " was accepted");
    } catch (SQLException e) {
      return e;
    }
  }

  @Test
  void theConnectionThatCreatesAFolderStoreGivesTheAdministratorsPassword() throws Exception {
    QuiverDriver.load();
    String url = "jdbc:quiver:" + data;
    try (Connection first = DriverManager.getConnection(url, "ADMIN", ADMIN_PASSWORD)) {
      assertThat(rows(first, "SELECT CURRENT_USER(), CURRENT_ROLE()"))
          .containsExactly("ADMIN|ACCOUNTADMIN");
      assertThat(first.unwrap(CalciteConnection.class).getProperties())
          .doesNotContainKey("password");
    }

    assertThat(refusal(url, "ADMIN", "another-password").getSQLState()).isEqualTo("28000");
    assertThatThrownBy(() -> DriverManager.getConnection(url))
        .isInstanceOf(SQLException.class)
        .hasMessageStartingWith("Authentication failed");
    Properties properties = new Properties();
    properties.setProperty("user", "admin");
    properties.setProperty("password", ADMIN_PASSWORD);
    try (Connection again = DriverManager.getConnection(url, properties)) {
      assertThat(rows(again, "SELECT CURRENT_USER(), CURRENT_ROLE()"))
          .containsExactly("ADMIN|ACCOUNTADMIN");
    }
  }

  @Test
  void aFolderStoreIsNotCreatedWithoutAKnownAdministratorPassword() {
    QuiverDriver.load();
    Path folder = data.resolve("new");

    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:quiver:" + folder, "bob", "x"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("holds no store")
        .hasMessageContaining("logs in as user ADMIN");
    assertThat(folder.resolve("catalog.mv.db")).doesNotExist();
  }
}
