package io.quiver.jdbc.server;

import static java.util.Objects.requireNonNull;

import io.quiver.jdbc.QuiverDriver;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.avatica.jdbc.JdbcMeta;
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
 */
public final class QuiverServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(QuiverServer.class);

  /** The address the server listens on unless told otherwise: this machine only. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  public static final int DEFAULT_PORT = 8765;

  private final HttpServer server;
  private final String host;
  private final Path dataFolder;

  private QuiverServer(HttpServer server, String host, Path dataFolder) {
    this.server = server;
    this.host = host;
    this.dataFolder = dataFolder;
  }

  /** Starts a server on {@code host:port} (port 0 picks a free one) for a data folder. */
  public static QuiverServer start(Path dataFolder, String host, int port) throws SQLException {
    requireNonNull(dataFolder, "dataFolder is null");
    QuiverDriver.load();
    String url = "jdbc:quiver:" + dataFolder.toAbsolutePath().normalize();
    JdbcMeta meta = new JdbcMeta(url, new Properties());
    HttpServer server =
        new HttpServer.Builder<Server>()
            .withHandler(new LocalService(meta), Serialization.PROTOBUF)
            .withPort(port)
            .withServerCustomizers(
                List.of(jetty -> ((ServerConnector) jetty.getConnectors()[0]).setHost(host)),
                Server.class)
            .build();
    server.start();
    QuiverServer quiver = new QuiverServer(server, host, dataFolder);
    LOG.info(
        "Quiver server listening on http://{}:{} for data folder {}",
        host,
        server.getPort(),
        dataFolder.toAbsolutePath().normalize());
    return quiver;
  }

  public int port() {
    return server.getPort();
  }

  /** The URL a client gives the Quiver driver to reach this server. */
  public String jdbcUrl() {
    return "jdbc:quiver:remote:url=http://" + host + ":" + port();
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    server.join();
  }

  @Override public void close() {
    server.stop();
    LOG.info("Quiver server for {} stopped", dataFolder);
  }
}
