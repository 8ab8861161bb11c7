package io.quiver.jdbc.metadata;

import static io.quiver.jdbc.metadata.MetadataTable.Column.integer;
import static io.quiver.jdbc.metadata.MetadataTable.Column.smallint;
import static io.quiver.jdbc.metadata.MetadataTable.Column.text;
import static java.util.Objects.requireNonNull;

import io.quiver.catalog.DatabaseInfo;
import io.quiver.catalog.SchemaInfo;
import io.quiver.catalog.Session;
import io.quiver.catalog.Store;
import io.quiver.catalog.security.AccessView;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A store's catalog as JDBC describes it: each Quiver database is a catalog, each of its schemas a
 * schema, and the users' tables are tables. Tables and columns are read from the H2 schema that
 * holds each Quiver schema's tables, with the types named as Quiver's queries name them.
 *
 * <p>Only what the connection's session sees is listed: the databases it holds a privilege on, the
 * schemas it may use in them, and the tables it holds a privilege on. Models are not listed: JDBC
 * has no kind of object for them.
 */
final class StoreMetadata {
  static final List<MetadataTable.Column> CATALOGS = List.of(text("TABLE_CAT"));

  static final List<MetadataTable.Column> SCHEMAS =
      List.of(text("TABLE_SCHEM"), text("TABLE_CATALOG"));

  static final List<MetadataTable.Column> TABLES =
      List.of(
          text("TABLE_CAT"),
          text("TABLE_SCHEM"),
          text("TABLE_NAME"),
          text("TABLE_TYPE"),
          text("REMARKS"),
          text("TYPE_CAT"),
          text("TYPE_SCHEM"),
          text("TYPE_NAME"),
          text("SELF_REFERENCING_COL_NAME"),
          text("REF_GENERATION"));

  static final List<MetadataTable.Column> COLUMNS =
      List.of(
          text("TABLE_CAT"),
          text("TABLE_SCHEM"),
          text("TABLE_NAME"),
          text("COLUMN_NAME"),
          integer("DATA_TYPE"),
          text("TYPE_NAME"),
          integer("COLUMN_SIZE"),
          integer("BUFFER_LENGTH"),
          integer("DECIMAL_DIGITS"),
          integer("NUM_PREC_RADIX"),
          integer("NULLABLE"),
          text("REMARKS"),
          text("COLUMN_DEF"),
          integer("SQL_DATA_TYPE"),
          integer("SQL_DATETIME_SUB"),
          integer("CHAR_OCTET_LENGTH"),
          integer("ORDINAL_POSITION"),
          text("IS_NULLABLE"),
          text("SCOPE_CATALOG"),
          text("SCOPE_SCHEMA"),
          text("SCOPE_TABLE"),
          smallint("SOURCE_DATA_TYPE"),
          text("IS_AUTOINCREMENT"),
          text("IS_GENERATEDCOLUMN"));

  static final List<MetadataTable.Column> PRIMARY_KEYS =
      List.of(
          text("TABLE_CAT"),
          text("TABLE_SCHEM"),
          text("TABLE_NAME"),
          text("COLUMN_NAME"),
          smallint("KEY_SEQ"),
          text("PK_NAME"));

  static final List<MetadataTable.Column> TABLE_TYPES = List.of(text("TABLE_TYPE"));

  /** The kind of object that every user's table is. */
  static final String TABLE = "TABLE";

  /** The precision of binary numeric types in decimal digits, by JDBC type, as Calcite has it. */
  private static final Map<Integer, Integer> DECIMAL_DIGITS =
      Map.of(
          Types.TINYINT, 3,
          Types.SMALLINT, 5,
          Types.INTEGER, 10,
          Types.BIGINT, 19,
          Types.REAL, 7,
          Types.FLOAT, 15,
          Types.DOUBLE, 15);

  /** The JDBC types whose values have a length in octets. */
  private static final Set<Integer> STRING_TYPES =
      Set.of(Types.CHAR, Types.VARCHAR, Types.BINARY, Types.VARBINARY);

  /** How H2 names the kind of its ordinary tables. */
  private static final String H2_TABLE = "BASE TABLE";

  private final Store store;
  private final AccessView view;

  StoreMetadata(Session session) {
    requireNonNull(session, "session is null");
    this.store = session.store();
    this.view = store.security().access().view(session);
  }

  ResultSet catalogs() {
    MetadataTable catalogs = new MetadataTable(CATALOGS);
    for (DatabaseInfo database : store.catalog().databases()) {
      if (view.canSee(database)) {
        catalogs.add(database.name());
      }
    }
    return catalogs.resultSet();
  }

  ResultSet schemas(@Nullable String catalog, @Nullable String schemaPattern) {
    MetadataTable schemas = new MetadataTable(SCHEMAS);
    for (SchemaInfo schema : matchingSchemas(catalog, schemaPattern)) {
      schemas.add(schema.name(), schema.database());
    }
    return schemas.resultSet();
  }

