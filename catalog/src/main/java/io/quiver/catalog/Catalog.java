package io.quiver.catalog;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Databases and schemas, kept in the store's catalog tables. Each schema's tables live in an H2
 * schema of their own, named after the schema's id, so renaming never moves data.
 */
public final class Catalog {
  private static final Logger LOG = LoggerFactory.getLogger(Catalog.class);

  /** The database a new store starts with. */
  public static final String DEFAULT_DATABASE = "QUIVER";

  /** The schema every database starts with. */
  public static final String DEFAULT_SCHEMA = "PUBLIC";

  /** The longest identifier Quiver accepts. */
  public static final int MAX_IDENTIFIER_LENGTH = 255;

  private final Store store;

  Catalog(Store store) {
    this.store = requireNonNull(store, "store is null");
  }

  /** Creates the default database on a new store and repairs storage left by a crash. */
  void bootstrap() {
    if (databases().isEmpty()) {
      createDatabase(DEFAULT_DATABASE, null, false, true);
    }
    reconcileStorage();
  }

  public List<DatabaseInfo> databases() {
    return store.transaction(
        connection -> {
          List<DatabaseInfo> databases = new ArrayList<>();
          try (Statement statement = connection.createStatement();
              ResultSet rows =
                  statement.executeQuery(
                      "SELECT ID, NAME, COMMENT, CREATED_ON FROM QUIVER_CATALOG.DATABASES"
                          + " ORDER BY NAME")) {
            while (rows.next()) {
              databases.add(databaseOf(rows));
            }
          }
          return databases;
        });
  }

  public Optional<DatabaseInfo> database(String name) {
    return databases().stream().filter(d -> d.name().equals(name)).findFirst();
  }

  /** The database, or an error naming the databases that exist. */
  public DatabaseInfo requireDatabase(String name) {
    return database(name)
        .orElseThrow(
            () ->
                QuiverException.notFound(
                    "Database "
                        + ObjectName.quote(name)
                        + " does not exist; databases are "
                        + databases().stream()
                            .map(d -> ObjectName.quote(d.name()))
                            .collect(Collectors.joining(", "))));
  }

  /**
   * Creates a database with its PUBLIC schema. With {@code replace}, an existing database of the
   * same name is dropped first; with {@code ifNotExists}, an existing one is kept.
   */
  public void createDatabase(
      String name, @Nullable String comment, boolean replace, boolean ifNotExists) {
    checkIdentifier("Database", name);
    if (database(name).isPresent()) {
      if (ifNotExists) {
        return;
      }
      if (!replace) {
        throw QuiverException.alreadyExists(
            "Database " + ObjectName.quote(name) + " already exists");
      }
      dropDatabase(name, false);
    }
    long schemaId =
        store.transaction(
            connection -> {
              long databaseId = insertDatabase(connection, name, comment);
              return insertSchema(connection, databaseId, DEFAULT_SCHEMA, null);
            });
    createStorage(schemaId);
    LOG.info("Created database {}", ObjectName.quote(name));
  }

  public void dropDatabase(String name, boolean ifExists) {
    Optional<DatabaseInfo> database = database(name);
    if (database.isEmpty()) {
      if (ifExists) {
        return;
      }
      requireDatabase(name);
    }
    List<SchemaInfo> schemas = schemas(name);
    store.transaction(
        connection -> {
          try (PreparedStatement delete =
              connection.prepareStatement("DELETE FROM QUIVER_CATALOG.DATABASES WHERE ID = ?")) {
            delete.setLong(1, database.get().id());
            return delete.executeUpdate();
          }
        });
    schemas.forEach(schema -> dropStorage(schema.id()));
    LOG.info("Dropped database {}", ObjectName.quote(name));
  }

  public List<SchemaInfo> schemas(String database) {
    return querySchemas("WHERE D.NAME = ?", database);
  }

  public List<SchemaInfo> allSchemas() {
    return querySchemas("", null);
  }

