package io.quiver.catalog.calcite;

import static java.util.Objects.requireNonNull;

import io.quiver.catalog.SchemaInfo;
import io.quiver.catalog.Session;
import io.quiver.catalog.Store;
import io.quiver.catalog.security.AccessView;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.SchemaVersion;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * A database as a session sees it: the schemas it may use, read from the catalog at each statement.
 */
final class DatabaseSchema extends AbstractSchema {
  private final Store store;
  private final String database;
  private final Session session;
  private final FunctionSource functionSource;
  private final Map<String, Schema> systemSchemas;

  DatabaseSchema(
      Store store,
      String database,
      Session session,
      FunctionSource functionSource,
      Map<String, Schema> system) {
    this.store = requireNonNull(store, "store is null");
    this.database = requireNonNull(database, "database is null");
    this.session = requireNonNull(session, "session is null");
    this.functionSource = requireNonNull(functionSource, "functionSource is null");
    this.systemSchemas = Map.copyOf(system);
  }

  @Override
  protected Map<String, Schema> getSubSchemaMap() {
    Map<String, Schema> schemas = new LinkedHashMap<>(systemSchemas);
    AccessView view = store.security().access().view(session);
    for (SchemaInfo schema : store.catalog().schemas(database)) {
      if (view.canUse(schema)) {
        schemas.put(schema.name(), new QuiverSchema(store, schema, session, functionSource));
      }
    }
    return schemas;
  }

  @Override
  public boolean isMutable() {
    return false;
  }

  @Override
  public Schema snapshot(SchemaVersion version) {
    return this;
  }
}
