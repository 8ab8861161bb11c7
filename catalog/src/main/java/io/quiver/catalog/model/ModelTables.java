package io.quiver.catalog.model;

import io.quiver.catalog.ObjectName;
import io.quiver.catalog.model.ArtifactStore.StagedArtifact;
import io.quiver.runtime.signature.MethodSignature;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.checkerframework.checker.nullness.qual.Nullable;

/** The registry's rows in the catalog tables, read and written on a caller's connection. */
final class ModelTables {
  private static final String MODEL_COLUMNS =
      "SELECT M.ID, M.SCHEMA_ID, D.NAME, S.NAME, M.NAME, M.COMMENT, M.DEFAULT_VERSION_ID,"
          + " M.CREATED_ON, M.LAST_ALTERED FROM QUIVER_CATALOG.MODELS M"
          + " JOIN QUIVER_CATALOG.SCHEMAS S ON S.ID = M.SCHEMA_ID"
          + " JOIN QUIVER_CATALOG.DATABASES D ON D.ID = S.DATABASE_ID ";
  private static final String MODEL_ORDER = " ORDER BY D.NAME, S.NAME, M.NAME";
  private static final String BY_MODEL = "V.MODEL_ID = ?";
  private static final String BY_VERSION = "V.ID = ?";

  /**
   * Signatures already read, by their JSON: versions of a model mostly share them, and reading a
   * model reads the signatures of all its versions.
   */
  private static final Map<String, MethodSignature> SIGNATURES = new ConcurrentHashMap<>();

  private static final int MAX_CACHED_SIGNATURES = 1024;

  private ModelTables() {}

  /** Reads one row of a result. */
  @FunctionalInterface
  interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  /** A model's row, before its versions are read. */
  private record ModelRow(
      long id,
      long schemaId,
      ObjectName name,
      @Nullable String comment,
      long defaultVersionId,
      OffsetDateTime createdOn,
      OffsetDateTime lastAltered) {}

  // Reading models.

  /** A model with all its versions, their methods and files. */
  static Optional<ModelInfo> findModel(Connection connection, ObjectName name) throws SQLException {
    return find(connection, name, true);
  }

  /**
   * A model with its versions and aliases but without their methods and files, which {@link
   * #withContent} reads for the one version that needs them.
   */
  static Optional<ModelInfo> findOutline(Connection connection, ObjectName name)
      throws SQLException {
    return find(connection, name, false);
  }

  private static Optional<ModelInfo> find(Connection connection, ObjectName name, boolean content)
      throws SQLException {
    List<ModelRow> rows =
        query(
            connection,
            MODEL_COLUMNS + "WHERE D.NAME = ? AND S.NAME = ? AND M.NAME = ?",
            ModelTables::modelRow,
            name.database(),
            name.schema(),
            name.name());
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(withVersions(connection, rows.get(0), content));
  }

  static List<ModelInfo> models(Connection connection, ModelScope scope) throws SQLException {
    List<ModelRow> rows;
    if (scope.database() == null) {
      rows = query(connection, MODEL_COLUMNS + MODEL_ORDER, ModelTables::modelRow);
    } else if (scope.schema() == null) {
      String where = "WHERE D.NAME = ?";
      rows =
          query(
              connection,
              MODEL_COLUMNS + where + MODEL_ORDER,
              ModelTables::modelRow,
              scope.database());
    } else {
      String where = "WHERE D.NAME = ? AND S.NAME = ?";
      rows =
          query(
              connection,
              MODEL_COLUMNS + where + MODEL_ORDER,
              ModelTables::modelRow,
              scope.database(),
              scope.schema());
    }
    return withVersions(connection, rows);
  }

  static List<ModelInfo> modelsOfSchema(Connection connection, long schemaId) throws SQLException {
    String where = "WHERE M.SCHEMA_ID = ?";
    return withVersions(
        connection,
        query(connection, MODEL_COLUMNS + where + MODEL_ORDER, ModelTables::modelRow, schemaId));
  }

  private static List<ModelInfo> withVersions(Connection connection, List<ModelRow> rows)
      throws SQLException {
    List<ModelInfo> models = new ArrayList<>();
    for (ModelRow row : rows) {
      models.add(withVersions(connection, row, true));
    }
    return models;
  }

