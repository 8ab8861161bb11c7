package io.quiver.jdbc.server;

import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.avatica.jdbc.JdbcMeta;

/**
 * Avatica's bridge from remote clients to connections of the embedded driver, which can close every
 * connection it still holds. Avatica closes a connection when its client closes it or after it has
 * been idle for a while; a server that stops closes the rest, so that the store closes and releases
 * its data folder.
 */
final class ServerMeta extends JdbcMeta {
  ServerMeta(String url) throws SQLException {
    super(url, new Properties());
  }

  /** Closes every statement and connection that clients left open. */
  void closeAll() {
    getStatementCache().invalidateAll();
    getStatementCache().cleanUp();
    getConnectionCache().invalidateAll();
    getConnectionCache().cleanUp();
  }
}
