package io.quiver.catalog.command;

import io.quiver.catalog.Catalog;
import io.quiver.catalog.DatabaseInfo;
import io.quiver.catalog.Names;
import io.quiver.catalog.ObjectName;
import io.quiver.catalog.QuiverException;
import io.quiver.catalog.SchemaInfo;
import io.quiver.catalog.Session;
import io.quiver.catalog.security.AccessControl;
import io.quiver.catalog.security.AccessView;
import io.quiver.catalog.security.Privilege;
import io.quiver.catalog.security.Securable;
import io.quiver.parser.ModelCalls;
import io.quiver.parser.SqlCopyInto;
import io.quiver.parser.SqlCreateDatabase;
import io.quiver.parser.SqlDropDatabase;
import io.quiver.parser.SqlProperty;
import io.quiver.parser.SqlShow;
import io.quiver.parser.SqlUse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.calcite.sql.SqlDescribeTable;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSetOption;
import org.apache.calcite.sql.ddl.SqlCreateSchema;
import org.apache.calcite.sql.ddl.SqlCreateTable;
import org.apache.calcite.sql.ddl.SqlDropSchema;
import org.apache.calcite.sql.ddl.SqlDropTable;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Databases, schemas and tables: their CREATE, DROP, SHOW and DESCRIBE statements, USE, COPY INTO,
 * and the session parameters of ALTER SESSION. Each checks the session's privileges when it runs:
 * creating a database needs ACCOUNTADMIN, a schema CREATE SCHEMA on its database, dropping needs
 * OWNERSHIP, and USE and SHOW see only what the session may use.
 */
public final class DatabaseCommandHandler implements CommandHandler {
  private static final List<ResultColumn> SHOW_DATABASES =
      List.of(
          ResultColumn.timestamp("created_on"),
          ResultColumn.varchar("name"),
          ResultColumn.varchar("is_current"),
          ResultColumn.varchar("comment"));
  private static final List<ResultColumn> SHOW_SCHEMAS =
      List.of(
          ResultColumn.timestamp("created_on"),
          ResultColumn.varchar("name"),
          ResultColumn.varchar("is_current"),
          ResultColumn.varchar("database_name"),
          ResultColumn.varchar("comment"));
  private static final List<ResultColumn> SHOW_TABLES =
      List.of(
          ResultColumn.varchar("name"),
          ResultColumn.varchar("database_name"),
          ResultColumn.varchar("schema_name"),
          ResultColumn.varchar("kind"),
          ResultColumn.bigint("rows"));
  private static final List<ResultColumn> DESCRIBE_TABLE =
      List.of(
          ResultColumn.varchar("name"),
          ResultColumn.varchar("type"),
          ResultColumn.varchar("kind"),
          ResultColumn.varchar("null?"),
          ResultColumn.varchar("default"),
          ResultColumn.varchar("primary key"));

  private final TableCommands tables = new TableCommands();

  @Override
  public Optional<PreparedCommand> prepare(SqlNode statement, Session session) {
    if (statement instanceof SqlCreateDatabase) {
      return Optional.of(createDatabase((SqlCreateDatabase) statement));
    }
    if (statement instanceof SqlDropDatabase) {
      return Optional.of(dropDatabase((SqlDropDatabase) statement));
    }
    if (statement instanceof SqlCreateSchema) {
      return Optional.of(createSchema((SqlCreateSchema) statement));
    }
    if (statement instanceof SqlDropSchema) {
      return Optional.of(dropSchema((SqlDropSchema) statement));
    }
    if (statement instanceof SqlCreateTable) {
      return Optional.of(tables.create((SqlCreateTable) statement));
    }
    if (statement instanceof SqlDropTable) {
      return Optional.of(tables.drop((SqlDropTable) statement));
    }
    if (statement instanceof SqlCopyInto) {
      return Optional.of(tables.copyInto((SqlCopyInto) statement));
    }
    if (statement instanceof SqlUse) {
      return Optional.of(use((SqlUse) statement));
    }
    if (statement instanceof SqlDescribeTable) {
      return Optional.of(describeTable((SqlDescribeTable) statement));
    }
    if (statement instanceof SqlSetOption) {
      return Optional.of(setOption((SqlSetOption) statement));
    }
    if (statement instanceof SqlShow) {
      return show((SqlShow) statement);
    }
    if (statement instanceof SqlInsert
        && ModelCalls.contains(((SqlInsert) statement).getSource())) {
      return Optional.of(tables.insertFromQuery((SqlInsert) statement));
    }
    return Optional.empty();
  }

