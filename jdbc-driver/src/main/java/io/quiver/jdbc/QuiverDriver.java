package io.quiver.jdbc;

import io.quiver.catalog.Catalog;
import io.quiver.catalog.Session;
import io.quiver.catalog.Store;
import io.quiver.planner.QuiverEngine;
import io.quiver.planner.QuiverPrepare;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.Handler;
import org.apache.calcite.avatica.HandlerImpl;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.Driver;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Quiver's JDBC driver. {@code jdbc:quiver:<folder>} opens a persistent store, {@code
 * jdbc:quiver:mem:} an in-memory one, and {@code jdbc:quiver:remote:url=http://host:port} a Quiver
 * server.
 */
public class QuiverDriver extends Driver {
  /** Quiver's version, as the driver reports it. */
  public static final String VERSION = "0.1.0";

  private static final String LOCATION_PROPERTY = "quiver.location";

  static {
    new QuiverDriver().register();
  }

  public QuiverDriver() {
    super(QuiverPrepare::new);
  }

  @Override
  protected String getConnectStringPrefix() {
    return StoreLocation.PREFIX;
  }

  @Override
  protected DriverVersion createDriverVersion() {
    return new DriverVersion("Quiver JDBC Driver", VERSION, "Quiver", VERSION, true, 0, 1, 0, 1);
  }

  @Override
  public @Nullable Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    StoreLocation location;
    try {
      location = StoreLocation.parse(url);
    } catch (IllegalArgumentException e) {
      throw new SQLException(e.getMessage(), "08001");
    }
    if (location.kind() == StoreLocation.Kind.REMOTE) {
      return connectRemote(location, info);
    }
    Properties properties = new Properties();
    properties.putAll(info);
    properties.putAll(location.properties());
    properties.setProperty("lex", "ORACLE");
    properties.putIfAbsent("conformance", "LENIENT");
    properties.setProperty("parserFactory", "io.quiver.parser.impl.QuiverSqlParserImpl#FACTORY");
    properties.setProperty("typeSystem", "io.quiver.planner.QuiverTypeSystem#INSTANCE");
    properties.put(LOCATION_PROPERTY, location);
    return super.connect(StoreLocation.PREFIX, properties);
  }

  private static Connection connectRemote(StoreLocation location, Properties info)
      throws SQLException {
    String url = "jdbc:avatica:remote:" + location.value();
    if (!url.contains("serialization=")) {
      url += ";serialization=protobuf";
    }
    return new org.apache.calcite.avatica.remote.Driver().connect(url, info);
  }

  @Override
  protected Handler createHandler() {
    return new HandlerImpl() {
      @Override
      public void onConnectionInit(AvaticaConnection connection) throws SQLException {
        super.onConnectionInit(connection);
        StoreLocation location =
            (StoreLocation) ((CalciteConnection) connection).getProperties().get(LOCATION_PROPERTY);
        Store store = StoreRegistry.acquire(location);
        CalciteConnection calcite = (CalciteConnection) connection;
        Session.attach(
            calcite, new Session(store, Catalog.DEFAULT_DATABASE, Catalog.DEFAULT_SCHEMA));
        QuiverEngine.of(store).calciteCatalog().synchronize(calcite.getRootSchema());
        QuiverEngine.addSystemFunctions(calcite.getRootSchema());
      }

      @Override
      public void onConnectionClose(AvaticaConnection connection) {
        super.onConnectionClose(connection);
        StoreRegistry.release(Session.of((CalciteConnection) connection).store());
      }
    };
  }

  /** Registers the driver with {@link DriverManager}; loading the class does the same. */
  public static void load() {
    // The static initializer registers the driver.
  }
}
