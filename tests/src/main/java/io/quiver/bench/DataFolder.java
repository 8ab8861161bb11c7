package io.quiver.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The folder of the benchmark's store: the one given, or a temporary one deleted on close.
 *
 * <p>The benchmark logs in as the store's administrator. When it creates the store, it makes up the
 * administrator's password and keeps it in a file of the folder, readable by its owner only, so
 * that later runs on the same folder can log in; whoever can read the folder can read the store's
 * data anyway.
 */
final class DataFolder implements AutoCloseable {
  private static final String ADMINISTRATOR = "ADMIN";
  private static final String LOGIN_FILE = "benchmark-login";
  private static final int PASSWORD_BYTES = 24;

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private final Path path;
  private final boolean temporary;

  private DataFolder(Path path, boolean temporary) {
    this.path = path;
    this.temporary = temporary;
  }

  static DataFolder of(Optional<Path> given) throws IOException {
    if (given.isPresent()) {
      return new DataFolder(given.get().toAbsolutePath().normalize(), false);
    }
    return new DataFolder(Files.createTempDirectory("quiver-bench-"), true);
  }

  Path path() {
    return path;
  }

  /**
   * The administrator's login: the password kept in the folder, or a new one for a folder that is
   * empty or absent.
   *
   * @throws IllegalStateException if the folder holds files but no login of the benchmark's
   */
  Properties login() throws IOException {
    Path file = path.resolve(LOGIN_FILE);
    if (!Files.exists(file)) {
      createLogin(file);
    }
    Properties login = new Properties();
    login.setProperty("user", ADMINISTRATOR);
    login.setProperty("password", Files.readString(file, StandardCharsets.US_ASCII).trim());
    return login;
  }

  private void createLogin(Path file) throws IOException {
    Files.createDirectories(path);
    try (Stream<Path> files = Files.list(path)) {
      if (files.findAny().isPresent()) {
        throw new IllegalStateException(
            path + " holds files but no store the benchmark created; give a new or empty folder");
      }
    }
    byte[] secret = new byte[PASSWORD_BYTES];
    new SecureRandom().nextBytes(secret);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    Files.writeString(file, password, StandardCharsets.US_ASCII);
  }

  /** The JDBC URL of the embedded store in this folder. */
  String url() {
    return "jdbc:quiver:" + path;
  }

  String describe() {
    return path + (temporary ? " (temporary, deleted at the end)" : " (kept)");
  }

  @Override
  public void close() {
    if (temporary) {
      delete(path);
    }
  }

  /** Deletes a folder and everything in it. */
  static void delete(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(DataFolder::deleteFile);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + folder, e);
    }
  }

  private static void deleteFile(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + file, e);
    }
  }
}