  private static PreparedCommand createDatabase(SqlCreateDatabase statement) {
    String name = Names.simple(statement.name(), "Database");
    String comment = option(statement.options(), "COMMENT", "CREATE DATABASE");
    return PreparedCommand.update(
        context -> {
          Session session = context.session();
          AccessControl access = access(session);
          access.requireAdministrator(session, "create databases");
          Catalog catalog = session.store().catalog();
          boolean created = catalog.database(name).isEmpty() || statement.getReplace();
          catalog.createDatabase(name, comment, statement.getReplace(), statement.ifNotExists);
          if (created) {
            access.recordOwner(session, Securable.database(catalog.requireDatabase(name)));
            SchemaInfo schema = catalog.requireSchema(name, Catalog.DEFAULT_SCHEMA);
            access.recordOwner(session, Securable.schema(schema));
          }
          session.use(name, Catalog.DEFAULT_SCHEMA);
        });
  }

  private static PreparedCommand dropDatabase(SqlDropDatabase statement) {
    String name = Names.simple(statement.name(), "Database");
    return PreparedCommand.update(
        context -> {
          Session session = context.session();
          AccessControl access = access(session);
          if (statement.ifExists && access.usableDatabase(session, name).isEmpty()) {
            return;
          }
          DatabaseInfo database = access.database(session, name);
          access.require(session, Securable.database(database), "drop", Privilege.OWNERSHIP);
          session.store().catalog().dropDatabase(name, statement.ifExists);
          session.store().models().sweepArtifacts();
          if (session.database().filter(name::equals).isPresent()) {
            session.use(null, null);
          }
        });
  }

  private static PreparedCommand createSchema(SqlCreateSchema statement) {
    return PreparedCommand.update(
        context -> {
          Session session = context.session();
          List<String> name = Names.schema(statement.name, session);
          AccessControl access = access(session);
          DatabaseInfo database = access.database(session, name.get(0));
          access.require(
              session, Securable.database(database), "create schemas in", Privilege.CREATE_SCHEMA);
          Catalog catalog = session.store().catalog();
          Optional<SchemaInfo> existing = catalog.schema(name.get(0), name.get(1));
          if (existing.isPresent() && statement.getReplace()) {
            access.require(
                session, Securable.schema(existing.get()), "replace", Privilege.OWNERSHIP);
          }
          catalog.createSchema(
              name.get(0), name.get(1), statement.getReplace(), statement.ifNotExists);
          if (existing.isEmpty() || statement.getReplace()) {
            SchemaInfo schema = catalog.requireSchema(name.get(0), name.get(1));
            access.recordOwner(session, Securable.schema(schema));
          }
          session.use(name.get(0), name.get(1));
        });
  }

  private static PreparedCommand dropSchema(SqlDropSchema statement) {
    return PreparedCommand.update(
        context -> {
          Session session = context.session();
          List<String> name = Names.schema(statement.name, session);
          AccessControl access = access(session);
          Optional<SchemaInfo> schema = access.usableSchema(session, name.get(0), name.get(1));
          if (statement.ifExists && schema.isEmpty()) {
            return;
          }
          SchemaInfo dropped = access.schema(session, name.get(0), name.get(1));
          access.require(session, Securable.schema(dropped), "drop", Privilege.OWNERSHIP);
          session.store().catalog().dropSchema(name.get(0), name.get(1), statement.ifExists);
          session.store().models().sweepArtifacts();
          if (session.database().filter(name.get(0)::equals).isPresent()
              && session.schema().filter(name.get(1)::equals).isPresent()) {
            session.use(name.get(0), null);
          }
        });
  }

  private static PreparedCommand use(SqlUse statement) {
    return PreparedCommand.update(
        context -> {
          Session session = context.session();
          AccessControl access = access(session);
          List<String> names = statement.name().names;
          boolean database =
              statement.target() == SqlUse.Target.DATABASE
                  || (statement.target() == SqlUse.Target.SCHEMA_OR_DATABASE && names.size() == 1);
          if (database) {
            String name = Names.simple(statement.name(), "Database");
            access.database(session, name);
            boolean hasPublic =
                access.usableSchema(session, name, Catalog.DEFAULT_SCHEMA).isPresent();
            session.use(name, hasPublic ? Catalog.DEFAULT_SCHEMA : null);
            return;
          }
          List<String> schema = Names.schema(statement.name(), session);
          access.schema(session, schema.get(0), schema.get(1));
          session.use(schema.get(0), schema.get(1));
        });
  }

  private PreparedCommand describeTable(SqlDescribeTable statement) {
    return PreparedCommand.query(
        DESCRIBE_TABLE,
        context -> {
          ObjectName name = Names.object(statement.getTable(), context.session());
          SchemaInfo schema = TableCommands.schemaOf(context.session(), name);
          access(context.session()).visibleTable(context.session(), schema, name.name());
          Tables.requireTable(context.session().store(), schema, name);
          List<Object[]> rows = new ArrayList<>();
          for (Tables.Column column :
              Tables.columns(context.session().store(), schema, name.name())) {
            rows.add(
                new Object[] {
                  column.name(),
                  column.type(),
                  "COLUMN",
                  column.nullable() ? "Y" : "N",
                  column.defaultValue(),
                  column.primaryKey() ? "Y" : "N"
                });
          }
          return rows;
        });
  }

