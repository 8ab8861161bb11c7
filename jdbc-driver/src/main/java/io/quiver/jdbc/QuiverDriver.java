package io.quiver.jdbc;

import io.quiver.catalog.Catalog;
import io.quiver.catalog.Session;
import io.quiver.catalog.Store;
import io.quiver.catalog.security.FileAccess;
import io.quiver.catalog.security.Identity;
import io.quiver.catalog.security.Security;
import io.quiver.jdbc.metadata.QuiverJdbcFactory;
import io.quiver.jdbc.metadata.QuiverRemoteDriver;
import io.quiver.planner.QuiverEngine;
import io.quiver.planner.QuiverPrepare;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.ConnectStringParser;
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
 *
 * <p>Every connection logs in with the {@code user} and {@code password} properties, checked
 * against the store's users; a wrong or missing login fails with SQLSTATE 28000 without saying
 * which part was wrong. A connection to an in-memory store that gives no user is the store's
 * administrator: such a store exists only inside this process, which made it. The connection that
 * creates a store in a data folder may log in as {@code ADMIN} with the password the administrator
 * is to have. For a server, the user and password go to the server as HTTP BASIC credentials.
 */
public class QuiverDriver extends Driver {
  /** Quiver's version, as the driver reports it. */
  public static final String VERSION = "0.1.0";

  /**
   * The property through which a process that checked a login itself, such as a server, hands the
   * {@link Identity} to a connection. Only an object of that class counts: a value given as text,
   * as a remote client's properties are, is ignored.
   */
  public static final String IDENTITY_PROPERTY = "quiver.identity";

  /**
   * The property that holds the {@link FileAccess} of a connection's statements; without it they
   * may read and write any file the process can.
   */
  public static final String FILE_ACCESS_PROPERTY = "quiver.fileAccess";

  private static final String LOCATION_PROPERTY = "quiver.location";
  private static final String USER = "user";
  private static final String PASSWORD = "password";
  private static final String LOGIN_FAILED = "28000";

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
  protected String getFactoryClassName(JdbcVersion jdbcVersion) {
    return QuiverJdbcFactory.class.getName();
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
    properties.putAll(location.properties());
    properties.putAll(info);
    properties.setProperty("lex", "ORACLE");
    properties.putIfAbsent("conformance", "LENIENT");
    properties.setProperty("parserFactory", "io.quiver.parser.impl.QuiverSqlParserImpl#FACTORY");
    properties.setProperty("typeSystem", "io.quiver.planner.QuiverTypeSystem#INSTANCE");
    properties.put(LOCATION_PROPERTY, location);
    return super.connect(StoreLocation.PREFIX, properties);
  }

  /**
   * Connects to a server, sending the user and password (from the URL or the properties) as HTTP
   * BASIC credentials rather than as connection properties.
   */
  private static Connection connectRemote(StoreLocation location, Properties info)
      throws SQLException {
    Properties properties = ConnectStringParser.parse(location.value(), info);
    properties.putIfAbsent("serialization", "protobuf");
    String user = (String) properties.remove(USER);
    String password = (String) properties.remove(PASSWORD);
    if (user != null) {
      properties.setProperty("authentication", "BASIC");
      properties.setProperty("avatica_user", user);
      properties.setProperty("avatica_password", password == null ? "" : password);
    }
    try {
      return new QuiverRemoteDriver().connect("jdbc:avatica:remote:", properties);
    } catch (RuntimeException e) {
      if (String.valueOf(e.getMessage()).contains("HTTP/401")) {
        throw new SQLException(
            "Authentication failed: the user name or password is not valid for "
                + location.describe()
                + "; give the user and password properties of a user of its store",
            LOGIN_FAILED);
      }
      throw e;
    }
  }

