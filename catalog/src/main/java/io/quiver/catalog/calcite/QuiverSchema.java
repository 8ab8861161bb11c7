package io.quiver.catalog.calcite;

import static java.util.Objects.requireNonNull;

import io.quiver.catalog.ObjectName;
import io.quiver.catalog.SchemaInfo;
import io.quiver.catalog.Session;
import io.quiver.catalog.Store;
import io.quiver.catalog.model.ModelInfo;
import io.quiver.catalog.security.AccessView;
import io.quiver.catalog.security.Privilege;
import io.quiver.catalog.security.Securable;
import io.quiver.parser.ModelFunctionName;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.adapter.jdbc.JdbcSchema;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.rel.type.RelProtoDataType;
import org.apache.calcite.schema.Function;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.Wrapper;
import org.apache.calcite.schema.lookup.LikePattern;
import org.apache.calcite.schema.lookup.Lookup;
import org.apache.calcite.schema.lookup.Named;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlDialectFactoryImpl;
import org.apache.calcite.util.BuiltInMethod;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A schema as a session sees it: the tables of its H2 schema on which the session holds a
 * privilege, reached through Calcite's JDBC adapter so that scans, filters and projections run in
 * H2, and as functions the methods of the models the session may call (with USAGE or OWNERSHIP).
 */
final class QuiverSchema implements Schema, Wrapper {
  private final Store store;
  private final SchemaInfo schema;
  private final Session session;
  private final FunctionSource functionSource;
  private final JdbcSchema tables;

  QuiverSchema(Store store, SchemaInfo schema, Session session, FunctionSource functionSource) {
    this.store = requireNonNull(store, "store is null");
    this.schema = requireNonNull(schema, "schema is null");
    this.session = requireNonNull(session, "session is null");
    this.functionSource = requireNonNull(functionSource, "functionSource is null");
    SqlDialect dialect =
        JdbcSchema.createDialect(SqlDialectFactoryImpl.INSTANCE, store.dataSource());
    JdbcConvention convention =
        JdbcConvention.of(dialect, expression(schema), "H2_" + schema.storageSchema());
    this.tables =
        new JdbcSchema(store.dataSource(), dialect, convention, null, schema.storageSchema());
  }

  /** How generated code finds this schema: {@code root.getSubSchema(db).getSubSchema(s)}. */
  private static Expression expression(SchemaInfo schema) {
    Expression root =
        Expressions.call(DataContext.ROOT, BuiltInMethod.DATA_CONTEXT_GET_ROOT_SCHEMA.method);
    Expression database =
        Expressions.call(
            root,
            BuiltInMethod.SCHEMA_GET_SUB_SCHEMA.method,
            Expressions.constant(schema.database()));
    return Expressions.call(
        database, BuiltInMethod.SCHEMA_GET_SUB_SCHEMA.method, Expressions.constant(schema.name()));
  }

  @Override
  public Lookup<Table> tables() {
    return new VisibleTables(tables.tables());
  }

  @Override
  public Collection<Function> getFunctions(String name) {
    if (!callable(name)) {
      return List.of();
    }
    return functionSource.functions(store, schema, name);
  }

  @Override
  public Set<String> getFunctionNames() {
    Map<String, Boolean> callableModels = new HashMap<>();
    return functionSource.functionNames(store, schema).stream()
        .filter(
            function ->
                ModelFunctionName.decode(function)
                    .map(parts -> callableModels.computeIfAbsent(parts.model(), this::mayCall))
                    .orElse(false))
        .collect(Collectors.toSet());
  }

  /** Whether a function is the method of a model the session may call. */
  private boolean callable(String function) {
    Optional<ModelFunctionName> parts = ModelFunctionName.decode(function);
    return parts.isPresent() && mayCall(parts.get().model());
  }

  /** Whether the session may call the methods of a model of this schema: USAGE or OWNERSHIP. */
  private boolean mayCall(String modelName) {
    ObjectName name = new ObjectName(schema.database(), schema.name(), modelName);
    Optional<ModelInfo> model = store.security().access().visibleModel(session, name);
    return model.isPresent() && view().holds(Securable.model(model.get()), Privilege.USAGE);
  }

  private AccessView view() {
    return store.security().access().view(session);
  }

  /** The tables of the H2 schema that the session sees. */
  private final class VisibleTables implements Lookup<Table> {
    private final Lookup<Table> all;

    VisibleTables(Lookup<Table> all) {
      this.all = all;
    }

    @Override
    public @Nullable Table get(String name) {
      return visible(name) ? all.get(name) : null;
    }

    @Override
    public @Nullable Named<Table> getIgnoreCase(String name) {
      Named<Table> table = all.getIgnoreCase(name);
      return table != null && visible(table.name()) ? table : null;
    }

    @Override
    public Set<String> getNames(LikePattern pattern) {
      return all.getNames(pattern).stream().filter(this::visible).collect(Collectors.toSet());
    }

    private boolean visible(String table) {
      return view().canSeeTable(schema, table);
    }
  }

  @Override
  public Lookup<? extends Schema> subSchemas() {
    return Lookup.empty();
  }

  @Deprecated
  @Override
  public @Nullable Table getTable(String name) {
    return tables().get(name);
  }

  @Deprecated
  @Override
  public Set<String> getTableNames() {
    return tables().getNames(LikePattern.any());
  }

  @Deprecated
  @Override
  public @Nullable Schema getSubSchema(String name) {
    return null;
  }

  @Deprecated
  @Override
  public Set<String> getSubSchemaNames() {
    return Set.of();
  }

  @Override
  public @Nullable RelProtoDataType getType(String name) {
    return null;
  }

  @Override
  public Set<String> getTypeNames() {
    return Set.of();
  }

  @Override
  public Expression getExpression(@Nullable SchemaPlus parentSchema, String name) {
    return expression(schema);
  }

  @Override
  public <C extends Object> @Nullable C unwrap(Class<C> type) {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    if (type.isInstance(tables)) {
      return type.cast(tables);
    }
    if (type.isInstance(store.dataSource())) {
      return type.cast(store.dataSource());
    }
    return null;
  }

  @Override
  public boolean isMutable() {
    return false;
  }

  @Override
  public Schema snapshot(org.apache.calcite.schema.SchemaVersion version) {
    return this;
  }
}