  private static ModelInfo withVersions(Connection connection, ModelRow row, boolean content)
      throws SQLException {
    List<ModelVersionInfo> versions = versions(connection, row.id(), content);
    String defaultVersion =
        versions.stream()
            .filter(version -> version.id() == row.defaultVersionId())
            .map(ModelVersionInfo::name)
            .findFirst()
            .orElseThrow(
                () -> new IllegalStateException("Model " + row.name() + " has no default version"));
    return new ModelInfo(
        row.id(),
        row.schemaId(),
        row.name(),
        row.comment(),
        defaultVersion,
        row.createdOn(),
        row.lastAltered(),
        versions);
  }

  private static ModelRow modelRow(ResultSet row) throws SQLException {
    return new ModelRow(
        row.getLong(1),
        row.getLong(2),
        new ObjectName(row.getString(3), row.getString(4), row.getString(5)),
        row.getString(6),
        row.getLong(7),
        row.getObject(8, OffsetDateTime.class),
        row.getObject(9, OffsetDateTime.class));
  }

  // Reading versions.

  private static List<ModelVersionInfo> versions(
      Connection connection, long modelId, boolean content) throws SQLException {
    Map<Long, List<MethodSignature>> methods =
        content ? methods(connection, BY_MODEL, modelId) : Map.of();
    Map<Long, List<ArtifactFile>> files = content ? files(connection, BY_MODEL, modelId) : Map.of();
    return query(
        connection,
        "SELECT V.ID, V.NAME, A.NAME, V.COMMENT, V.METADATA, V.CREATED_ON, V.LAST_ALTERED"
            + " FROM QUIVER_CATALOG.MODEL_VERSIONS V"
            + " LEFT JOIN QUIVER_CATALOG.MODEL_ALIASES A ON A.VERSION_ID = V.ID"
            + " WHERE V.MODEL_ID = ? ORDER BY V.ID",
        row ->
            new ModelVersionInfo(
                row.getLong(1),
                row.getString(2),
                row.getString(3),
                row.getString(4),
                row.getString(5),
                row.getObject(6, OffsetDateTime.class),
                row.getObject(7, OffsetDateTime.class),
                methods.getOrDefault(row.getLong(1), List.of()),
                files.getOrDefault(row.getLong(1), List.of())),
        modelId);
  }

  /** A version of an outline with its methods and files read. */
  static ModelVersionInfo withContent(Connection connection, ModelVersionInfo version)
      throws SQLException {
    return new ModelVersionInfo(
        version.id(),
        version.name(),
        version.alias(),
        version.comment(),
        version.metadata(),
        version.createdOn(),
        version.lastAltered(),
        methods(connection, BY_VERSION, version.id()).getOrDefault(version.id(), List.of()),
        files(connection, BY_VERSION, version.id()).getOrDefault(version.id(), List.of()));
  }

  /** The methods of the versions matching a condition on V, by version. */
  private static Map<Long, List<MethodSignature>> methods(
      Connection connection, String condition, long key) throws SQLException {
    Map<Long, List<MethodSignature>> methods = new HashMap<>();
    query(
        connection,
        "SELECT X.VERSION_ID, X.SIGNATURE FROM QUIVER_CATALOG.MODEL_METHODS X"
            + " JOIN QUIVER_CATALOG.MODEL_VERSIONS V ON V.ID = X.VERSION_ID"
            + " WHERE "
            + condition
            + " ORDER BY X.VERSION_ID, X.POSITION",
        row ->
            methods
                .computeIfAbsent(row.getLong(1), id -> new ArrayList<>())
                .add(signature(row.getString(2))),
        key);
    return methods;
  }

  /** The files of the versions matching a condition on V, by version. */
  private static Map<Long, List<ArtifactFile>> files(
      Connection connection, String condition, long key) throws SQLException {
    Map<Long, List<ArtifactFile>> files = new HashMap<>();
    query(
        connection,
        "SELECT F.VERSION_ID, F.PATH, F.CHECKSUM, A.SIZE, A.MD5, A.CREATED_ON"
            + " FROM QUIVER_CATALOG.MODEL_VERSION_FILES F"
            + " JOIN QUIVER_CATALOG.MODEL_ARTIFACTS A ON A.CHECKSUM = F.CHECKSUM"
            + " JOIN QUIVER_CATALOG.MODEL_VERSIONS V ON V.ID = F.VERSION_ID"
            + " WHERE "
            + condition
            + " ORDER BY F.VERSION_ID, F.PATH",
        row ->
            files
                .computeIfAbsent(row.getLong(1), id -> new ArrayList<>())
                .add(
                    new ArtifactFile(
                        row.getString(2),
                        row.getString(3),
                        row.getLong(4),
                        row.getString(5),
                        row.getObject(6, OffsetDateTime.class))),
        key);
    return files;
  }

