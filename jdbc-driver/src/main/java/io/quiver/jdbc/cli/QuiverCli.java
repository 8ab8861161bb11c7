package io.quiver.jdbc.cli;

import io.quiver.jdbc.QuiverDriver;
import io.quiver.jdbc.server.QuiverServer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
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
 * The data folder is {@code --data}, else {@code QUIVER_DATA}, else {@code ./quiver-data}.
 */
public final class QuiverCli {
  private static final String USAGE =
      "usage: quiver [--data DIR]\n"
          + "       quiver run FILE.sql [--data DIR]\n"
          + "       quiver server [--port 8765] [--host 127.0.0.1] [--data DIR]";

  /** The width of a script's output: wide enough that sqlline truncates no result row. */
  private static final int SCRIPT_WIDTH = 100_000;

  private QuiverCli() {}

  public static void main(String[] arguments) throws Exception {
    System.exit(run(arguments, System.err));
  }

  static int run(String[] arguments, PrintStream errors) throws Exception {
    Options options;
    try {
      options = Options.parse(arguments);
    } catch (IllegalArgumentException e) {
      errors.println(e.getMessage());
      errors.println(USAGE);
      return 2;
    }
    QuiverDriver.load();
    switch (options.command) {
      case "run":
        return runScript(options, errors);
      case "server":
        return serve(options);
      default:
        return interactive(options);
    }
  }

  private static int interactive(Options options) throws IOException {
    SqlLine sqlline = new SqlLine();
    SqlLine.Status status =
        sqlline.begin(
            new String[] {"-u", url(options), "-n", "", "-p", "", "--isolation=TRANSACTION_NONE"},
            null,
            false);
    return status == SqlLine.Status.OK ? 0 : 1;
  }

  private static int runScript(Options options, PrintStream errors) throws IOException {
    if (options.script == null || !Files.isReadable(options.script)) {
      errors.println("quiver run: cannot read script " + options.script);
      return 2;
    }
    System.setProperty("org.jline.terminal.dumb", "true");
    SqlLine sqlline = new SqlLine();
    SqlLine.Status status =
        sqlline.begin(
            new String[] {
              "-u", url(options), "-n", "", "-p", "", "--isolation=TRANSACTION_NONE",
              "--showWarnings=false", "--force=false", "--silent=true", "--verbose=false",
              "--maxWidth=" + SCRIPT_WIDTH, "-f", options.script.toString()
            },
            null,
            false);
    return status == SqlLine.Status.OK ? 0 : 1;
  }

  private static int serve(Options options) throws Exception {
    QuiverServer server = QuiverServer.start(options.data, options.host, options.port);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "quiver-shutdown"));
    stopped.await();
    return 0;
  }

  private static String url(Options options) {
    return "jdbc:quiver:" + options.data.toAbsolutePath().normalize();
  }

  /** The launcher's command line. */
  private static final class Options {
    String command = "sqlline";
    Path script;
    Path data;
    String host = QuiverServer.DEFAULT_HOST;
    int port = QuiverServer.DEFAULT_PORT;

    static Options parse(String[] arguments) {
      Options options = new Options();
      String environment = System.getenv("QUIVER_DATA");
      options.data = Path.of(environment == null ? "quiver-data" : environment);
      List<String> rest = new ArrayList<>(List.of(arguments));
      if (!rest.isEmpty() && (rest.get(0).equals("run") || rest.get(0).equals("server"))) {
        options.command = rest.remove(0);
      }
      if (options.command.equals("run")) {
        if (rest.isEmpty() || rest.get(0).startsWith("--")) {
          throw new IllegalArgumentException("quiver run needs a script file");
        }
        options.script = Path.of(rest.remove(0));
      }
      for (int i = 0; i < rest.size(); i++) {
        String flag = rest.get(i);
        if (i + 1 >= rest.size()) {
          throw new IllegalArgumentException("Flag " + flag + " needs a value");
        }
        String value = rest.get(++i);
        switch (flag) {
          case "--data":
            options.data = Path.of(value);
            break;
          case "--port":
            options.port = Integer.parseInt(value);
            break;
          case "--host":
            options.host = value;
            break;
          default:
            throw new IllegalArgumentException("Unknown flag " + flag);
        }
      }
      return options;
    }
  }
}