  public Optional<SchemaInfo> schema(String database, String name) {
    return schemas(database).stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** The schema, or an error naming the schemas of its database. */
  public SchemaInfo requireSchema(String database, String name) {
    requireDatabase(database);
    return schema(database, name)
        .orElseThrow(
            () ->
                QuiverException.notFound(
                    "Schema "
                        + ObjectName.quote(database)
                        + "."
                        + ObjectName.quote(name)
                        + " does not exist; schemas of "
                        + ObjectName.quote(database)
                        + " are "
                        + schemas(database).stream()
                            .map(s -> ObjectName.quote(s.name()))
                            .collect(Collectors.joining(", "))));
  }

  public void createSchema(String database, String name, boolean replace, boolean ifNotExists) {
    checkIdentifier("Schema", name);
    DatabaseInfo owner = requireDatabase(database);
    if (schema(database, name).isPresent()) {
      if (ifNotExists) {
        return;
      }
      if (!replace) {
        throw QuiverException.alreadyExists(
            "Schema "
                + ObjectName.quote(database)
                + "."
                + ObjectName.quote(name)
                + " already exists");
      }
      dropSchema(database, name, false);
    }
    long schemaId =
        store.transaction(connection -> insertSchema(connection, owner.id(), name, null));
    createStorage(schemaId);
    LOG.info("Created schema {}.{}", ObjectName.quote(database), ObjectName.quote(name));
  }

  public void dropSchema(String database, String name, boolean ifExists) {
    Optional<SchemaInfo> schema = schema(database, name);
    if (schema.isEmpty()) {
      if (ifExists) {
        return;
      }
      requireSchema(database, name);
    }
    store.transaction(
        connection -> {
          try (PreparedStatement delete =
              connection.prepareStatement("DELETE FROM QUIVER_CATALOG.SCHEMAS WHERE ID = ?")) {
            delete.setLong(1, schema.get().id());
            return delete.executeUpdate();
          }
        });
    dropStorage(schema.get().id());
    LOG.info("Dropped schema {}", schema.get().fullName());
  }

  /** Fails when a name is empty or longer than identifiers may be. */
  public static void checkIdentifier(String kind, String name) {
    if (name.isEmpty()) {
      throw QuiverException.invalid(kind + " names cannot be empty");
    }
    if (name.length() > MAX_IDENTIFIER_LENGTH) {
      throw QuiverException.limit(
          kind
              + " name "
              + ObjectName.quote(name.substring(0, 20))
              + "... has "
              + name.length()
              + " characters; identifiers are limited to "
              + MAX_IDENTIFIER_LENGTH);
    }
  }

  private List<SchemaInfo> querySchemas(String where, @Nullable String database) {
    return store.transaction(
        connection -> {
          List<SchemaInfo> schemas = new ArrayList<>();
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT S.ID, D.NAME, S.NAME, S.COMMENT, S.CREATED_ON"
                      + " FROM QUIVER_CATALOG.SCHEMAS S"
                      + " JOIN QUIVER_CATALOG.DATABASES D ON D.ID = S.DATABASE_ID "
                      + where
                      + " ORDER BY D.NAME, S.NAME")) {
            if (database != null) {
              query.setString(1, database);
            }
            try (ResultSet rows = query.executeQuery()) {
              while (rows.next()) {
                schemas.add(
                    new SchemaInfo(
                        rows.getLong(1),
                        rows.getString(2),
                        rows.getString(3),
                        rows.getString(4),
                        rows.getObject(5, OffsetDateTime.class)));
              }
            }
          }
          return schemas;
        });
  }

  private static long insertDatabase(Connection connection, String name, @Nullable String comment)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO QUIVER_CATALOG.DATABASES (NAME, COMMENT, CREATED_ON)"
                + " VALUES (?, ?, CURRENT_TIMESTAMP)",
            Statement.RETURN_GENERATED_KEYS)) {
      insert.setString(1, name);
      insert.setString(2, comment);
      insert.executeUpdate();
      return generatedId(insert);
    }
  }

  private static long insertSchema(
      Connection connection, long databaseId, String name, @Nullable String comment)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO QUIVER_CATALOG.SCHEMAS (DATABASE_ID, NAME, COMMENT, CREATED_ON)"
                + " VALUES (?, ?, ?, CURRENT_TIMESTAMP)",
            Statement.RETURN_GENERATED_KEYS)) {
      insert.setLong(1, databaseId);
      insert.setString(2, name);
      insert.setString(3, comment);
      insert.executeUpdate();
      return generatedId(insert);
    }
  }

  private static long generatedId(Statement statement) throws SQLException {
    try (ResultSet keys = statement.getGeneratedKeys()) {
      keys.next();
      return keys.getLong(1);
    }
  }

  private static DatabaseInfo databaseOf(ResultSet rows) throws SQLException {
    return new DatabaseInfo(
        rows.getLong(1),
        rows.getString(2),
        rows.getString(3),
        rows.getObject(4, OffsetDateTime.class));
  }

  private void createStorage(long schemaId) {
    store.execute("CREATE SCHEMA IF NOT EXISTS \"" + SchemaInfo.storageSchema(schemaId) + "\"");
  }

  private void dropStorage(long schemaId) {
    store.execute("DROP SCHEMA IF EXISTS \"" + SchemaInfo.storageSchema(schemaId) + "\" CASCADE");
  }

  /**
   * Makes H2's schemas match the catalog: a crash between a catalog change and its H2 statement
   * leaves a schema row without storage, or storage without a row.
   */
  private void reconcileStorage() {
    Set<String> expected = new HashSet<>();
    for (SchemaInfo schema : allSchemas()) {
      expected.add(schema.storageSchema());
      createStorage(schema.id());
    }
    List<String> present =
        store.transaction(
            connection -> {
              List<String> names = new ArrayList<>();
              try (Statement statement = connection.createStatement();
                  ResultSet rows =
                      statement.executeQuery(
                          "SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA"
                              + " WHERE REGEXP_LIKE(SCHEMA_NAME, '^S[0-9]+$')")) {
                while (rows.next()) {
                  names.add(rows.getString(1));
                }
              }
              return names;
            });
    for (String name : present) {
      if (!expected.contains(name)) {
        LOG.info("Removing storage {} left without a schema", name);
        store.execute("DROP SCHEMA \"" + name + "\" CASCADE");
      }
    }
  }
}
