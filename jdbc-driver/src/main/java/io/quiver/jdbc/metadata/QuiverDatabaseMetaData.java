package io.quiver.jdbc.metadata;

import static java.util.Objects.requireNonNull;

import io.quiver.catalog.Session;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaDatabaseMetaData;
import org.apache.calcite.jdbc.CalciteConnection;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What a connection of the embedded driver tells tools such as DBeaver about the store: Quiver
 * databases as catalogs, their schemas as schemas, and the users' tables with their columns and
 * primary keys. Everything else is Calcite's answer.
 *
 * <p>{@link java.sql.Connection#getCatalog()} and {@link java.sql.Connection#getSchema()} do not
 * follow {@code USE}: they answer null.
 */
final class QuiverDatabaseMetaData extends AvaticaDatabaseMetaData {
  /** The types of Calcite's type list that a table column can have in Quiver. */
  private static final Set<String> COLUMN_TYPES =
      Set.of(
          "BOOLEAN",
          "TINYINT",
          "SMALLINT",
          "INTEGER",
          "BIGINT",
          "DECIMAL",
          "REAL",
          "FLOAT",
          "DOUBLE",
          "DATE",
          "TIME",
          "TIMESTAMP",
          "TIMESTAMP_TZ",
          "CHAR",
          "VARCHAR",
          "BINARY",
          "VARBINARY");

  private final AvaticaConnection connection;

  QuiverDatabaseMetaData(AvaticaConnection connection) {
    super(requireNonNull(connection, "connection is null"));
    this.connection = connection;
  }

  private StoreMetadata store() throws SQLException {
    if (connection.isClosed()) {
      throw new SQLException("The connection is closed; open a new one to read metadata", "08003");
    }
    return new StoreMetadata(Session.of(connection.unwrap(CalciteConnection.class)));
  }

  @Override
  public String getCatalogTerm() {
    return "database";
  }

  @Override
  public ResultSet getCatalogs() throws SQLException {
    StoreMetadata store = store();
    return read(store::catalogs);
  }

  @Override
  public ResultSet getSchemas() throws SQLException {
    return getSchemas(null, null);
  }

  @Override
  public ResultSet getSchemas(@Nullable String catalog, @Nullable String schemaPattern)
      throws SQLException {
    StoreMetadata store = store();
    return read(() -> store.schemas(catalog, schemaPattern));
  }

  @Override
  public ResultSet getTables(
      @Nullable String catalog,
      @Nullable String schemaPattern,
      @Nullable String tableNamePattern,
      String @Nullable [] types)
      throws SQLException {
    StoreMetadata store = store();
    return read(() -> store.tables(catalog, schemaPattern, tableNamePattern, types));
  }

  @Override
  public ResultSet getColumns(
      @Nullable String catalog,
      @Nullable String schemaPattern,
      @Nullable String tableNamePattern,
      @Nullable String columnNamePattern)
      throws SQLException {
    StoreMetadata store = store();
    return read(() -> store.columns(catalog, schemaPattern, tableNamePattern, columnNamePattern));
  }

  @Override
  public ResultSet getPrimaryKeys(@Nullable String catalog, @Nullable String schema, String table)
      throws SQLException {
    StoreMetadata store = store();
    return read(() -> store.primaryKeys(catalog, schema, table));
  }

  @Override
  public ResultSet getTableTypes() throws SQLException {
    StoreMetadata store = store();
    return read(store::tableTypes);
  }

  /** Calcite's types, less those a table column cannot have. */
  @Override
  public ResultSet getTypeInfo() throws SQLException {
    try (ResultSet calcite = super.getTypeInfo()) {
      MetadataTable types = MetadataTable.like(calcite);
      while (calcite.next()) {
        if (COLUMN_TYPES.contains(calcite.getString("TYPE_NAME"))) {
          types.copy(calcite, Map.of());
        }
      }
      return types.resultSet();
    }
  }

  /** Runs a catalog read, reporting a failure of the store as an SQLException. */
  private static ResultSet read(Read read) throws SQLException {
    try {
      return read.run();
    } catch (RuntimeException e) {
      throw new SQLException("Reading the catalog failed: " + e.getMessage(), e);
    }
  }

  /** A read of the catalog. */
  @FunctionalInterface
  private interface Read {
    ResultSet run() throws SQLException;
  }
}