  /**
   * The tables whose kind is one of {@code types}; null or no types at all stand for every kind
   * (Avatica's server passes an empty list for a client's null).
   */
  ResultSet tables(
      @Nullable String catalog,
      @Nullable String schemaPattern,
      @Nullable String tablePattern,
      String @Nullable [] types)
      throws SQLException {
    MetadataTable tables = new MetadataTable(TABLES);
    Set<String> wanted = types == null || types.length == 0 ? null : Set.of(types);
    try (Connection h2 = store.dataSource().getConnection()) {
      for (SchemaInfo schema : matchingSchemas(catalog, schemaPattern)) {
        addTables(tables, h2.getMetaData(), schema, tablePattern, wanted);
      }
    }
    return tables.resultSet();
  }

  private void addTables(
      MetadataTable tables,
      DatabaseMetaData h2,
      SchemaInfo schema,
      @Nullable String tablePattern,
      @Nullable Set<String> types)
      throws SQLException {
    try (ResultSet rows = h2.getTables(null, schema.storageSchema(), tablePattern, null)) {
      while (rows.next()) {
        String type = tableType(rows.getString("TABLE_TYPE"));
        boolean visible = view.canSeeTable(schema, rows.getString("TABLE_NAME"));
        if (visible && (types == null || types.contains(type))) {
          tables.add(
              schema.database(),
              schema.name(),
              rows.getString("TABLE_NAME"),
              type,
              rows.getString("REMARKS"),
              null,
              null,
              null,
              null,
              null);
        }
      }
    }
  }

  private static String tableType(String h2Type) {
    return H2_TABLE.equals(h2Type) ? TABLE : h2Type;
  }

  ResultSet columns(
      @Nullable String catalog,
      @Nullable String schemaPattern,
      @Nullable String tablePattern,
      @Nullable String columnPattern)
      throws SQLException {
    MetadataTable columns = new MetadataTable(COLUMNS);
    try (Connection h2 = store.dataSource().getConnection()) {
      for (SchemaInfo schema : matchingSchemas(catalog, schemaPattern)) {
        String storage = schema.storageSchema();
        try (ResultSet rows =
            h2.getMetaData().getColumns(null, storage, tablePattern, columnPattern)) {
          while (rows.next()) {
            if (view.canSeeTable(schema, rows.getString("TABLE_NAME"))) {
              columns.copy(rows, columnReplacements(schema, rows));
            }
          }
        }
      }
    }
    return columns.resultSet();
  }

  /**
   * The values of a column's row that Quiver gives differently from H2: the database and schema
   * names, Calcite's name of the type, numeric sizes in decimal digits as Calcite counts them (H2
   * counts some in bits), and no octet length for types that are not strings.
   */
  private static Map<String, Object> columnReplacements(SchemaInfo schema, ResultSet h2Column)
      throws SQLException {
    int jdbcType = h2Column.getInt("DATA_TYPE");
    SqlTypeName type = SqlTypeName.getNameForJdbcType(jdbcType);
    Map<String, Object> replacements = new HashMap<>();
    replacements.put("TABLE_CAT", schema.database());
    replacements.put("TABLE_SCHEM", schema.name());
    replacements.put("TYPE_NAME", type == null ? h2Column.getString("TYPE_NAME") : type.getName());
    Integer digits = DECIMAL_DIGITS.get(jdbcType);
    if (digits != null && h2Column.getInt("NUM_PREC_RADIX") == 2) {
      replacements.put("COLUMN_SIZE", digits);
      replacements.put("NUM_PREC_RADIX", 10);
    }
    if (!STRING_TYPES.contains(jdbcType)) {
      replacements.put("CHAR_OCTET_LENGTH", null);
    }
    return replacements;
  }

  ResultSet primaryKeys(@Nullable String catalog, @Nullable String schemaName, String table)
      throws SQLException {
    MetadataTable keys = new MetadataTable(PRIMARY_KEYS);
    try (Connection h2 = store.dataSource().getConnection()) {
      for (SchemaInfo schema : matchingSchemas(catalog, null)) {
        if (schemaName != null && !schemaName.equals(schema.name())) {
          continue;
        }
        try (ResultSet rows =
            h2.getMetaData().getPrimaryKeys(null, schema.storageSchema(), table)) {
          while (rows.next()) {
            if (view.canSeeTable(schema, rows.getString("TABLE_NAME"))) {
              keys.copy(rows, Map.of("TABLE_CAT", schema.database(), "TABLE_SCHEM", schema.name()));
            }
          }
        }
      }
    }
    return keys.resultSet();
  }

  ResultSet tableTypes() {
    MetadataTable types = new MetadataTable(TABLE_TYPES);
    types.add(TABLE);
    return types.resultSet();
  }

  /**
   * The schemas the session may use in the databases a JDBC catalog argument names: null for every
   * database, an empty string for none (Quiver has no schema outside a database), else the database
   * of that name. A schema pattern is a LIKE pattern; null matches every schema.
   */
  private List<SchemaInfo> matchingSchemas(
      @Nullable String catalog, @Nullable String schemaPattern) {
    List<SchemaInfo> schemas = new ArrayList<>();
    for (SchemaInfo schema : store.catalog().allSchemas()) {
      boolean inCatalog = catalog == null || catalog.equals(schema.database());
      boolean named =
          schemaPattern == null || LikePattern.matcher(schemaPattern).apply(schema.name());
      if (inCatalog && named && view.canUse(schema)) {
        schemas.add(schema);
      }
    }
    return schemas;
  }
}
