package io.quiver.catalog.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quiver.catalog.Catalog;
import io.quiver.catalog.ObjectName;
import io.quiver.catalog.QuiverException;
import io.quiver.catalog.SchemaInfo;
import io.quiver.catalog.Store;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tags, which are schema objects, and their values on models. Changes run under the model
 * registry's lock, each in one transaction.
 */
public final class TagRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(TagRegistry.class);
  private static final String TAG_COLUMNS =
      "SELECT T.ID, D.NAME, S.NAME, T.NAME, T.COMMENT, T.ALLOWED_VALUES, T.CREATED_ON"
          + " FROM QUIVER_CATALOG.TAGS T"
          + " JOIN QUIVER_CATALOG.SCHEMAS S ON S.ID = T.SCHEMA_ID"
          + " JOIN QUIVER_CATALOG.DATABASES D ON D.ID = S.DATABASE_ID ";
  private static final String TAG_ORDER = " ORDER BY D.NAME, S.NAME, T.NAME";

  private final Store store;
  private final ModelRegistry models;

  TagRegistry(Store store, ModelRegistry models) {
    this.store = requireNonNull(store, "store is null");
    this.models = requireNonNull(models, "models is null");
  }

  // Tags.

  /** Creates a tag; returns whether it was created. */
  public boolean createTag(
      ObjectName name, List<String> allowedValues, @Nullable String comment, CreateMode mode) {
    requireNonNull(name, "name is null");
    requireNonNull(allowedValues, "allowedValues is null");
    requireNonNull(mode, "mode is null");
    Catalog.checkIdentifier("Tag", name.name());
    allowedValues.forEach(value -> checkValueLength(name, value));
    SchemaInfo schema = store.catalog().requireSchema(name.database(), name.schema());
    String allowed = allowedValues.isEmpty() ? null : Json.array(allowedValues);
    boolean created =
        models.change(
            List.of(),
            connection -> {
              Optional<TagInfo> existing = findTag(connection, name);
              if (existing.isPresent() && !replaces(existing.get(), mode)) {
                return false;
              }
              if (existing.isPresent()) {
                deleteTag(connection, existing.get().id());
              }
              ModelTables.update(
                  connection,
                  "INSERT INTO QUIVER_CATALOG.TAGS"
                      + " (SCHEMA_ID, NAME, COMMENT, ALLOWED_VALUES, CREATED_ON)"
                      + " VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)",
                  schema.id(),
                  name.name(),
                  comment,
                  allowed);
              return true;
            });

    if (created) {
      LOG.info("Created tag {}", name);
    }
    return created;
  }

  private static boolean replaces(TagInfo existing, CreateMode mode) {
    return switch (mode) {
      case REPLACE -> true;
      case KEEP_EXISTING -> false;
      case FAIL_IF_EXISTS ->
          throw QuiverException.alreadyExists(
              "Tag "
                  + existing.name()
                  + " already exists; use CREATE OR REPLACE TAG to replace it");
    };
  }

  /** Drops a tag and its values on every model; returns whether it existed. */
  public boolean dropTag(ObjectName name, boolean ifExists) {
    requireNonNull(name, "name is null");
    boolean dropped =
        models.change(
            List.of(),
            connection -> {
              Optional<TagInfo> tag = findTag(connection, name);
              if (tag.isEmpty() && ifExists) {
                return false;
              }
              deleteTag(connection, requireTag(connection, name).id());
              return true;
            });

    if (dropped) {
      LOG.info("Dropped tag {}", name);
    }
    return dropped;
  }

  public Optional<TagInfo> tag(ObjectName name) {
    requireNonNull(name, "name is null");
    return store.transaction(connection -> findTag(connection, name));
  }

  /** The tags of a scope, sorted by database, schema and name. */
  public List<TagInfo> tags(ModelScope scope) {
    requireNonNull(scope, "scope is null");
    return store.transaction(connection -> tagsIn(connection, scope));
  }

  private static List<TagInfo> tagsIn(Connection connection, ModelScope scope) throws SQLException {
    if (scope.database() == null) {
      return ModelTables.query(connection, TAG_COLUMNS + TAG_ORDER, TagRegistry::tagRow);
    }
    if (scope.schema() == null) {
      return ModelTables.query(
          connection,
          TAG_COLUMNS + "WHERE D.NAME = ?" + TAG_ORDER,
          TagRegistry::tagRow,
          scope.database());
    }
    return ModelTables.query(
        connection,
        TAG_COLUMNS + "WHERE D.NAME = ? AND S.NAME = ?" + TAG_ORDER,
        TagRegistry::tagRow,
        scope.database(),
        scope.schema());
  }

  // Values on models.

  /** Sets tag values on a model, all or none. */
  public void setTags(ObjectName model, Map<ObjectName, String> values) {
    requireNonNull(model, "model is null");
    requireNonNull(values, "values is null");
    models.change(
        List.of(),
        connection -> {
          long modelId = ModelRegistry.requireModel(connection, model).id();
          for (Map.Entry<ObjectName, String> value : values.entrySet()) {
            TagInfo tag = requireTag(connection, value.getKey());
            checkValue(tag, value.getValue());
            deleteValue(connection, modelId, tag.id());
            ModelTables.update(
                connection,
                "INSERT INTO QUIVER_CATALOG.MODEL_TAGS (MODEL_ID, TAG_ID, TAG_VALUE)"
                    + " VALUES (?, ?, ?)",
                modelId,
                tag.id(),
                value.getValue());
          }
          return null;
        });

    LOG.debug("Tags {} set on model {}", values.keySet(), model);
  }

  /** Removes tag values from a model; a tag that is not set is left as it is. */
  public void unsetTags(ObjectName model, List<ObjectName> tagNames) {
    requireNonNull(model, "model is null");
    requireNonNull(tagNames, "tagNames is null");
    models.change(
        List.of(),
        connection -> {
          long modelId = ModelRegistry.requireModel(connection, model).id();
          for (ObjectName tagName : tagNames) {
            deleteValue(connection, modelId, requireTag(connection, tagName).id());
          }
          return null;
        });

    LOG.debug("Tags {} unset on model {}", tagNames, model);
  }

  /** The value of a tag on a model; empty when the tag is not set on it. */
  public Optional<String> tagValue(ObjectName model, ObjectName tagName) {
    requireNonNull(model, "model is null");
    requireNonNull(tagName, "tagName is null");
    return store.transaction(
        connection -> {
          long modelId = ModelRegistry.requireModel(connection, model).id();
          long tagId = requireTag(connection, tagName).id();
          List<String> values =
              ModelTables.query(
                  connection,
                  "SELECT TAG_VALUE FROM QUIVER_CATALOG.MODEL_TAGS"
                      + " WHERE MODEL_ID = ? AND TAG_ID = ?",
                  row -> row.getString(1),
                  modelId,
                  tagId);
          return values.stream().findFirst();
        });
  }

  /** The tags set on a model, with their values, by tag name. */
  public Map<ObjectName, String> modelTags(ObjectName model) {
    requireNonNull(model, "model is null");
    return store.transaction(
        connection -> {
          long modelId = ModelRegistry.requireModel(connection, model).id();
          Map<ObjectName, String> values = new LinkedHashMap<>();
          ModelTables.query(
              connection,
              "SELECT D.NAME, S.NAME, T.NAME, V.TAG_VALUE FROM QUIVER_CATALOG.MODEL_TAGS V"
                  + " JOIN QUIVER_CATALOG.TAGS T ON T.ID = V.TAG_ID"
                  + " JOIN QUIVER_CATALOG.SCHEMAS S ON S.ID = T.SCHEMA_ID"
                  + " JOIN QUIVER_CATALOG.DATABASES D ON D.ID = S.DATABASE_ID"
                  + " WHERE V.MODEL_ID = ?"
                  + TAG_ORDER,
              row ->
                  values.put(
                      new ObjectName(row.getString(1), row.getString(2), row.getString(3)),
                      row.getString(4)),
              modelId);
          return Map.copyOf(values);
        });
  }

  // Rules and rows.

  private static void checkValue(TagInfo tag, String value) {
    checkValueLength(tag.name(), value);
    if (!tag.allowedValues().isEmpty() && !tag.allowedValues().contains(value)) {
      throw ModelErrors.invalid(
          "Value '"
              + value
              + "' is not allowed for tag "
              + tag.name()
              + "; allowed values are "
              + tag.allowedValues().stream()
                  .map(allowed -> "'" + allowed + "'")
                  .collect(Collectors.joining(", ")));
    }
  }

  private static void checkValueLength(ObjectName tag, String value) {
    if (value.length() > ModelLimits.MAX_TAG_VALUE_LENGTH) {
      throw ModelErrors.limit(
          "A value of tag "
              + tag
              + " has "
              + value.length()
              + " characters; tag values are limited to "
              + ModelLimits.MAX_TAG_VALUE_LENGTH);
    }
  }

  private static TagInfo requireTag(Connection connection, ObjectName name) throws SQLException {
    Optional<TagInfo> tag = findTag(connection, name);
    if (tag.isPresent()) {
      return tag.get();
    }
    String schemaName = name.schemaPath();
    List<String> existing =
        tagsIn(connection, ModelScope.schema(name.database(), name.schema())).stream()
            .map(found -> found.name().name())
            .toList();
    throw QuiverException.notFound(
        "Tag "
            + name
            + " does not exist; tags of "
            + schemaName
            + " are "
            + ModelErrors.list(existing)
            + ". Create it with CREATE TAG "
            + name);
  }

  private static Optional<TagInfo> findTag(Connection connection, ObjectName name)
      throws SQLException {
    return ModelTables.query(
            connection,
            TAG_COLUMNS + "WHERE D.NAME = ? AND S.NAME = ? AND T.NAME = ?",
            TagRegistry::tagRow,
            name.database(),
            name.schema(),
            name.name())
        .stream()
        .findFirst();
  }

  private static void deleteTag(Connection connection, long tagId) throws SQLException {
    ModelTables.update(connection, "DELETE FROM QUIVER_CATALOG.TAGS WHERE ID = ?", tagId);
  }

  private static void deleteValue(Connection connection, long modelId, long tagId)
      throws SQLException {
    ModelTables.update(
        connection,
        "DELETE FROM QUIVER_CATALOG.MODEL_TAGS WHERE MODEL_ID = ? AND TAG_ID = ?",
        modelId,
        tagId);
  }

  private static TagInfo tagRow(ResultSet row) throws SQLException {
    return new TagInfo(
        row.getLong(1),
        new ObjectName(row.getString(2), row.getString(3), row.getString(4)),
        row.getString(5),
        allowedValues(row.getString(6)),
        row.getObject(7, OffsetDateTime.class));
  }

  private static List<String> allowedValues(@Nullable String json) {
    if (json == null) {
      return List.of();
    }
    try {
      return Json.MAPPER.readValue(json, new TypeReference<List<String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The catalog holds invalid allowed values: " + json, e);
    }
  }
}
