package io.quiver.catalog;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.quiver.catalog.model.ModelRegistry;
import io.quiver.catalog.security.Security;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Quiver store: an H2 database holding the catalog and the users' tables, and a folder of model
 * artifacts. A store in a data folder survives restarts; an in-memory store lives as long as the
 * process.
 */
public final class Store implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Store.class);
  private static final int MAX_CONNECTIONS = 64;

  /**
   * H2 computes each query's rows as they are fetched, rather than first copying the whole result
   * to a temporary file: scans stream, and memory stays bounded however large the table is.
   */
  private static final String LAZY_QUERIES = ";LAZY_QUERY_EXECUTION=TRUE";

  /** The least page cache a store on disk gets, in KB: H2's own default. */
  private static final long MIN_PAGE_CACHE_KB = 16 * 1024;

  private final String description;
  private final Path artifactFolder;
  private final boolean inMemory;
  private final HikariDataSource pool;
  private final Catalog catalog;
  private final ModelRegistry models;
  private final Security security;
  private final AtomicReference<String> generatedPassword = new AtomicReference<>();

  private Store(
      String description,
      String url,
      Path artifactFolder,
      boolean inMemory,
      @Nullable String administratorPassword) {
    this.description = description;
    this.artifactFolder = artifactFolder;
    this.inMemory = inMemory;
    this.pool = pool(url);
    runScript("catalog.sql");
    this.catalog = new Catalog(this);
    catalog.bootstrap();
    this.models = new ModelRegistry(this);
    this.security = new Security(this);
    security.bootstrap(administratorPassword).ifPresent(generatedPassword::set);
  }

  /**
   * A pool of connections to the store's H2 database. HikariCP hands out H2's own connections, so a
   * scan reads its rows without the lock H2's pooled connections take on every call.
   */
  private static HikariDataSource pool(String url) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername("QUIVER");
    config.setPassword("");
    config.setMaximumPoolSize(MAX_CONNECTIONS);
    config.setMinimumIdle(2);
    config.setPoolName("quiver-h2");
    return new HikariDataSource(config);
  }

  /**
   * Opens (creating if needed) the store in a data folder. A new store's administrator gets its
   * password from {@value Security#ADMINISTRATOR_PASSWORD_VARIABLE}, or a generated one.
   */
  public static Store openFolder(Path dataFolder) {
    return openFolder(dataFolder, null);
  }

  /**
   * Opens (creating if needed) the store in a data folder.
   *
   * @param administratorPassword the password of a new store's administrator; null to take it from
   *     {@value Security#ADMINISTRATOR_PASSWORD_VARIABLE} or generate one
   */
  public static Store openFolder(Path dataFolder, @Nullable String administratorPassword) {
    Path folder = dataFolder.toAbsolutePath().normalize();
    try {
      Files.createDirectories(folder.resolve("artifacts"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the data folder " + folder, e);
    }
    // WRITE_DELAY=0: a commit reaches the file before the statement returns, so a killed
    // process loses no committed statement.
    String url =
        "jdbc:h2:file:"
            + folder.resolve("catalog")
            + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"
            + LAZY_QUERIES
            + pageCache();
    Store store =
        new Store(
            folder.toString(), url, folder.resolve("artifacts"), false, administratorPassword);
    LOG.info("Opened store in {}", folder);
    return store;
  }

  /**
   * H2's cache of table pages, a quarter of the heap, and at least H2's default. A scan whose table
   * fits in it reads rows already decoded rather than decoding pages from the file again: a scan of
   * 1,000,000 rows of 20 REAL columns goes from about 640,000 to about 900,000 rows/s with the
   * cache at 512 MB. H2 evicts pages to keep the cache within its size.
   */
  private static String pageCache() {
    long quarterOfHeapKb = Runtime.getRuntime().maxMemory() / 4 / 1024;
    return ";CACHE_SIZE=" + Math.max(MIN_PAGE_CACHE_KB, quarterOfHeapKb);
  }

  /** Whether a data folder holds a store. */
  public static boolean exists(Path dataFolder) {
    return Files.exists(dataFolder.resolve("catalog.mv.db"));
  }

  /** Opens a new, empty store that lives in memory, with a generated administrator password. */
  public static Store openInMemory() {
    return openInMemory(null);
  }

  /**
   * Opens a new, empty store that lives in memory.
   *
   * @param administratorPassword the administrator's password; null to take it from {@value
   *     Security#ADMINISTRATOR_PASSWORD_VARIABLE} or generate one
   */
  public static Store openInMemory(@Nullable String administratorPassword) {
    String id = UUID.randomUUID().toString();
    Path artifacts;
    try {
      artifacts = Files.createTempDirectory("quiver-artifacts-");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a folder for artifacts", e);
    }
    artifacts.toFile().deleteOnExit();
    String url = "jdbc:h2:mem:quiver-" + id + ";DB_CLOSE_DELAY=-1" + LAZY_QUERIES;
    return new Store("memory", url, artifacts, true, administratorPassword);
  }

  public Catalog catalog() {
    return catalog;
  }

  /** The models of this store. */
  public ModelRegistry models() {
    return models;
  }

  /** The users, roles and privileges of this store. */
  public Security security() {
    return security;
  }

  /**
   * The administrator's password when this store was just created with a generated one, for its
   * creator to show once; empty afterwards, and when the password was given.
   */
  public Optional<String> takeGeneratedAdministratorPassword() {
    return Optional.ofNullable(generatedPassword.getAndSet(null));
  }

  /** The pooled connections to the store's H2 database. */
  public DataSource dataSource() {
    return pool;
  }

  /** Where model artifacts are kept, by checksum. */
  public Path artifactFolder() {
    return artifactFolder;
  }

  public boolean isInMemory() {
    return inMemory;
  }

  /** Runs work in one H2 transaction: committed if it returns, rolled back if it throws. */
  public <T> T transaction(Work<T> work) {
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (RuntimeException | SQLException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("Store " + description + " failed: " + e.getMessage(), e);
    }
  }

  /** Runs one statement outside any transaction (H2 commits DDL on its own). */
  public void execute(String sql) {
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new StoreException("Store " + description + " failed: " + e.getMessage(), e);
    }
  }

  private void runScript(String resource) {
    String script = readResource(resource);
    for (String sql : script.split(";\\s*\\n")) {
      String statement = stripComments(sql);
      if (!statement.isBlank()) {
        execute(statement);
      }
    }
  }

  private static String readResource(String resource) {
    try (InputStream in = Store.class.getResourceAsStream(resource)) {
      requireNonNull(in, () -> "missing resource " + resource);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String stripComments(String sql) {
    StringBuilder kept = new StringBuilder();
    for (String line : sql.split("\n")) {
      if (!line.trim().startsWith("--")) {
        kept.append(line).append('\n');
      }
    }
    return kept.toString().trim();
  }

  @Override
  public void close() {
    if (!inMemory) {
      execute("CHECKPOINT SYNC");
    }
    pool.close();
    LOG.info("Closed store {}", description);
  }

  @Override
  public String toString() {
    return "Store(" + description + ")";
  }

  /** Work done on a connection inside a transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** A failure of the store itself, not of what the user asked. */
  public static final class StoreException extends RuntimeException {
    StoreException(String message, @Nullable Throwable cause) {
      super(message, cause);
    }
  }
}
