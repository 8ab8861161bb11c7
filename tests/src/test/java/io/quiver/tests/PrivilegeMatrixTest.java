package io.quiver.tests;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * For each privilege, each statement that needs it fails without it and succeeds once it is
 * granted: through a real server on a loopback port, as a user who logs in with a password.
 *
 * <p>Each statement runs under a role of its own, granted to the user ALICE, so that what one case
 * grants does not help another; {@code {n}} in a case stands for the case's number and {@code
 * {role}} for its role.
 */
class PrivilegeMatrixTest {
  private static final String ALICE_PASSWORD = "alice-in-wonderland";

  /** The privileges every case's role has unless the case is about them. */
  private static final List<String> PUBLIC_SCHEMA_USAGE =
      List.of(
          "GRANT USAGE ON DATABASE quiver TO ROLE {role}",
          "GRANT USAGE ON SCHEMA quiver.public TO ROLE {role}");

  private static final List<String> SHOP_USAGE =
      List.of("GRANT USAGE ON DATABASE shop TO ROLE {role}");

  private static final String MODEL = "CREATE MODEL m{n} WITH VERSION v1 FROM 'iris.onnx'";
  private static final String TABLE = "CREATE TABLE t{n} (x INTEGER)";
  private static final String ROW = "INSERT INTO t{n} VALUES (1)";

  @TempDir static Path data;

  private static SecuredServer server;
  private static final AtomicInteger CASES = new AtomicInteger();

  /**
   * One statement that needs a privilege.
   *
   * @param privilege the privilege, as the test's name shows it
   * @param baseline what the role holds before the case, on top of nothing
   * @param setup what the administrator creates for the case
   * @param grant the grant of the privilege
   * @param statement the statement that needs it
   * @param refusal what the error says without the privilege
   */
  private record Case(
      String privilege,
      List<String> baseline,
      List<String> setup,
      String grant,
      String statement,
      String refusal) {}

  @BeforeAll
  static void startServer() throws Exception {
    server = SecuredServer.start(data);
    server.importExampleModel();
    Files.writeString(server.imports().resolve("rows.csv"), "4\n5\n");
    server.administer(
        "CREATE USER alice PASSWORD = '" + ALICE_PASSWORD + "'",
        "CREATE DATABASE shop",
        "CREATE SCHEMA shop.sales");
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @TestFactory
  Stream<DynamicTest> eachStatementFailsWithoutItsPrivilegeAndSucceedsWithIt() {
    return cases().stream()
        .map(
            privilegeCase ->
                dynamicTest(
                    privilegeCase.privilege() + ": " + privilegeCase.statement(),
                    () -> check(privilegeCase, CASES.incrementAndGet())));
  }

  private static void check(Case privilegeCase, int number) throws SQLException {
    String role = "CASE_ROLE_" + number;
    List<String> setup = new ArrayList<>();
    setup.add("CREATE ROLE " + role);
    setup.add("GRANT ROLE " + role + " TO USER alice");
    setup.add("USE SCHEMA quiver.public");
    setup.addAll(privilegeCase.baseline());
    setup.addAll(privilegeCase.setup());
    server.administer(fill(setup, number, role).toArray(String[]::new));
    try (Connection alice = server.connect("alice", ALICE_PASSWORD);
        Statement statement = alice.createStatement()) {
      statement.execute("USE ROLE " + role);
      String sql = fill(privilegeCase.statement(), number, role);

      assertThatThrownBy(() -> statement.execute(sql))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining(fill(privilegeCase.refusal(), number, role));

      server.administer(fill(privilegeCase.grant(), number, role));
      statement.execute(sql);
    }
  }

  private static List<String> fill(List<String> statements, int number, String role) {
    return statements.stream().map(sql -> fill(sql, number, role)).toList();
  }

  private static String fill(String text, int number, String role) {
    return text.replace("{n}", String.valueOf(number)).replace("{role}", role);
  }

  private static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    cases.addAll(databaseAndSchemaCases());
    cases.addAll(tableCases());
    cases.addAll(modelCases());
    return cases;
  }