  @Override
  protected Handler createHandler() {
    return new HandlerImpl() {
      @Override
      public void onConnectionInit(AvaticaConnection connection) throws SQLException {
        super.onConnectionInit(connection);
        CalciteConnection calcite = (CalciteConnection) connection;
        Properties properties = calcite.getProperties();
        StoreLocation location = (StoreLocation) properties.get(LOCATION_PROPERTY);
        String firstPassword = firstPassword(location, properties);
        checkCreatable(location, firstPassword);
        Store store = StoreRegistry.acquire(location, firstPassword);
        Identity identity;
        try {
          identity = login(store, location, properties);
        } catch (SQLException e) {
          StoreRegistry.release(store);
          throw e;
        }
        Session session =
            new Session(
                store,
                identity,
                fileAccess(properties),
                Catalog.DEFAULT_DATABASE,
                Catalog.DEFAULT_SCHEMA);
        Session.attach(calcite, session);
        QuiverEngine.of(store).calciteCatalog().synchronize(calcite.getRootSchema(), session);
        QuiverEngine.addSystemFunctions(calcite.getRootSchema());
      }

      @Override
      public void onConnectionClose(AvaticaConnection connection) {
        super.onConnectionClose(connection);
        StoreRegistry.release(Session.of((CalciteConnection) connection).store());
      }
    };
  }

  /**
   * The administrator's password for a store this connection creates: the password of a login as
   * ADMIN when the data folder holds no store yet; null otherwise, so that the store takes it from
   * {@value Security#ADMINISTRATOR_PASSWORD_VARIABLE} or generates one.
   */
  private static String firstPassword(StoreLocation location, Properties properties) {
    boolean administrator =
        Security.ADMINISTRATOR.equalsIgnoreCase(properties.getProperty(USER, ""));
    return administrator ? properties.getProperty(PASSWORD) : null;
  }

  /**
   * Fails when a connection would create a store in a data folder whose administrator's password
   * nobody would know: a login other than ADMIN's, without {@value
   * Security#ADMINISTRATOR_PASSWORD_VARIABLE}.
   */
  private static void checkCreatable(StoreLocation location, String firstPassword)
      throws SQLException {
    boolean newFolder =
        location.kind() == StoreLocation.Kind.FOLDER
            && !StoreRegistry.isOpen(location)
            && !Store.exists(Path.of(location.value()));
    String variable = System.getenv(Security.ADMINISTRATOR_PASSWORD_VARIABLE);
    boolean passwordKnown = firstPassword != null || (variable != null && !variable.isEmpty());
    if (newFolder && !passwordKnown) {
      throw new SQLException(
          "The data folder "
              + location.value()
              + " holds no store. The connection that creates one logs in as user "
              + Security.ADMINISTRATOR
              + " with the password the administrator is to have, or "
              + Security.ADMINISTRATOR_PASSWORD_VARIABLE
              + " gives that password",
          LOGIN_FAILED);
    }
  }

  /**
   * Checks the connection's login; removes the password from its properties once checked. The error
   * does not say whether the user or the password was wrong.
   */
  private static Identity login(Store store, StoreLocation location, Properties properties)
      throws SQLException {
    Object given = properties.get(IDENTITY_PROPERTY);
    if (given instanceof Identity identity) {
      return identity;
    }
    String user = properties.getProperty(USER, "");
    String password = (String) properties.remove(PASSWORD);
    if (user.isEmpty() && location.kind() == StoreLocation.Kind.MEMORY) {
      return store.security().administrator();
    }
    return store
        .security()
        .authenticate(user, password)
        .orElseThrow(
            () ->
                new SQLException(
                    "Authentication failed: the user name or password is not valid for "
                        + location.describe()
                        + "; give the user and password properties of a user of the store",
                    LOGIN_FAILED));
  }

  private static FileAccess fileAccess(Properties properties) {
    Object given = properties.get(FILE_ACCESS_PROPERTY);
    return given instanceof FileAccess files ? files : FileAccess.unrestricted();
  }

  /**
   * Opens the store in a data folder for the process's own use, as a server does, sharing it with
   * the process's connections to that folder; {@link #releaseStore} lets go of it.
   *
   * @param administratorPassword the administrator's password if the store is new; null to take it
   *     from {@value Security#ADMINISTRATOR_PASSWORD_VARIABLE} or generate one
   */
  public static Store acquireStore(Path dataFolder, String administratorPassword) {
    return StoreRegistry.acquire(StoreLocation.folder(dataFolder), administratorPassword);
  }

  /** Lets go of a store from {@link #acquireStore}; the last user's release closes it. */
  public static void releaseStore(Store store) {
    StoreRegistry.release(store);
  }

  /** Registers the driver with {@link DriverManager}; loading the class does the same. */
  public static void load() {
    // The static initializer registers the driver.
  }
}
