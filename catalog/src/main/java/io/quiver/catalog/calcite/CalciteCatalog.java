package io.quiver.catalog.calcite;

import static java.util.Objects.requireNonNull;

import io.quiver.catalog.DatabaseInfo;
import io.quiver.catalog.Store;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.SchemaPlus;

/**
 * Shows the catalog to Calcite: one schema under the root for each database, each holding its
 * schemas, and for each database the system schemas (such as INFORMATION_SCHEMA) it is given.
 */
public final class CalciteCatalog {
  /** The schema of each database that holds its views of the catalog. */
  public static final String INFORMATION_SCHEMA = "INFORMATION_SCHEMA";

  /** The schema Calcite adds to every root for its own metadata tables. */
  private static final String METADATA_SCHEMA = "metadata";

  private final Store store;
  private final FunctionSource functionSource;
  private final Function<String, Map<String, Schema>> systemSchemas;

  public CalciteCatalog(
      Store store,
      FunctionSource functionSource,
      Function<String, Map<String, Schema>> systemSchemas) {
    this.store = requireNonNull(store, "store is null");
    this.functionSource = requireNonNull(functionSource, "functionSource is null");
    this.systemSchemas = requireNonNull(systemSchemas, "systemSchemas is null");
  }

  /**
   * Makes the root's database schemas match the catalog's databases; returns whether anything
   * changed.
   */
  public boolean synchronize(SchemaPlus rootPlus) {
    boolean changed = false;
    CalciteSchema root = rootPlus.unwrap(CalciteSchema.class);
    Set<String> databases = new HashSet<>();
    for (DatabaseInfo database : store.catalog().databases()) {
      databases.add(database.name());
      if (root.getSubSchema(database.name(), true) == null) {
        root.add(database.name(), databaseSchema(database.name()));
        changed = true;
      }
    }
    for (String name : new HashSet<>(root.getSubSchemaMap().keySet())) {
      if (!databases.contains(name) && !name.equals(METADATA_SCHEMA)) {
        root.removeSubSchema(name);
        changed = true;
      }
    }
    return changed;
  }

  private Schema databaseSchema(String database) {
    return new DatabaseSchema(store, database, functionSource, systemSchemas.apply(database));
  }
}