  private static List<Case> databaseAndSchemaCases() {
    String noShop = "Database SHOP does not exist or not authorized";
    String noSales = "Schema SHOP.SALES does not exist or not authorized";
    String databaseUsage = "GRANT USAGE ON DATABASE shop TO ROLE {role}";
    String schemaUsage = "GRANT USAGE ON SCHEMA shop.sales TO ROLE {role}";
    String createTable = "GRANT CREATE TABLE ON SCHEMA quiver.public TO ROLE {role}";
    String createModel = "GRANT CREATE MODEL ON SCHEMA quiver.public TO ROLE {role}";
    String tables = "Insufficient privileges to create tables in schema QUIVER.PUBLIC";
    return List.of(
        new Case(
            "USAGE on a database",
            List.of(),
            List.of(),
            databaseUsage,
            "USE DATABASE shop",
            noShop),
        new Case(
            "USAGE on a database",
            List.of(),
            List.of(),
            databaseUsage,
            "SHOW SCHEMAS IN DATABASE shop",
            noShop),
        new Case(
            "USAGE on a schema",
            SHOP_USAGE,
            List.of(),
            schemaUsage,
            "USE SCHEMA shop.sales",
            noSales),
        new Case(
            "USAGE on a schema",
            SHOP_USAGE,
            List.of(),
            schemaUsage,
            "SHOW TABLES IN SCHEMA shop.sales",
            noSales),
        new Case(
            "USAGE on a schema",
            SHOP_USAGE,
            List.of(),
            schemaUsage,
            "SHOW MODELS IN SCHEMA shop.sales",
            noSales),
        new Case(
            "CREATE SCHEMA on a database",
            SHOP_USAGE,
            List.of(),
            "GRANT CREATE SCHEMA ON DATABASE shop TO ROLE {role}",
            "CREATE SCHEMA shop.s{n}",
            "Insufficient privileges to create schemas in database SHOP"),
        new Case(
            "CREATE TABLE on a schema", PUBLIC_SCHEMA_USAGE, List.of(), createTable, TABLE, tables),
        new Case(
            "CREATE TABLE on a schema",
            PUBLIC_SCHEMA_USAGE,
            List.of(),
            createTable,
            "CREATE TABLE t{n} AS SELECT 1 AS x",
            tables),
        new Case(
            "CREATE MODEL on a schema",
            PUBLIC_SCHEMA_USAGE,
            List.of(),
            createModel,
            "CREATE MODEL m{n} FROM 'iris.onnx'",
            "Insufficient privileges to create models in schema QUIVER.PUBLIC"));
  }

  private static List<Case> tableCases() {
    String unseen = "Table QUIVER.PUBLIC.T{n} does not exist or not authorized";
    List<String> table = List.of(TABLE, ROW);
    List<String> selectable = List.of(TABLE, ROW, "GRANT SELECT ON TABLE t{n} TO ROLE {role}");
    return List.of(
        new Case(
            "SELECT on a table",
            PUBLIC_SCHEMA_USAGE,
            table,
            "GRANT SELECT ON TABLE t{n} TO ROLE {role}",
            "SELECT COUNT(*) FROM t{n}",
            unseen),
        new Case(
            "SELECT on a table",
            PUBLIC_SCHEMA_USAGE,
            List.of(TABLE, ROW, "GRANT INSERT ON TABLE t{n} TO ROLE {role}"),
            "GRANT SELECT ON TABLE t{n} TO ROLE {role}",
            "SELECT x FROM t{n} WHERE x > 0",
            "Insufficient privileges to query table QUIVER.PUBLIC.T{n}"),
        new Case(
            "INSERT on a table",
            PUBLIC_SCHEMA_USAGE,
            table,
            "GRANT INSERT ON TABLE t{n} TO ROLE {role}",
            "INSERT INTO t{n} VALUES (2)",
            unseen),
        new Case(
            "INSERT on a table",
            PUBLIC_SCHEMA_USAGE,
            selectable,
            "GRANT INSERT ON TABLE t{n} TO ROLE {role}",
            "COPY INTO t{n} FROM 'rows.csv'",
            "Insufficient privileges to load into table QUIVER.PUBLIC.T{n}"),
        new Case(
            "UPDATE on a table",
            PUBLIC_SCHEMA_USAGE,
            selectable,
            "GRANT UPDATE ON TABLE t{n} TO ROLE {role}",
            "UPDATE t{n} SET x = 3 WHERE x = 1",
            "Insufficient privileges to update table QUIVER.PUBLIC.T{n}"),
        new Case(
            "DELETE on a table",
            PUBLIC_SCHEMA_USAGE,
            selectable,
            "GRANT DELETE ON TABLE t{n} TO ROLE {role}",
            "DELETE FROM t{n} WHERE x = 1",
            "Insufficient privileges to delete from table QUIVER.PUBLIC.T{n}"),
        new Case(
            "OWNERSHIP of a table",
            PUBLIC_SCHEMA_USAGE,
            selectable,
            "GRANT OWNERSHIP ON TABLE t{n} TO ROLE {role}",
            "DROP TABLE t{n}",
            "Insufficient privileges to drop table QUIVER.PUBLIC.T{n}"),
        new Case(
            "OWNERSHIP of a table",
            PUBLIC_SCHEMA_USAGE,
            List.of(
                TABLE,
                "GRANT SELECT ON TABLE t{n} TO ROLE {role}",
                "GRANT CREATE TABLE ON SCHEMA quiver.public TO ROLE {role}"),
            "GRANT OWNERSHIP ON TABLE t{n} TO ROLE {role}",
            "CREATE OR REPLACE TABLE t{n} (y INTEGER)",
            "Insufficient privileges to replace table QUIVER.PUBLIC.T{n}"));
  }

