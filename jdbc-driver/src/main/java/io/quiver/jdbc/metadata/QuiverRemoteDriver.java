package io.quiver.jdbc.metadata;

import io.quiver.jdbc.QuiverDriver;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.remote.Driver;

/**
 * Avatica's client driver for a Quiver server, which names Quiver and its version as the product
 * and the driver. It is not registered with {@link java.sql.DriverManager}: the Quiver driver opens
 * its connections for {@code jdbc:quiver:remote:} URLs.
 *
 * <p>A client that uses Avatica's own driver ({@code jdbc:avatica:remote:}) sees Avatica as the
 * product: Avatica's client answers those questions without asking the server.
 */
public final class QuiverRemoteDriver extends Driver {
  public QuiverRemoteDriver() {}

  @Override
  protected DriverVersion createDriverVersion() {
    return new DriverVersion(
        "Quiver JDBC Driver",
        QuiverDriver.VERSION,
        "Quiver",
        QuiverDriver.VERSION,
        true,
        0,
        1,
        0,
        1);
  }
}
