package io.quiver.tests;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code quiver} launcher run as a process from the repository's root, with its standard output
 * and error collected line by line. Closing it kills the process if it still runs.
 *
 * <p>The launcher builds the project when its jars are missing; these tests expect a build that
 * packaged the JDBC driver before them, as a reactor build does.
 */
final class QuiverProcess implements AutoCloseable {
  /**
   * The administrator's password of the stores the launcher creates, and the password it logs in
   * with, given through the environment.
   */
  static final String ADMIN_PASSWORD = "launcher-test-password";

  /** How long a launcher may take to start a JVM and open a store on a busy machine. */
  static final Duration START_TIMEOUT = Duration.ofSeconds(40);

  private final Process process;
  private final List<String> output = new ArrayList<>();
  private final List<String> errors = new ArrayList<>();
  private final Thread outputReader;
  private final Thread errorReader;

  private QuiverProcess(Process process) {
    this.process = requireNonNull(process, "process is null");
    this.outputReader = reader(process.getInputStream(), output, "quiver-stdout");
    this.errorReader = reader(process.getErrorStream(), errors, "quiver-stderr");
  }

  /** What a process that ended printed, and how it ended. */
  record Outcome(int exitCode, List<String> outputLines, List<String> errorLines) {}

  /** Runs {@code ./quiver} with arguments to its end; kills it if it outlives the timeout. */
  static Outcome run(Duration timeout, String... arguments) throws Exception {
    try (QuiverProcess process = start(arguments)) {
      int exitCode = process.awaitExit(timeout);
      return new Outcome(exitCode, process.outputLines(), process.errorLines());
    }
  }

  /** Starts {@code ./quiver} with arguments. */
  static QuiverProcess start(String... arguments) throws IOException {
    Path root = repositoryRoot();
    List<String> command = new ArrayList<>();
    command.add(root.resolve("quiver").toString());
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
    builder.environment().remove("QUIVER_DATA");
    builder.environment().remove("QUIVER_LOG_LEVEL");
    builder.environment().remove("QUIVER_USER");
    builder.environment().put("QUIVER_ADMIN_PASSWORD", ADMIN_PASSWORD);
    builder.environment().put("QUIVER_PASSWORD", ADMIN_PASSWORD);
    return new QuiverProcess(builder.start());
  }

  /** The repository's root: the first folder upwards that holds the {@code quiver} launcher. */
  static Path repositoryRoot() {
    Path start = Path.of("").toAbsolutePath();
    for (Path folder = start; folder != null; folder = folder.getParent()) {
      if (Files.isRegularFile(folder.resolve("quiver"))
          && Files.isDirectory(folder.resolve("jdbc-driver"))) {
        return folder;
      }
    }
    throw new IllegalStateException("No folder at or above " + start + " holds the launcher");
  }

  private static Thread reader(InputStream stream, List<String> lines, String name) {
    Thread thread =
        new Thread(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                  synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                  }
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            },
            name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /**
   * Waits for a line of standard error that matches a pattern and returns its match; empty when the
   * process ends or the time runs out first.
   */
  Optional<Matcher> awaitErrorLine(Pattern pattern, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (errors) {
      int checked = 0;
      while (true) {
        for (; checked < errors.size(); checked++) {
          Matcher matcher = pattern.matcher(errors.get(checked));
          if (matcher.find()) {
            return Optional.of(matcher);
          }
        }
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0 || (!process.isAlive() && !errorReader.isAlive())) {
          return Optional.empty();
        }
        TimeUnit.NANOSECONDS.timedWait(errors, Math.min(remaining, 100_000_000L));
      }
    }
  }

  /** Waits for the process to end and for its output to be read; returns its exit code. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor();
      throw new IllegalStateException(
          "quiver did not end within " + timeout + "; its errors: " + errorLines());
    }
    outputReader.join(timeout.toMillis());
    errorReader.join(timeout.toMillis());
    return process.exitValue();
  }

  /**
   * Asks the process to stop, as {@code kill} does (SIGTERM), and keeps reading what it prints
   * while it stops ({@link Process#destroy} would close the pipes).
   */
  void terminate() {
    process.toHandle().destroy();
  }

  /** Kills the process at once (SIGKILL) and waits for it to be gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  List<String> outputLines() {
    synchronized (output) {
      return List.copyOf(output);
    }
  }

  List<String> errorLines() {
    synchronized (errors) {
      return List.copyOf(errors);
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
