package io.quiver.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How grants change what users may do, through a real server: a REVOKE applies to the next
 * statement of an open connection, FUTURE grants reach models created later, ownership moves ALTER
 * rights, roles inherit, and lists show only what the role sees.
 */
class GrantLifecycleTest {
  private static final String ALICE = "alice-password";
  private static final String BOB = "bob-password";
  private static final String PREDICT = "SELECT churn!predict(5.1, 3.5, 1.4, 0.2):label";

  @TempDir Path data;

  private SecuredServer server;

  @BeforeEach
  void startServer() throws Exception {
    server = SecuredServer.start(data);
    server.importExampleModel();
    server.administer(
        "CREATE ROLE analyst",
        "CREATE USER alice PASSWORD = '" + ALICE + "' DEFAULT_ROLE = analyst",
        "GRANT ROLE analyst TO USER alice",
        "GRANT USAGE ON DATABASE quiver TO ROLE analyst",
        "GRANT USAGE ON SCHEMA quiver.public TO ROLE analyst",
        "CREATE TABLE scores (x INTEGER)",
        "INSERT INTO scores VALUES (1), (2)",
        "CREATE MODEL churn WITH VERSION v1 FROM 'iris.onnx'");
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private Connection alice() throws SQLException {
    return server.connect("alice", ALICE);
  }

  @Test
  void aRevokeAppliesToTheNextStatementOfAnOpenConnection() throws Exception {
    server.administer(
        "GRANT SELECT ON TABLE scores TO ROLE analyst",
        "GRANT USAGE ON MODEL churn TO ROLE analyst");
    try (Connection alice = alice();
        Statement statement = alice.createStatement();
        PreparedStatement count = alice.prepareStatement("SELECT COUNT(*) FROM scores");
        PreparedStatement predict = alice.prepareStatement(PREDICT)) {
      assertThat(SqlRows.of(statement, "SELECT COUNT(*) FROM scores")).containsExactly("2");
      assertThat(SqlRows.of(count.executeQuery())).containsExactly("2");
      assertThat(SqlRows.of(predict.executeQuery())).containsExactly("0");

      server.administer(
          "REVOKE SELECT ON TABLE scores FROM ROLE analyst",
          "REVOKE USAGE ON MODEL churn FROM ROLE analyst");

      assertThatThrownBy(() -> statement.executeQuery("SELECT COUNT(*) FROM scores"))
          .hasMessageContaining("Table QUIVER.PUBLIC.SCORES does not exist or not authorized");
      assertThatThrownBy(count::executeQuery)
          .hasMessageContaining("Table QUIVER.PUBLIC.SCORES does not exist or not authorized");
      assertThatThrownBy(predict::executeQuery)
          .hasMessageContaining("Model QUIVER.PUBLIC.CHURN does not exist or not authorized");
    }
  }

  @Test
  void revokingARoleFromAUserAppliesToItsOpenConnection() throws Exception {
    server.administer("GRANT SELECT ON TABLE scores TO ROLE analyst");
    try (Connection alice = alice();
        Statement statement = alice.createStatement()) {
      assertThat(SqlRows.of(statement, "SELECT CURRENT_ROLE()")).containsExactly("ANALYST");
      assertThat(SqlRows.of(statement, "SELECT COUNT(*) FROM scores")).containsExactly("2");

      server.administer("REVOKE ROLE analyst FROM USER alice");

      assertThatThrownBy(() -> statement.executeQuery("SELECT COUNT(*) FROM scores"))
          .hasMessageContaining("does not exist or not authorized");
    }
  }

  @Test
  void futureGrantsReachModelsCreatedLater() throws Exception {
    server.administer("GRANT USAGE ON FUTURE MODELS IN SCHEMA quiver.public TO ROLE analyst");
    try (Connection alice = alice();
        Statement statement = alice.createStatement()) {
      assertThatThrownBy(() -> statement.executeQuery(PREDICT))
          .hasMessageContaining("Model QUIVER.PUBLIC.CHURN does not exist or not authorized");

      server.administer("CREATE MODEL later WITH VERSION v1 FROM 'iris.onnx'");

      assertThat(SqlRows.of(statement, "SELECT later!predict(5.1, 3.5, 1.4, 0.2):label"))
          .containsExactly("0");
      assertThat(names(statement, "SHOW MODELS")).containsExactly("LATER");
      assertThat(SqlRows.of(statement, "SHOW FUTURE GRANTS IN SCHEMA quiver.public"))
          .singleElement()
          .asString()
          .contains("|USAGE|MODEL|QUIVER.PUBLIC.<MODEL>|ROLE|ANALYST|false|ADMIN");

      server.administer(
          "REVOKE USAGE ON FUTURE MODELS IN SCHEMA quiver.public FROM ROLE analyst",
          "CREATE MODEL latest WITH VERSION v1 FROM 'iris.onnx'");

      assertThat(names(statement, "SHOW MODELS")).containsExactly("LATER");
    }
  }

  @Test
  void grantsOnAllModelsOfASchemaReachOnlyTheModelsItHoldsNow() throws Exception {
    server.administer(
        "CREATE MODEL other WITH VERSION v1 FROM 'iris.onnx'",
        "GRANT USAGE ON ALL MODELS IN SCHEMA quiver.public TO ROLE analyst",
        "CREATE MODEL later WITH VERSION v1 FROM 'iris.onnx'");
    try (Connection alice = alice();
        Statement statement = alice.createStatement()) {
      assertThat(names(statement, "SHOW MODELS")).containsExactly("CHURN", "OTHER");
    }
  }

  @Test
  void transferringOwnershipMovesTheRightToAlter() throws Exception {
    server.administer(
        "CREATE ROLE builder",
        "CREATE USER bob PASSWORD = '" + BOB + "' DEFAULT_ROLE = builder",
        "GRANT ROLE builder TO USER bob",
        "GRANT USAGE ON DATABASE quiver TO ROLE builder",
        "GRANT USAGE ON SCHEMA quiver.public TO ROLE builder",
        "GRANT CREATE MODEL ON SCHEMA quiver.public TO ROLE builder");
    try (Connection bob = server.connect("bob", BOB);
        Statement asBob = bob.createStatement();
        Connection alice = alice();
        Statement asAlice = alice.createStatement()) {
      asBob.execute("CREATE MODEL owned WITH VERSION v1 FROM 'iris.onnx'");
      asBob.execute("GRANT USAGE ON MODEL owned TO ROLE analyst");
      assertThat(owner(asBob, "OWNED")).isEqualTo("BUILDER");
      assertThatThrownBy(() -> asAlice.execute("ALTER MODEL owned SET COMMENT = 'alice'"))
          .hasMessageContaining("Insufficient privileges to alter model QUIVER.PUBLIC.OWNED");

      asBob.execute("GRANT OWNERSHIP ON MODEL owned TO ROLE analyst");

      asAlice.execute("ALTER MODEL owned SET COMMENT = 'alice'");
      assertThat(owner(asAlice, "OWNED")).isEqualTo("ANALYST");
      assertThatThrownBy(() -> asBob.execute("ALTER MODEL owned SET COMMENT = 'bob'"))
          .hasMessageContaining("Model QUIVER.PUBLIC.OWNED does not exist or not authorized");
    }
  }

  @Test
  void droppingARoleGivesWhatItOwnedToTheRoleThatDropsIt() throws Exception {
    server.administer("CREATE ROLE builder", "GRANT OWNERSHIP ON MODEL churn TO ROLE builder");
    try (Connection administrator = server.administrator();
        Statement statement = administrator.createStatement()) {
      assertThat(owner(statement, "CHURN")).isEqualTo("BUILDER");

      statement.execute("DROP ROLE builder");

      assertThat(owner(statement, "CHURN")).isEqualTo("ACCOUNTADMIN");
      assertThatThrownBy(() -> statement.execute("DROP ROLE public"))
          .hasMessageContaining("Role PUBLIC is a system role and cannot be dropped");
    }
  }

  /** The {@code name} column of a SHOW statement's rows. */
  private static List<String> names(Statement statement, String sql) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        names.add(rows.getString("name"));
      }
    }
    return names;
  }

  private static String owner(Statement statement, String model) throws SQLException {
    try (ResultSet rows = statement.executeQuery("SHOW MODELS LIKE '" + model + "'")) {
      assertThat(rows.next()).isTrue();
      return rows.getString("owner");
    }
  }

  @Test
  void rolesInheritThroughTheHierarchyAndCyclesAreRefused() throws Exception {
    server.administer(
        "CREATE ROLE reader",
        "GRANT SELECT ON TABLE scores TO ROLE reader",
        "GRANT ROLE reader TO ROLE analyst");
    try (Connection alice = alice();
        Statement statement = alice.createStatement()) {
      assertThat(SqlRows.of(statement, "SELECT COUNT(*) FROM scores")).containsExactly("2");
      assertThat(SqlRows.firstColumn(statement, "SHOW GRANTS TO ROLE analyst"))
          .hasSizeGreaterThanOrEqualTo(3);
    }
    try (Connection administrator = server.administrator();
        Statement statement = administrator.createStatement()) {
      assertThatThrownBy(() -> statement.execute("GRANT ROLE analyst TO ROLE reader"))
          .hasMessageContaining(
              "Granting role ANALYST to role READER would make a cycle: READER is already granted"
                  + " to ANALYST");
      assertThatThrownBy(() -> statement.execute("GRANT ROLE analyst TO ROLE analyst"))
          .hasMessageContaining("would make a cycle");
    }
  }

  @Test
  void useRoleSwitchesBetweenTheRolesGrantedToTheUser() throws Exception {
    server.administer("CREATE ROLE other");
    try (Connection alice = alice();
        Statement statement = alice.createStatement()) {
      assertThat(SqlRows.of(statement, "SELECT CURRENT_USER(), CURRENT_ROLE(), CURRENT_USER"))
          .containsExactly("ALICE|ANALYST|ALICE");
      statement.execute("USE ROLE public");
      assertThat(SqlRows.of(statement, "SELECT CURRENT_ROLE()")).containsExactly("PUBLIC");
      assertThatThrownBy(() -> statement.execute("USE ROLE other"))
          .hasMessageContaining("Role OTHER does not exist or is not granted to user ALICE");
      assertThatThrownBy(() -> statement.execute("USE ROLE accountadmin"))
          .hasMessageContaining("is not granted to user ALICE");
    }
  }

  @Test
  void listsShowOnlyWhatTheRoleSees() throws Exception {
    server.administer(
        "CREATE TABLE hidden (x INTEGER)",
        "CREATE MODEL secret WITH VERSION v1 FROM 'iris.onnx'",
        "GRANT SELECT ON TABLE scores TO ROLE analyst",
        "GRANT USAGE ON MODEL churn TO ROLE analyst",
        "CREATE DATABASE vault");
    try (Connection alice = alice();
        Statement statement = alice.createStatement()) {
      assertThat(names(statement, "SHOW MODELS")).containsExactly("CHURN");
      assertThat(SqlRows.firstColumn(statement, "SHOW TABLES")).containsExactly("SCORES");
      assertThat(SqlRows.of(statement, "SHOW DATABASES")).hasSize(1);
      assertThat(names(statement, "SHOW SCHEMAS IN ACCOUNT")).containsExactly("PUBLIC");
      assertThat(
              SqlRows.of(
                  statement,
                  "SELECT model_name, owner FROM quiver.information_schema.model_versions"))
          .containsExactly("CHURN|ACCOUNTADMIN");
      DatabaseMetaData metaData = alice.getMetaData();
      assertThat(SqlRows.of(metaData.getTables(null, null, null, null)))
          .singleElement()
          .asString()
          .startsWith("QUIVER|PUBLIC|SCORES|TABLE");
      assertThat(SqlRows.of(metaData.getCatalogs())).containsExactly("QUIVER");
    }
  }

  @Test
  void anUnseenObjectFailsAsOneThatDoesNotExist() throws Exception {
    server.administer(
        "CREATE TABLE hidden (x INTEGER)",
        "CREATE MODEL secret WITH VERSION v1 FROM 'iris.onnx'",
        "CREATE DATABASE vault");
    try (Connection alice = alice();
        Statement statement = alice.createStatement()) {
      for (String[] pair : unseenAndMissing()) {
        String unseen = error(statement, pair[0]);
        String missing = error(statement, pair[1]);
        assertThat(unseen).isEqualTo(missing.replace(pair[3], pair[2]));
        assertThat(unseen).contains("does not exist or not authorized");
      }
    }
  }

  /** A statement on an unseen object, the same on a missing one, and the two names. */
  private static List<String[]> unseenAndMissing() {
    List<String[]> pairs = new ArrayList<>();
    pairs.add(new String[] {"SELECT * FROM hidden", "SELECT * FROM nothing", "HIDDEN", "NOTHING"});
    pairs.add(new String[] {"DROP TABLE hidden", "DROP TABLE nothing", "HIDDEN", "NOTHING"});
    pairs.add(
        new String[] {
          PREDICT.replace("churn", "secret"),
          PREDICT.replace("churn", "nomodel"),
          "SECRET",
          "NOMODEL"
        });
    pairs.add(
        new String[] {"DESCRIBE MODEL secret", "DESCRIBE MODEL nomodel", "SECRET", "NOMODEL"});
    pairs.add(new String[] {"DROP MODEL secret", "DROP MODEL nomodel", "SECRET", "NOMODEL"});
    pairs.add(
        new String[] {
          "LIST 'snow://model/secret/versions/V1/'",
          "LIST 'snow://model/nomodel/versions/V1/'",
          "SECRET",
          "NOMODEL"
        });
    pairs.add(new String[] {"USE DATABASE vault", "USE DATABASE novault", "VAULT", "NOVAULT"});
    pairs.add(
        new String[] {
          "SHOW TABLES IN SCHEMA vault.public",
          "SHOW TABLES IN SCHEMA novault.public",
          "VAULT",
          "NOVAULT"
        });
    return pairs;
  }

  private static String error(Statement statement, String sql) {
    try {
      statement.execute(sql);
    } catch (SQLException e) {
      return e.getMessage().replace(sql, "");
    }
    throw new AssertionError("Expected " + sql + " to fail");
  }

  @Test
  void grantsAreShownToTheRoleAndOnTheObject() throws Exception {
    server.administer("GRANT USAGE, READ ON MODEL churn TO ROLE analyst");
    try (Connection alice = alice();
        Statement statement = alice.createStatement()) {
      assertThat(SqlRows.of(statement, "SHOW GRANTS ON MODEL churn"))
          .extracting(row -> row.substring(row.indexOf('|') + 1))
          .containsExactly(
              "OWNERSHIP|MODEL|QUIVER.PUBLIC.CHURN|ROLE|ACCOUNTADMIN|false|ADMIN",
              "READ|MODEL|QUIVER.PUBLIC.CHURN|ROLE|ANALYST|false|ADMIN",
              "USAGE|MODEL|QUIVER.PUBLIC.CHURN|ROLE|ANALYST|false|ADMIN");
      assertThat(SqlRows.of(statement, "SHOW GRANTS TO ROLE analyst"))
          .extracting(row -> row.substring(row.indexOf('|') + 1))
          .containsExactly(
              "USAGE|DATABASE|QUIVER|ROLE|ANALYST|false|ADMIN",
              "USAGE|SCHEMA|QUIVER.PUBLIC|ROLE|ANALYST|false|ADMIN",
              "READ|MODEL|QUIVER.PUBLIC.CHURN|ROLE|ANALYST|false|ADMIN",
              "USAGE|MODEL|QUIVER.PUBLIC.CHURN|ROLE|ANALYST|false|ADMIN");
      assertThat(SqlRows.of(statement, "SHOW GRANTS TO USER alice"))
          .extracting(row -> row.substring(row.indexOf('|') + 1))
          .containsExactly("USAGE|ROLE|ANALYST|USER|ALICE|false|ADMIN");
      assertThatThrownBy(() -> statement.executeQuery("SHOW GRANTS TO ROLE accountadmin"))
          .hasMessageContaining("Only sessions acting with role ACCOUNTADMIN");
    }
  }

  @Test
  void onlyTheAdministratorManagesUsersRolesAndDatabases() throws Exception {
    try (Connection alice = alice();
        Statement statement = alice.createStatement()) {
      for (String sql :
          List.of(
              "CREATE USER mallory PASSWORD = 'mallory-password'",
              "CREATE ROLE mallory",
              "GRANT ROLE accountadmin TO USER alice",
              "DROP USER admin",
              "ALTER USER admin SET PASSWORD = 'taken-over'",
              "CREATE DATABASE mine")) {
        assertThatThrownBy(() -> statement.execute(sql))
            .as(sql)
            .hasMessageContaining("Only the role ACCOUNTADMIN may");
      }
      assertThat(names(statement, "SHOW USERS")).containsExactly("ALICE");
    }
  }
}