  private static PreparedCommand setOption(SqlSetOption statement) {
    String name = String.join(".", statement.getName().names).toUpperCase(Locale.ROOT);
    SqlNode value = statement.getValue();
    return PreparedCommand.update(
        context -> {
          if (value == null) {
            context.session().unsetParameter(name);
            return;
          }
          String text = SqlProperty.textOrNull(value);
          SessionParameters.check(name, text);
          context.session().setParameter(name, text);
        });
  }

  private Optional<PreparedCommand> show(SqlShow statement) {
    switch (statement.objectType()) {
      case DATABASES:
        return Optional.of(PreparedCommand.query(SHOW_DATABASES, c -> databases(statement, c)));
      case SCHEMAS:
        return Optional.of(PreparedCommand.query(SHOW_SCHEMAS, c -> schemas(statement, c)));
      case TABLES:
        return Optional.of(PreparedCommand.query(SHOW_TABLES, c -> tables(statement, c)));
      default:
        return Optional.empty();
    }
  }

  private static List<Object[]> databases(SqlShow statement, CommandContext context) {
    Session session = context.session();
    LikePattern like = LikePattern.of(statement.likePattern());
    AccessView view = access(session).view(session);
    List<Object[]> rows = new ArrayList<>();
    for (DatabaseInfo database : session.store().catalog().databases()) {
      if (like.matches(database.name()) && view.canSee(database)) {
        boolean current = session.database().filter(database.name()::equals).isPresent();
        rows.add(
            new Object[] {
              database.createdOn(), database.name(), current ? "Y" : "N", database.comment()
            });
      }
    }
    return rows;
  }

  private static List<Object[]> schemas(SqlShow statement, CommandContext context) {
    Session session = context.session();
    LikePattern like = LikePattern.of(statement.likePattern());
    AccessView view = access(session).view(session);
    List<SchemaInfo> schemas;
    if (statement.scope() == SqlShow.Scope.ACCOUNT) {
      schemas = session.store().catalog().allSchemas();
    } else {
      String database =
          statement.scopeName() == null
              ? session.requireDatabase()
              : Names.simple(statement.scopeName(), "Database");
      access(session).database(session, database);
      schemas = session.store().catalog().schemas(database);
    }
    List<Object[]> rows = new ArrayList<>();
    for (SchemaInfo schema : schemas) {
      if (like.matches(schema.name()) && view.canSee(schema)) {
        boolean current =
            session.database().filter(schema.database()::equals).isPresent()
                && session.schema().filter(schema.name()::equals).isPresent();
        rows.add(
            new Object[] {
              schema.createdOn(),
              schema.name(),
              current ? "Y" : "N",
              schema.database(),
              schema.comment()
            });
      }
    }
    return rows;
  }

  private static List<Object[]> tables(SqlShow statement, CommandContext context) {
    Session session = context.session();
    LikePattern like = LikePattern.of(statement.likePattern());
    List<Object[]> rows = new ArrayList<>();
    AccessView view = access(session).view(session);
    for (SchemaInfo schema : scopeSchemas(statement, session)) {
      for (String table : Tables.names(session.store(), schema)) {
        if (like.matches(table) && view.canSeeTable(schema, table)) {
          long count = Tables.rowCount(session.store(), schema, table);
          rows.add(new Object[] {table, schema.database(), schema.name(), "TABLE", count});
        }
      }
    }
    return rows;
  }

  /**
   * The schemas a SHOW statement looks in, of those the session may use: the current schema unless
   * IN says otherwise.
   */
  public static List<SchemaInfo> scopeSchemas(SqlShow statement, Session session) {
    Catalog catalog = session.store().catalog();
    AccessControl access = access(session);
    AccessView view = access.view(session);
    switch (statement.scope()) {
      case ACCOUNT:
        return catalog.allSchemas().stream().filter(view::canUse).toList();
      case DATABASE:
        {
          String database =
              statement.scopeName() == null
                  ? session.requireDatabase()
                  : Names.simple(statement.scopeName(), "Database");
          access.database(session, database);
          return catalog.schemas(database).stream().filter(view::canUse).toList();
        }
      case SCHEMA:
        {
          List<String> name =
              statement.scopeName() == null
                  ? List.of(session.requireDatabase(), session.requireSchema())
                  : Names.schema(statement.scopeName(), session);
          return List.of(access.schema(session, name.get(0), name.get(1)));
        }
      default:
        return List.of(access.schema(session, session.requireDatabase(), session.requireSchema()));
    }
  }

  static AccessControl access(Session session) {
    return session.store().security().access();
  }

  /** The text of an option, or null when the statement does not set it. */
  static @Nullable String option(List<SqlProperty> options, String name, String statement) {
    String value = null;
    for (SqlProperty option : options) {
      if (!option.name().equalsIgnoreCase(name)) {
        throw QuiverException.invalid(
            "Option " + option.name() + " is not allowed in " + statement + "; allowed: " + name);
      }
      value = SqlProperty.textOrNull(option.value());
    }
    return value;
  }
}
