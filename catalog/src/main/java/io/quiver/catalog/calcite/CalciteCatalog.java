package io.quiver.catalog.calcite;

import static java.util.Objects.requireNonNull;

import io.quiver.catalog.DatabaseInfo;
import io.quiver.catalog.Session;
import io.quiver.catalog.Store;
import io.quiver.catalog.security.AccessView;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.SchemaPlus;

/**
 * Shows the catalog to a connection's Calcite root: one schema for each database its session may
 * use, each holding the schemas the session may use, and for each database the system schemas (such
 * as INFORMATION_SCHEMA) it is given. Databases, schemas and tables the session cannot see are
 * absent, so a query that names them fails as if they did not exist.
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
   * Makes the root's database schemas match the databases the session may use; returns whether
   * anything changed.
   */
  public boolean synchronize(SchemaPlus rootPlus, Session session) {
    boolean changed = false;
    CalciteSchema root = rootPlus.unwrap(CalciteSchema.class);
    AccessView view = store.security().access().view(session);
    Set<String> databases = new HashSet<>();
    for (DatabaseInfo database : store.catalog().databases()) {
      if (!view.canUse(database)) {
        continue;
      }
      databases.add(database.name());
      if (root.getSubSchema(database.name(), true) == null) {
        root.add(database.name(), databaseSchema(database.name(), session));
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

  private Schema databaseSchema(String database, Session session) {
    return new DatabaseSchema(
        store, database, session, functionSource, systemSchemas.apply(database));
  }
}
