package io.quiver.jdbc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuiverCliTest {
  @TempDir Path folder;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream errors = new ByteArrayOutputStream();

  /** The administrator's password of the stores the tests create, and the launcher's login. */
  private static final Map<String, String> ENVIRONMENT =
      Map.of("QUIVER_ADMIN_PASSWORD", "cli-test-password", "QUIVER_PASSWORD", "cli-test-password");

  private int run(String... arguments) throws Exception {
    return run(ENVIRONMENT, arguments);
  }

  private int run(Map<String, String> environment, String... arguments) throws Exception {
    return QuiverCli.run(
        arguments,
        environment,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(errors, true, StandardCharsets.UTF_8));
  }

  private String errorText() {
    return errors.toString(StandardCharsets.UTF_8);
  }

  @Test
  void helpPrintsUsageAndSucceeds() throws Exception {
    assertThat(run("--help")).isZero();

    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: quiver");
  }

  @Test
  void wrongCommandLinesExitWithTwo() throws Exception {
    assertThat(run("run")).isEqualTo(2);
    assertThat(errorText()).contains("quiver run needs a script");

    assertThat(run("server", "--port", "eighty")).isEqualTo(2);
    assertThat(errorText())
        .contains("--port needs a number from 0 to 65535 (0 picks a free port), got eighty");

    assertThat(run("--colour", "blue")).isEqualTo(2);
    assertThat(errorText()).contains("Unknown flag --colour");

    assertThat(run("serve")).isEqualTo(2);
    assertThat(errorText()).contains("Unknown command or argument serve");
  }

  @Test
  void aMissingScriptExitsWithTwo() throws Exception {
    Path missing = folder.resolve("missing.sql");

    assertThat(run("run", missing.toString(), "--data", folder.resolve("data").toString()))
        .isEqualTo(2);
    assertThat(errorText()).contains("Cannot read the script " + missing + " (it does not exist)");
  }

  @Test
  void aScriptRunsAgainstTheDataFolderAndExitsWithItsOutcome() throws Exception {
    Path data = folder.resolve("data");
    Path create = Files.writeString(folder.resolve("create.sql"), "CREATE TABLE t (x INTEGER);");
    Path fail = Files.writeString(folder.resolve("fail.sql"), "INSERT INTO t VALUES (7);\nBAD;");

    assertThat(run("run", create.toString(), "--data", data.toString())).isZero();
    assertThat(run("run", fail.toString(), "--data", data.toString())).isEqualTo(1);

    assertThat(errorText()).startsWith("Error at line 2: ");
    Path count = Files.writeString(folder.resolve("count.sql"), "SELECT COUNT(*) AS n FROM t;");
    out.reset();
    assertThat(run("run", count.toString(), "--data", data.toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("| 1 |");
  }

  @Test
  void aNewStoresGeneratedPasswordIsShownOnceAndLaterRunsNeedAPassword() throws Exception {
    Path data = folder.resolve("data");
    Path script = Files.writeString(folder.resolve("who.sql"), "SELECT CURRENT_USER() AS u;");

    assertThat(run(Map.of(), "run", script.toString(), "--data", data.toString())).isZero();

    assertThat(errorText()).contains("The administrator ADMIN has the password: ");
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("| ADMIN |");
    errors.reset();
    assertThat(run(Map.of(), "run", script.toString(), "--data", data.toString())).isEqualTo(2);
    assertThat(errorText())
        .contains("Set QUIVER_PASSWORD to the password of user ADMIN")
        .doesNotContain("has the password");
    errors.reset();
    Map<String, String> wrong = Map.of("QUIVER_PASSWORD", "not-the-password");
    assertThat(run(wrong, "run", script.toString(), "--data", data.toString())).isEqualTo(1);
    assertThat(errorText()).contains("Authentication failed");
  }
}
