package io.quiver.jdbc.server;

import static java.util.Objects.requireNonNull;

import io.quiver.catalog.Store;
import io.quiver.catalog.security.FileAccess;
import io.quiver.catalog.security.Security;
import io.quiver.jdbc.QuiverDriver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.server.HttpServer;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a store over Avatica's HTTP protocol with protobuf serialization. Each client connection
 * gets a connection of the embedded driver, so clients share the store and its model sessions.
 *
 * <p>The server holds the store open from start to stop, so a data folder that another process uses
 * fails the start rather than the first client. It listens on this machine only unless given
 * another host. Every request must carry HTTP BASIC credentials of a user of the store; a client
 * connection acts for the user who opened it. Statements read files only inside the import folder
 * and write them only inside the export folder. The server speaks plain HTTP, without TLS, so BASIC
 * credentials and data cross the network in clear when it listens beyond this machine.
 *
 * <p>Avatica's protocol carries catalogs, schemas, tables, columns, table types and type
 * information, but no primary keys, foreign keys or indexes: remote clients see none.
 */
public final class QuiverServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(QuiverServer.class);

  /** The address the server listens on unless told otherwise: this machine only. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  public static final int DEFAULT_PORT = 8765;

  /** The folder of the data folder that statements read files from unless told otherwise. */
  public static final String DEFAULT_IMPORT_FOLDER = "imports";

  /** The folder of the data folder that GET writes files into unless told otherwise. */
  public static final String DEFAULT_EXPORT_FOLDER = "exports";

  private final HttpServer server;
  private final ServerMeta meta;
  private final Store store;
  private final String host;
  private final Path dataFolder;
  private final AtomicBoolean closed = new AtomicBoolean();

  private QuiverServer(
      HttpServer server, ServerMeta meta, Store store, String host, Path dataFolder) {
    this.server = server;
    this.meta = meta;
    this.store = store;
    this.host = host;
    this.dataFolder = dataFolder;
  }

  /**
   * What a server serves and where.
   *
   * @param dataFolder the store's data folder
   * @param host the address to listen on
   * @param port the port; 0 picks a free one
   * @param importFolder the only folder whose files statements read; null for {@code imports} in
   *     the data folder
   * @param exportFolder the only folder statements write files into; null for {@code exports} in
   *     the data folder
   */
  public record Settings(
      Path dataFolder,
      String host,
      int port,
      @Nullable Path importFolder,
      @Nullable Path exportFolder) {
    public Settings {
      requireNonNull(dataFolder, "dataFolder is null");
      requireNonNull(host, "host is null");
    }
  }

  /** Starts a server on {@code host:port} (port 0 picks a free one) for a data folder. */
  public static QuiverServer start(Path dataFolder, String host, int port) throws SQLException {
    return start(new Settings(dataFolder, host, port, null, null));
  }

  /**
   * Starts a server. A new store's administrator gets its password from {@value
   * Security#ADMINISTRATOR_PASSWORD_VARIABLE}, or a generated one that {@link
   * #takeGeneratedAdministratorPassword} gives once.
   */
  public static QuiverServer start(Settings settings) throws SQLException {
    requireNonNull(settings, "settings is null");
    QuiverDriver.load();
    Path folder = settings.dataFolder().toAbsolutePath().normalize();
    Store store = QuiverDriver.acquireStore(folder, null);
    try {
      FileAccess files =
          FileAccess.within(importFolder(settings, folder), exportFolder(settings, folder));
      ServerMeta meta = new ServerMeta("jdbc:quiver:" + folder, files);
      HttpServer server =
          new AuthenticatingHttpServer(
              settings.port(),
              new RequestIdentity(new LocalService(meta)),
              settings.host(),
              new ServerLogins(store.security()),
              null);
      server.start();
      QuiverServer quiver = new QuiverServer(server, meta, store, settings.host(), folder);
      quiver.announce();
      return quiver;
    } catch (SQLException | RuntimeException e) {
      QuiverDriver.releaseStore(store);
      throw e;
    }
  }

  private static Path importFolder(Settings settings, Path dataFolder) {
    return settings.importFolder() != null
        ? settings.importFolder()
        : dataFolder.resolve(DEFAULT_IMPORT_FOLDER);
  }

  private static Path exportFolder(Settings settings, Path dataFolder) {
    return settings.exportFolder() != null
        ? settings.exportFolder()
        : dataFolder.resolve(DEFAULT_EXPORT_FOLDER);
  }

  private void announce() {
    LOG.info(
        "Quiver server listening on http://{}:{} for data folder {}", host, port(), dataFolder);
    if (!isLoopback(host)) {
      LOG.warn(
          "Quiver server on {} accepts connections from other machines over plain HTTP: logins"
              + " and data cross the network unencrypted; put it behind a TLS proxy",
          host);
    }
  }

  /**
   * The administrator's generated password when this server created its store without {@value
   * Security#ADMINISTRATOR_PASSWORD_VARIABLE}; empty afterwards, so that it is shown once.
   */
  public Optional<String> takeGeneratedAdministratorPassword() {
    return store.takeGeneratedAdministratorPassword();
  }

  private static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  public int port() {
    return server.getPort();
  }

  /** The address the server listens on, as given to {@link #start}. */
  public String host() {
    return host;
  }

  /** The URL a client on this machine gives the Quiver driver to reach this server. */
  public String jdbcUrl() {
    return "jdbc:quiver:remote:url=http://" + clientHost() + ":" + port();
  }

  /** The host a local client dials: loopback for a wildcard address, brackets for IPv6. */
  private String clientHost() {
    if (host.equals("0.0.0.0") || host.equals("::") || host.isEmpty()) {
      return DEFAULT_HOST;
    }
    return host.contains(":") ? "[" + host + "]" : host;
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    server.join();
  }

  /**
   * Stops listening, closes the connections clients left open and releases the store. Closing a
   * closed server does nothing.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      server.stop();
    } finally {
      meta.closeAll();
      releaseStore();
    }
    LOG.info("Quiver server for {} stopped", dataFolder);
  }

  private void releaseStore() {
    try {
      QuiverDriver.releaseStore(store);
    } catch (RuntimeException e) {
      LOG.warn("Closing the store of {} failed: {}", dataFolder, e.getMessage(), e);
    }
  }
}
