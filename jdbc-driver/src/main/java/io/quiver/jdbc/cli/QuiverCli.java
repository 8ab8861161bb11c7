package io.quiver.jdbc.cli;

import io.quiver.jdbc.QuiverDriver;
import io.quiver.jdbc.server.QuiverServer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.checkerframework.checker.nullness.qual.Nullable;
import sqlline.SqlLine;

/**
 * The {@code quiver} launcher: an interactive sqlline session on a store, a script run, or a
 * server.
 *
 * <pre>
 *   quiver [--data DIR]                  sqlline connected to the store
 *   quiver run FILE.sql [--data DIR]     runs a script; stops at the first failing statement
 *   quiver server [--port N] [--host H] [--data DIR]
 * </pre>
 *
 * The data folder is {@code --data}, else {@code QUIVER_DATA}, else {@code ./quiver-data}. A script
 * run exits with 0 when every statement succeeded, 1 when one failed and 2 when the command line is
 * wrong. {@link LauncherLogin} says how the launcher logs in; a server reads files only inside
 * {@code --import-dir} and writes them only inside {@code --export-dir}.
 */
public final class QuiverCli {
  private static final String USAGE =
      "usage: quiver [--data DIR] [--user NAME]\n"
          + "       quiver run FILE.sql [--data DIR] [--user NAME]\n"
          + "       quiver server [--port 8765] [--host 127.0.0.1] [--data DIR]"
          + " [--import-dir DIR] [--export-dir DIR]\n"
          + "The password is read from QUIVER_PASSWORD; a new store's administrator password from"
          + " QUIVER_ADMIN_PASSWORD, else generated and shown once.";

  private static final int SUCCESS = 0;
  private static final int FAILURE = 1;
  private static final int USAGE_ERROR = 2;

  private QuiverCli() {}

  public static void main(String[] arguments) throws Exception {
    System.exit(run(arguments, System.getenv(), System.out, System.err));
  }

  static int run(
      String[] arguments, Map<String, String> environment, PrintStream out, PrintStream errors)
      throws Exception {
    Options options;
    try {
      options = Options.parse(arguments, environment);
    } catch (IllegalArgumentException e) {
      errors.println(e.getMessage());
      errors.println(USAGE);
      return USAGE_ERROR;
    }
    if (options.help) {
      out.println(USAGE);
      return SUCCESS;
    }
    QuiverDriver.load();
    switch (options.command) {
      case "run":
        return runScript(options, environment, out, errors);
      case "server":
        return serve(options, errors);
      default:
        return interactive(options, environment, errors);
    }
  }

  /** sqlline on the store; it asks for the password when the environment gives none. */
  private static int interactive(
      Options options, Map<String, String> environment, PrintStream errors) throws IOException {
    try (LauncherLogin login =
        LauncherLogin.of(dataFolder(options), options.user, environment, errors)) {
      List<String> arguments = new ArrayList<>(List.of("-u", url(options), "-n", login.user()));
      login.password().ifPresent(password -> arguments.addAll(List.of("-p", password)));
      arguments.add("--isolation=TRANSACTION_NONE");
      SqlLine.Status status = new SqlLine().begin(arguments.toArray(String[]::new), null, false);
      return status == SqlLine.Status.OK ? SUCCESS : FAILURE;
    }
  }

  private static int runScript(
      Options options, Map<String, String> environment, PrintStream out, PrintStream errors) {
    String script;
    try {
      script = Files.readString(options.script);
    } catch (IOException e) {
      errors.println(unreadable(options.script, e));
      return USAGE_ERROR;
    }
    try (LauncherLogin login =
            LauncherLogin.of(dataFolder(options), options.user, environment, errors);
        Connection connection = connect(options, login, errors)) {
      if (connection == null) {
        return USAGE_ERROR;
      }
      return new ScriptRunner(connection, out, errors).run(script) ? SUCCESS : FAILURE;
    } catch (SQLException | RuntimeException e) {
      errors.println(
          "Error: cannot open the data folder "
              + dataFolder(options)
              + ": "
              + ErrorMessages.describe(e, ""));
      return FAILURE;
    }
  }

