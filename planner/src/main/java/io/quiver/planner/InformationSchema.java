package io.quiver.planner;

import io.quiver.catalog.Store;
import io.quiver.catalog.model.ModelVersionsTable;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/** A database's INFORMATION_SCHEMA: views of its catalog that any SELECT can query. */
final class InformationSchema extends AbstractSchema {
  private final Store store;
  private final String database;

  InformationSchema(Store store, String database) {
    this.store = store;
    this.database = database;
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return Map.of("MODEL_VERSIONS", new ModelVersionsTable(store, database));
  }
}
