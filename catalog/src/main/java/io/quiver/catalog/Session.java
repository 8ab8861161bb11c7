package io.quiver.catalog;

import static java.util.Objects.requireNonNull;

import io.quiver.catalog.security.FileAccess;
import io.quiver.catalog.security.Identity;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.DataContext;
import org.apache.calcite.jdbc.CalciteConnection;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The state of one connection: its store, the user it acts for and its current role, its current
 * database and schema, the files it may touch, and the parameters set with {@code ALTER SESSION}.
 */
public final class Session {
  /** The key under which a connection's properties hold its session. */
  private static final String PROPERTY = "quiver.session";

  private final Store store;
  private final String user;
  private final FileAccess files;
  private final Map<String, String> parameters = new ConcurrentHashMap<>();
  private volatile String role;
  private volatile @Nullable String database;
  private volatile @Nullable String schema;

  /**
   * A session for a user whose login succeeded.
   *
   * @param identity the user and the role the session starts with
   * @param files the files the session's statements may read and write
   */
  public Session(
      Store store,
      Identity identity,
      FileAccess files,
      @Nullable String database,
      @Nullable String schema) {
    this.store = requireNonNull(store, "store is null");
    requireNonNull(identity, "identity is null");
    this.user = identity.user();
    this.role = identity.role();
    this.files = requireNonNull(files, "files is null");
    this.database = database;
    this.schema = schema;
  }

  /** Gives a connection its session. */
  public static void attach(CalciteConnection connection, Session session) {
    connection.getProperties().put(PROPERTY, session);
  }

  /** The session of a connection. */
  public static Session of(CalciteConnection connection) {
    Object session = connection.getProperties().get(PROPERTY);
    if (!(session instanceof Session)) {
      throw new IllegalStateException("Connection " + connection + " has no Quiver session");
    }
    return (Session) session;
  }

  /** The session of the connection running a query, from the query's data context. */
  public static Session of(DataContext dataContext) {
    return of((CalciteConnection) dataContext.getQueryProvider());
  }

  public Store store() {
    return store;
  }

  /** The user the session acts for. */
  public String user() {
    return user;
  }

  /** The session's current role, as USE ROLE set it. */
  public String role() {
    return role;
  }

  /** Makes another role current; the caller checks that the user holds it. */
  public void useRole(String role) {
    this.role = requireNonNull(role, "role is null");
  }

  /** The files the session's statements may read and write. */
  public FileAccess files() {
    return files;
  }

  public Optional<String> database() {
    return Optional.ofNullable(database);
  }

  public Optional<String> schema() {
    return Optional.ofNullable(schema);
  }

  /** The current database; fails when none is set. */
  public String requireDatabase() {
    String current = database;
    if (current == null) {
      throw QuiverException.invalid(
          "This session has no current database; run USE DATABASE <name> or qualify the name");
    }
    return current;
  }

  /** The current schema; fails when none is set. */
  public String requireSchema() {
    String current = schema;
    if (current == null) {
      throw QuiverException.invalid(
          "This session has no current schema; run USE SCHEMA <name> or qualify the name");
    }
    return current;
  }

  public void use(@Nullable String database, @Nullable String schema) {
    this.database = database;
    this.schema = schema;
  }

  /** Sets a session parameter; names are case-insensitive. */
  public void setParameter(String name, String value) {
    parameters.put(name.toUpperCase(Locale.ROOT), value);
  }

  public void unsetParameter(String name) {
    parameters.remove(name.toUpperCase(Locale.ROOT));
  }

  public Optional<String> parameter(String name) {
    return Optional.ofNullable(parameters.get(name.toUpperCase(Locale.ROOT)));
  }
}