  private static MethodSignature signature(String json) {
    MethodSignature cached = SIGNATURES.get(json);
    if (cached != null) {
      return cached;
    }
    if (SIGNATURES.size() >= MAX_CACHED_SIGNATURES) {
      SIGNATURES.clear();
    }
    MethodSignature signature = MethodSignature.fromJson(json);
    SIGNATURES.put(json, signature);
    return signature;
  }

  static boolean modelExists(Connection connection, ObjectName name) throws SQLException {
    return !query(
            connection,
            "SELECT M.ID FROM QUIVER_CATALOG.MODELS M"
                + " JOIN QUIVER_CATALOG.SCHEMAS S ON S.ID = M.SCHEMA_ID"
                + " JOIN QUIVER_CATALOG.DATABASES D ON D.ID = S.DATABASE_ID"
                + " WHERE D.NAME = ? AND S.NAME = ? AND M.NAME = ?",
            row -> row.getLong(1),
            name.database(),
            name.schema(),
            name.name())
        .isEmpty();
  }

  // Writing models.

  static long insertModel(
      Connection connection, long schemaId, String name, @Nullable String comment)
      throws SQLException {
    return insert(
        connection,
        "INSERT INTO QUIVER_CATALOG.MODELS (SCHEMA_ID, NAME, COMMENT, CREATED_ON, LAST_ALTERED)"
            + " VALUES (?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
        schemaId,
        name,
        comment);
  }

  static void setDefaultVersion(Connection connection, long modelId, long versionId)
      throws SQLException {
    update(
        connection,
        "UPDATE QUIVER_CATALOG.MODELS SET DEFAULT_VERSION_ID = ?, LAST_ALTERED = CURRENT_TIMESTAMP"
            + " WHERE ID = ?",
        versionId,
        modelId);
  }

  static void setComment(Connection connection, long modelId, @Nullable String comment)
      throws SQLException {
    update(
        connection,
        "UPDATE QUIVER_CATALOG.MODELS SET COMMENT = ?, LAST_ALTERED = CURRENT_TIMESTAMP"
            + " WHERE ID = ?",
        comment,
        modelId);
  }

  static void touchModel(Connection connection, long modelId) throws SQLException {
    update(
        connection,
        "UPDATE QUIVER_CATALOG.MODELS SET LAST_ALTERED = CURRENT_TIMESTAMP WHERE ID = ?",
        modelId);
  }

  static void renameModel(Connection connection, long modelId, long schemaId, String name)
      throws SQLException {
    update(
        connection,
        "UPDATE QUIVER_CATALOG.MODELS SET SCHEMA_ID = ?, NAME = ?,"
            + " LAST_ALTERED = CURRENT_TIMESTAMP WHERE ID = ?",
        schemaId,
        name,
        modelId);
  }

  static boolean modelExists(Connection connection, long schemaId, String name)
      throws SQLException {
    return !query(
            connection,
            "SELECT ID FROM QUIVER_CATALOG.MODELS WHERE SCHEMA_ID = ? AND NAME = ?",
            row -> row.getLong(1),
            schemaId,
            name)
        .isEmpty();
  }

  static void deleteModel(Connection connection, long modelId) throws SQLException {
    update(connection, "DELETE FROM QUIVER_CATALOG.MODELS WHERE ID = ?", modelId);
  }

  // Writing versions.

  static long insertVersion(
      Connection connection, long modelId, String name, @Nullable String comment, String metadata)
      throws SQLException {
    return insert(
        connection,
        "INSERT INTO QUIVER_CATALOG.MODEL_VERSIONS"
            + " (MODEL_ID, NAME, COMMENT, METADATA, CREATED_ON, LAST_ALTERED)"
            + " VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
        modelId,
        name,
        comment,
        metadata);
  }

  static void insertMethods(Connection connection, long versionId, List<MethodSignature> methods)
      throws SQLException {
    for (int position = 0; position < methods.size(); position++) {
      MethodSignature method = methods.get(position);
      update(
          connection,
          "INSERT INTO QUIVER_CATALOG.MODEL_METHODS (VERSION_ID, POSITION, NAME, SIGNATURE)"
              + " VALUES (?, ?, ?, ?)",
          versionId,
          position,
          method.method(),
          method.toJson());
    }
  }

