package io.quiver.jdbc.server;

import static java.util.Objects.requireNonNull;

import io.quiver.jdbc.QuiverDriver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.avatica.remote.Driver.Serialization;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.server.HttpServer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a store over Avatica's HTTP protocol with protobuf serialization. Each client connection
 * gets a connection of the embedded driver, so clients share the store and its model sessions.
 *
 * <p>The server holds the store open from start to stop, so a data folder that another process uses
 * fails the start rather than the first client. It listens on this machine only unless given
 * another host. It has no authentication and no TLS: whoever reaches its port can read and change
 * the whole store.
 */
public final class QuiverServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(QuiverServer.class);

  /** The address the server listens on unless told otherwise: this machine only. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  public static final int DEFAULT_PORT = 8765;

  private final HttpServer server;
  private final ServerMeta meta;
  private final Connection storeHolder;
  private final String host;
  private final Path dataFolder;
  private final AtomicBoolean closed = new AtomicBoolean();

  private QuiverServer(
      HttpServer server, ServerMeta meta, Connection storeHolder, String host, Path dataFolder) {
    this.server = server;
    this.meta = meta;
    this.storeHolder = storeHolder;
    this.host = host;
    this.dataFolder = dataFolder;
  }

  /** Starts a server on {@code host:port} (port 0 picks a free one) for a data folder. */
  public static QuiverServer start(Path dataFolder, String host, int port) throws SQLException {
    requireNonNull(dataFolder, "dataFolder is null");
    requireNonNull(host, "host is null");
    QuiverDriver.load();
    Path folder = dataFolder.toAbsolutePath().normalize();
    String url = "jdbc:quiver:" + folder;
    Connection storeHolder = DriverManager.getConnection(url);
    try {
      ServerMeta meta = new ServerMeta(url);
      HttpServer server = httpServer(meta, host, port);
      server.start();
      QuiverServer quiver = new QuiverServer(server, meta, storeHolder, host, folder);
      quiver.announce();
      return quiver;
    } catch (SQLException | RuntimeException e) {
      closeAfterFailure(storeHolder, e);
      throw e;
    }
  }

  private static void closeAfterFailure(Connection connection, Exception failure) {
    try {
      connection.close();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  private static HttpServer httpServer(ServerMeta meta, String host, int port) {
    return new HttpServer.Builder<Server>()
        .withHandler(new LocalService(meta), Serialization.PROTOBUF)
        .withPort(port)
        .withServerCustomizers(
            List.of(jetty -> ((ServerConnector) jetty.getConnectors()[0]).setHost(host)),
            Server.class)
        .build();
  }

  private void announce() {
    LOG.info(
        "Quiver server listening on http://{}:{} for data folder {}", host, port(), dataFolder);
    if (!isLoopback(host)) {
      LOG.warn(
          "Quiver server on {} accepts connections from other machines and has no"
              + " authentication: anyone who reaches port {} can read and change {}",
          host,
          port(),
          dataFolder);
    }
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
    server.stop();
    meta.closeAll();
    try {
      storeHolder.close();
    } catch (SQLException e) {
      LOG.warn("Closing the store of {} failed: {}", dataFolder, e.getMessage(), e);
    }
    LOG.info("Quiver server for {} stopped", dataFolder);
  }
}