  /** The script's connection; null, after saying why, when the launcher has no password. */
  private static @Nullable Connection connect(
      Options options, LauncherLogin login, PrintStream errors) throws SQLException {
    if (login.password().isEmpty()) {
      errors.println(
          "Set "
              + LauncherLogin.PASSWORD_VARIABLE
              + " to the password of user "
              + login.user()
              + "; the launcher does not take passwords on its command line");
      return null;
    }
    return DriverManager.getConnection(url(options), login.user(), login.password().get());
  }

  private static String unreadable(Path script, IOException failure) {
    String reason;
    if (failure instanceof NoSuchFileException) {
      reason = "it does not exist";
    } else if (failure instanceof AccessDeniedException) {
      reason = "permission is denied";
    } else if (failure instanceof CharacterCodingException) {
      reason = "it is not UTF-8 text";
    } else {
      reason = String.valueOf(failure.getMessage());
    }
    return "Cannot read the script " + script + " (" + reason + "); give a readable .sql file";
  }

  private static int serve(Options options, PrintStream errors) throws InterruptedException {
    QuiverServer server;
    try {
      server =
          QuiverServer.start(
              new QuiverServer.Settings(
                  options.data, options.host, options.port, options.importDir, options.exportDir));
    } catch (SQLException | RuntimeException e) {
      errors.println("Error: the server did not start: " + ErrorMessages.describe(e, ""));
      return FAILURE;
    }
    server
        .takeGeneratedAdministratorPassword()
        .ifPresent(password -> LauncherLogin.show(dataFolder(options), password, errors));
    CountDownLatch stopped = new CountDownLatch(1);
    Thread shutdown =
        new Thread(
            () -> {
              server.close();
              stopped.countDown();
            },
            "quiver-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdown);
    stopped.await();
    return SUCCESS;
  }

  private static Path dataFolder(Options options) {
    return options.data.toAbsolutePath().normalize();
  }

  private static String url(Options options) {
    return "jdbc:quiver:" + dataFolder(options);
  }

  /** The launcher's command line. */
  private static final class Options {
    String command = "sqlline";
    boolean help;
    Path script;
    Path data;
    String host = QuiverServer.DEFAULT_HOST;
    int port = QuiverServer.DEFAULT_PORT;
    @Nullable String user;
    @Nullable Path importDir;
    @Nullable Path exportDir;

    static Options parse(String[] arguments, Map<String, String> environment) {
      Options options = new Options();
      options.data = Path.of(environment.getOrDefault("QUIVER_DATA", "quiver-data"));
      List<String> rest = new ArrayList<>(List.of(arguments));
      if (rest.contains("--help") || rest.contains("-h")) {
        options.help = true;
        return options;
      }
      if (!rest.isEmpty() && (rest.get(0).equals("run") || rest.get(0).equals("server"))) {
        options.command = rest.remove(0);
      }
      if (options.command.equals("run")) {
        if (rest.isEmpty() || rest.get(0).startsWith("--")) {
          throw new IllegalArgumentException("quiver run needs a script: quiver run FILE.sql");
        }
        options.script = Path.of(rest.remove(0));
      }
      options.parseFlags(rest);
      return options;
    }

    private void parseFlags(List<String> flags) {
      for (int i = 0; i < flags.size(); i += 2) {
        String flag = flags.get(i);
        if (!flag.startsWith("--")) {
          throw new IllegalArgumentException("Unknown command or argument " + flag);
        }
        if (i + 1 >= flags.size()) {
          throw new IllegalArgumentException("Flag " + flag + " needs a value");
        }
        parseFlag(flag, flags.get(i + 1));
      }
    }

    private void parseFlag(String flag, String value) {
      switch (flag) {
        case "--data":
          data = Path.of(value);
          break;
        case "--port":
          port = port(value);
          break;
        case "--host":
          host = value;
          break;
        case "--user":
          user = value;
          break;
        case "--import-dir":
          importDir = Path.of(value);
          break;
        case "--export-dir":
          exportDir = Path.of(value);
          break;
        default:
          throw new IllegalArgumentException("Unknown flag " + flag);
      }
    }

    private static int port(String value) {
      try {
        int port = Integer.parseInt(value);
        if (port >= 0 && port <= 65535) {
          return port;
        }
      } catch (NumberFormatException e) {
        // Reported below with the range a port must be in.
      }
      throw new IllegalArgumentException(
          "Flag --port needs a number from 0 to 65535 (0 picks a free port), got " + value);
    }
  }
}
