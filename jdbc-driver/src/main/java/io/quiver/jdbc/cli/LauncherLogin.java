package io.quiver.jdbc.cli;

import static java.util.Objects.requireNonNull;

import io.quiver.catalog.Store;
import io.quiver.catalog.security.Security;
import io.quiver.jdbc.QuiverDriver;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * How the launcher logs in to the store of a data folder. The user is {@code --user}, else {@value
 * #USER_VARIABLE}, else ADMIN; the password is {@value #PASSWORD_VARIABLE}, never a command-line
 * argument, which other users of the machine could read. When the folder holds no store yet, the
 * launcher creates it: the administrator's password is {@value
 * Security#ADMINISTRATOR_PASSWORD_VARIABLE}, or a generated one shown once on the terminal, and the
 * launcher logs in with it.
 */
final class LauncherLogin implements AutoCloseable {
  static final String USER_VARIABLE = "QUIVER_USER";
  static final String PASSWORD_VARIABLE = "QUIVER_PASSWORD";

  private final String user;
  private final @Nullable String password;
  private final @Nullable Store created;

  private LauncherLogin(String user, @Nullable String password, @Nullable Store created) {
    this.user = requireNonNull(user, "user is null");
    this.password = password;
    this.created = created;
  }

  /**
   * The login for a data folder, creating its store if it holds none; closing the login lets go of
   * a store it created once a connection holds it.
   */
  static LauncherLogin of(
      Path folder, @Nullable String user, Map<String, String> environment, PrintStream terminal) {
    String name =
        user != null ? user : environment.getOrDefault(USER_VARIABLE, Security.ADMINISTRATOR);
    String password = environment.get(PASSWORD_VARIABLE);
    if (Store.exists(folder)) {
      return new LauncherLogin(name, password, null);
    }
    String first = environment.get(Security.ADMINISTRATOR_PASSWORD_VARIABLE);
    Store store = QuiverDriver.acquireStore(folder, first);
    Optional<String> generated = store.takeGeneratedAdministratorPassword();
    generated.ifPresent(secret -> show(folder, secret, terminal));
    boolean administrator = name.equalsIgnoreCase(Security.ADMINISTRATOR);
    if (password == null && administrator) {
      password = generated.orElse(first);
    }
    return new LauncherLogin(name, password, store);
  }

  /**
   * Shows a generated password on the terminal that created the store, the one time it is known.
   */
  static void show(Path folder, String password, PrintStream terminal) {
    terminal.println(
        "Created a Quiver store in "
            + folder
            + ". The administrator "
            + Security.ADMINISTRATOR
            + " has the password: "
            + password);
    terminal.println(
        "It is shown only this once; keep it, or change it with ALTER USER "
            + Security.ADMINISTRATOR
            + " SET PASSWORD = '...'.");
  }

  String user() {
    return user;
  }

  /** The password; empty when neither the environment nor a new store gave one. */
  Optional<String> password() {
    return Optional.ofNullable(password);
  }

  @Override
  public void close() {
    if (created != null) {
      QuiverDriver.releaseStore(created);
    }
  }
}
