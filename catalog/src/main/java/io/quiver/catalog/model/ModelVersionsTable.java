package io.quiver.catalog.model;

import static java.util.Objects.requireNonNull;

import io.quiver.catalog.Session;
import io.quiver.catalog.Store;
import io.quiver.catalog.security.AccessView;
import io.quiver.parser.ObjectKind;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code INFORMATION_SCHEMA.MODEL_VERSIONS} of one database: a row per model version, with
 * Snowflake's columns. ARRAY and OBJECT columns hold JSON text; OWNER is the role that owns the
 * model, and PYTHON_VERSION is NULL since models run on ONNX Runtime, not Python. A query lists
 * only the versions of models its session sees.
 */
public final class ModelVersionsTable extends AbstractTable implements ScannableTable {
  private final Store store;
  private final String database;

  public ModelVersionsTable(Store store, String database) {
    this.store = requireNonNull(store, "store is null");
    this.database = requireNonNull(database, "database is null");
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataType text = typeFactory.createSqlType(SqlTypeName.VARCHAR);
    RelDataType nullableText = typeFactory.createTypeWithNullability(text, true);
    RelDataType time = typeFactory.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3);
    return typeFactory
        .builder()
        .add("DATABASE_NAME", text)
        .add("SCHEMA_NAME", text)
        .add("MODEL_NAME", text)
        .add("MODEL_VERSION_NAME", text)
        .add("VERSION_ALIASES", text)
        .add("COMMENT", nullableText)
        .add("OWNER", nullableText)
        .add("CREATED", time)
        .add("LAST_ALTERED", time)
        .add("FUNCTIONS", text)
        .add("MODEL_TYPE", text)
        .add("PYTHON_VERSION", nullableText)
        .add("LANGUAGE", text)
        .add("DEPENDENCIES", text)
        .add("METADATA", text)
        .add("USERDATA", text)
        .build();
  }

  @Override
  public Enumerable<@Nullable Object[]> scan(DataContext root) {
    List<@Nullable Object[]> rows = new ArrayList<>();
    if (store.catalog().database(database).isEmpty()) {
      return Linq4j.asEnumerable(rows);
    }
    AccessView view = store.security().access().view(Session.of(root));
    Map<List<Object>, String> owners = store.security().access().owners(ObjectKind.MODEL);
    for (ModelInfo model : store.models().models(ModelScope.database(database))) {
      if (view.canSee(model)) {
        for (ModelVersionInfo version : model.versions()) {
          rows.add(row(model, version, owners.get(List.of(model.id()))));
        }
      }
    }
    return Linq4j.asEnumerable(rows);
  }

  private static @Nullable Object[] row(
      ModelInfo model, ModelVersionInfo version, @Nullable String owner) {
    return new Object[] {
      model.name().database(),
      model.name().schema(),
      model.name().name(),
      version.name(),
      Json.array(model.aliasesOf(version)),
      version.comment(),
      owner,
      millis(version.createdOn()),
      millis(version.lastAltered()),
      Json.array(version.methodNames()),
      ModelShowCommands.MODEL_TYPE,
      null,
      MethodDescriptions.LANGUAGE,
      "[]",
      version.metadata(),
      "{}"
    };
  }

  /** Calcite holds TIMESTAMP WITH LOCAL TIME ZONE values as milliseconds since the epoch. */
  private static long millis(OffsetDateTime time) {
    return time.toInstant().toEpochMilli();
  }

  @Override
  public Schema.TableType getJdbcTableType() {
    return Schema.TableType.SYSTEM_TABLE;
  }
}