  private static List<Case> modelCases() {
    String unseen = "Model QUIVER.PUBLIC.M{n} does not exist or not authorized";
    String usage = "GRANT USAGE ON MODEL m{n} TO ROLE {role}";
    String read = "GRANT READ ON MODEL m{n} TO ROLE {role}";
    String ownership = "GRANT OWNERSHIP ON MODEL m{n} TO ROLE {role}";
    List<String> model = List.of(MODEL);
    List<String> usable = List.of(MODEL, usage);
    List<String> readable = List.of(MODEL, usage, read);
    String files = "Insufficient privileges to read the files of model QUIVER.PUBLIC.M{n}";
    return List.of(
        new Case(
            "USAGE on a model",
            PUBLIC_SCHEMA_USAGE,
            model,
            usage,
            "SELECT m{n}!predict(5.1, 3.5, 1.4, 0.2):label",
            unseen),
        new Case(
            "USAGE on a model",
            PUBLIC_SCHEMA_USAGE,
            model,
            usage,
            "SELECT MODEL(m{n}, v1)!predict(5.1, 3.5, 1.4, 0.2):label",
            unseen),
        new Case(
            "USAGE on a model",
            PUBLIC_SCHEMA_USAGE,
            model,
            usage,
            "SELECT (m{n}!predict(5.1, 3.5, 1.4, 0.2)).label",
            unseen),
        new Case(
            "USAGE on a model",
            PUBLIC_SCHEMA_USAGE,
            model,
            usage,
            "SELECT label FROM TABLE(m{n}!predict(5.1, 3.5, 1.4, 0.2))",
            unseen),
        new Case(
            "USAGE on a model",
            PUBLIC_SCHEMA_USAGE,
            model,
            usage,
            "SHOW VERSIONS IN MODEL m{n}",
            unseen),
        new Case(
            "USAGE on a model",
            PUBLIC_SCHEMA_USAGE,
            model,
            usage,
            "SHOW FUNCTIONS IN MODEL m{n}",
            unseen),
        new Case(
            "USAGE on a model", PUBLIC_SCHEMA_USAGE, model, usage, "DESCRIBE MODEL m{n}", unseen),
        new Case(
            "USAGE on a model",
            PUBLIC_SCHEMA_USAGE,
            List.of(MODEL, "GRANT READ ON MODEL m{n} TO ROLE {role}"),
            usage,
            "SELECT m{n}!predict(5.1, 3.5, 1.4, 0.2):label",
            "Insufficient privileges to call model QUIVER.PUBLIC.M{n}"),
        new Case(
            "READ on a model",
            PUBLIC_SCHEMA_USAGE,
            usable,
            read,
            "LIST 'snow://model/m{n}/versions/V1/'",
            files),
        new Case(
            "READ on a model",
            PUBLIC_SCHEMA_USAGE,
            usable,
            read,
            "GET 'snow://model/m{n}/versions/V1/model.onnx' 'file://copies{n}/'",
            files),
        new Case(
            "READ on a model",
            PUBLIC_SCHEMA_USAGE,
            List.of(MODEL, usage, "GRANT CREATE MODEL ON SCHEMA quiver.public TO ROLE {role}"),
            read,
            "CREATE MODEL copy{n} FROM MODEL m{n}",
            "Insufficient privileges to copy a version of model QUIVER.PUBLIC.M{n}"),
        new Case(
            "OWNERSHIP of a model",
            PUBLIC_SCHEMA_USAGE,
            readable,
            ownership,
            "ALTER MODEL m{n} SET COMMENT = 'mine'",
            "Insufficient privileges to alter model QUIVER.PUBLIC.M{n}"),
        new Case(
            "OWNERSHIP of a model",
            PUBLIC_SCHEMA_USAGE,
            readable,
            ownership,
            "ALTER MODEL m{n} ADD VERSION v2 FROM MODEL m{n}",
            "Insufficient privileges to alter model QUIVER.PUBLIC.M{n}"),
        new Case(
            "OWNERSHIP of a model",
            PUBLIC_SCHEMA_USAGE,
            readable,
            ownership,
            "COMMENT ON MODEL m{n} IS 'mine'",
            "Insufficient privileges to comment on model QUIVER.PUBLIC.M{n}"),
        new Case(
            "OWNERSHIP of a model",
            PUBLIC_SCHEMA_USAGE,
            readable,
            ownership,
            "GRANT USAGE ON MODEL m{n} TO ROLE PUBLIC",
            "Only the owner of model QUIVER.PUBLIC.M{n} or ACCOUNTADMIN may grant"),
        new Case(
            "OWNERSHIP of a model",
            PUBLIC_SCHEMA_USAGE,
            readable,
            ownership,
            "DROP MODEL m{n}",
            "Insufficient privileges to drop model QUIVER.PUBLIC.M{n}"));
  }
}