  static void insertFile(Connection connection, long versionId, String path, String checksum)
      throws SQLException {
    update(
        connection,
        "INSERT INTO QUIVER_CATALOG.MODEL_VERSION_FILES (VERSION_ID, PATH, CHECKSUM)"
            + " VALUES (?, ?, ?)",
        versionId,
        path,
        checksum);
  }

  static void setVersionComment(Connection connection, long versionId, @Nullable String comment)
      throws SQLException {
    update(
        connection,
        "UPDATE QUIVER_CATALOG.MODEL_VERSIONS SET COMMENT = ?, LAST_ALTERED = CURRENT_TIMESTAMP"
            + " WHERE ID = ?",
        comment,
        versionId);
  }

  static void setVersionMetadata(Connection connection, long versionId, String metadata)
      throws SQLException {
    update(
        connection,
        "UPDATE QUIVER_CATALOG.MODEL_VERSIONS SET METADATA = ?, LAST_ALTERED = CURRENT_TIMESTAMP"
            + " WHERE ID = ?",
        metadata,
        versionId);
  }

  static void deleteVersion(Connection connection, long versionId) throws SQLException {
    update(connection, "DELETE FROM QUIVER_CATALOG.MODEL_VERSIONS WHERE ID = ?", versionId);
  }

  static void insertAlias(Connection connection, long modelId, long versionId, String alias)
      throws SQLException {
    update(
        connection,
        "INSERT INTO QUIVER_CATALOG.MODEL_ALIASES (MODEL_ID, NAME, VERSION_ID) VALUES (?, ?, ?)",
        modelId,
        alias,
        versionId);
  }

  static void deleteAlias(Connection connection, long versionId) throws SQLException {
    update(connection, "DELETE FROM QUIVER_CATALOG.MODEL_ALIASES WHERE VERSION_ID = ?", versionId);
  }

  // Artifacts.

  /** Records a stored artifact, unless a version already uses the same content. */
  static void insertArtifact(Connection connection, StagedArtifact artifact) throws SQLException {
    update(
        connection,
        "INSERT INTO QUIVER_CATALOG.MODEL_ARTIFACTS (CHECKSUM, MD5, SIZE, CREATED_ON)"
            + " SELECT ?, ?, ?, CURRENT_TIMESTAMP WHERE NOT EXISTS"
            + " (SELECT 1 FROM QUIVER_CATALOG.MODEL_ARTIFACTS WHERE CHECKSUM = ?)",
        artifact.checksum(),
        artifact.md5(),
        artifact.size(),
        artifact.checksum());
  }

  /** Deletes the rows of artifacts no version uses, and returns their checksums. */
  static List<String> deleteUnusedArtifacts(Connection connection) throws SQLException {
    List<String> unused =
        query(
            connection,
            "SELECT A.CHECKSUM FROM QUIVER_CATALOG.MODEL_ARTIFACTS A WHERE NOT EXISTS"
                + " (SELECT 1 FROM QUIVER_CATALOG.MODEL_VERSION_FILES F"
                + " WHERE F.CHECKSUM = A.CHECKSUM)",
            row -> row.getString(1));
    for (String checksum : unused) {
      update(connection, "DELETE FROM QUIVER_CATALOG.MODEL_ARTIFACTS WHERE CHECKSUM = ?", checksum);
    }
    return unused;
  }

  static boolean artifactExists(Connection connection, String checksum) throws SQLException {
    return !query(
            connection,
            "SELECT 1 FROM QUIVER_CATALOG.MODEL_ARTIFACTS WHERE CHECKSUM = ?",
            row -> row.getInt(1),
            checksum)
        .isEmpty();
  }

  static Set<String> artifactChecksums(Connection connection) throws SQLException {
    return new HashSet<>(
        query(
            connection,
            "SELECT CHECKSUM FROM QUIVER_CATALOG.MODEL_ARTIFACTS",
            row -> row.getString(1)));
  }

  // Statements.

  static <T> List<T> query(
      Connection connection, String sql, RowReader<T> reader, @Nullable Object... values)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, values);
      List<T> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          rows.add(reader.read(result));
        }
      }
      return rows;
    }
  }

  static int update(Connection connection, String sql, @Nullable Object... values)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, values);
      return statement.executeUpdate();
    }
  }

  static long insert(Connection connection, String sql, @Nullable Object... values)
      throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      bind(statement, values);
      statement.executeUpdate();
      try (ResultSet keys = statement.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  private static void bind(PreparedStatement statement, @Nullable Object... values)
      throws SQLException {
    for (int index = 0; index < values.length; index++) {
      statement.setObject(index + 1, values[index]);
    }
  }
}
