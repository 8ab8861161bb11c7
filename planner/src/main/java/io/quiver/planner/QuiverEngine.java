package io.quiver.planner;

import static java.util.Objects.requireNonNull;

import io.quiver.catalog.Session;
import io.quiver.catalog.Store;
import io.quiver.catalog.calcite.CalciteCatalog;
import io.quiver.catalog.command.CommandHandler;
import io.quiver.catalog.command.DatabaseCommandHandler;
import io.quiver.catalog.command.PreparedCommand;
import io.quiver.catalog.model.ModelCommandHandler;
import io.quiver.catalog.security.SecurityCommandHandler;
import io.quiver.runtime.session.ModelSessionCache;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlNode;

/**
 * What every connection to one store shares: the catalog as Calcite sees it, and the handlers of
 * the statements Quiver runs itself.
 */
public final class QuiverEngine {
  private static final Map<Store, QuiverEngine> ENGINES = new ConcurrentHashMap<>();

  private final CalciteCatalog calciteCatalog;
  private final List<CommandHandler> handlers;

  private QuiverEngine(Store store) {
    requireNonNull(store, "store is null");
    this.calciteCatalog =
        new CalciteCatalog(
            store,
            new ModelFunctions(),
            database ->
                Map.of(CalciteCatalog.INFORMATION_SCHEMA, new InformationSchema(store, database)));
    this.handlers =
        List.of(
            new SecurityCommandHandler(store),
            new DatabaseCommandHandler(),
            new ModelCommandHandler());
    store.models().onVersionReleased(ModelSessionCache.shared()::release);
  }

  /** The engine of a store, created on first use. */
  public static QuiverEngine of(Store store) {
    return ENGINES.computeIfAbsent(store, QuiverEngine::new);
  }

  /** Forgets a store's engine when the store closes. */
  public static void release(Store store) {
    ENGINES.remove(store);
  }

  /** Adds the functions every connection has, such as SYSTEM$GET_TAG, to its root schema. */
  public static void addSystemFunctions(SchemaPlus root) {
    root.add(GetTagFunction.NAME, new GetTagFunction());
  }

  public CalciteCatalog calciteCatalog() {
    return calciteCatalog;
  }

  /** The command for a statement Quiver runs itself; empty for queries and DML. */
  Optional<PreparedCommand> prepare(SqlNode statement, Session session) {
    for (CommandHandler handler : handlers) {
      Optional<PreparedCommand> command = handler.prepare(statement, session);
      if (command.isPresent()) {
        return command;
      }
    }
    return Optional.empty();
  }
}
