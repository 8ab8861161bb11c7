package io.quiver.catalog.command;

import io.quiver.catalog.Catalog;
import io.quiver.catalog.Names;
import io.quiver.catalog.ObjectName;
import io.quiver.catalog.QuiverException;
import io.quiver.catalog.SchemaInfo;
import io.quiver.catalog.Session;
import io.quiver.catalog.Store;
import io.quiver.catalog.security.AccessControl;
import io.quiver.catalog.security.Privilege;
import io.quiver.catalog.security.Securable;
import io.quiver.parser.SqlCopyInto;
import io.quiver.parser.SqlProperties;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.ddl.SqlColumnDeclaration;
import org.apache.calcite.sql.ddl.SqlCreateTable;
import org.apache.calcite.sql.ddl.SqlDropTable;
import org.apache.calcite.sql.ddl.SqlKeyConstraint;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.dialect.H2SqlDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CREATE TABLE (with columns, or AS a query), DROP TABLE and COPY INTO. Creating a table needs
 * CREATE TABLE on its schema, and the session's role owns it; dropping or replacing it needs
 * OWNERSHIP; loading rows needs INSERT.
 */
final class TableCommands {
  private static final Logger LOG = LoggerFactory.getLogger(TableCommands.class);

  /** The schema a table name resolves to, if the session may use it. */
  static SchemaInfo schemaOf(Session session, ObjectName table) {
    return access(session).schema(session, table.database(), table.schema());
  }

  private static AccessControl access(Session session) {
    return session.store().security().access();
  }

  PreparedCommand create(SqlCreateTable statement) {
    if (statement.columnList == null && statement.query == null) {
      throw QuiverException.invalid(
          "CREATE TABLE " + statement.name + " needs a column list or AS <query>");
    }
    return PreparedCommand.update(context -> create(statement, context));
  }

  private void create(SqlCreateTable statement, CommandContext context) {
    Session session = context.session();
    ObjectName name = Names.object(statement.name, session);
    Catalog.checkIdentifier("Table", name.name());
    SchemaInfo schema = schemaOf(session, name);
    AccessControl access = access(session);
    access.require(session, Securable.schema(schema), "create tables in", Privilege.CREATE_TABLE);
    Store store = session.store();
    if (Tables.exists(store, schema, name.name())) {
      if (statement.ifNotExists) {
        return;
      }
      if (!statement.getReplace()) {
        throw QuiverException.alreadyExists("Table " + name + " already exists");
      }
      access.table(session, schema, name.name(), "replace", Privilege.OWNERSHIP);
    }
    List<String> columns =
        statement.query == null
            ? declaredColumns(statement)
            : queryColumns(statement.query, statement.columnList, context);
    String staging = statement.getReplace() ? "QUIVER$NEW$" + name.name() : name.name();
    store.execute(
        "CREATE TABLE " + Tables.h2Name(schema, staging) + " (" + String.join(", ", columns) + ")");
    try {
      if (statement.query != null) {
        populate(new ObjectName(name.database(), name.schema(), staging), statement.query, context);
      }
    } catch (RuntimeException e) {
      store.execute("DROP TABLE IF EXISTS " + Tables.h2Name(schema, staging));
      throw e;
    }
    if (!staging.equals(name.name())) {
      replace(store, schema, staging, name.name());
    }
    access.recordNewTable(session, schema, name.name());
    LOG.debug("Created table {}", name);
  }

  /** Moves a fully built table into place of the one it replaces. */
  private static void replace(Store store, SchemaInfo schema, String staging, String table) {
    store.transaction(
        connection -> {
          try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + Tables.h2Name(schema, table));
            statement.execute(
                "ALTER TABLE "
                    + Tables.h2Name(schema, staging)
                    + " RENAME TO "
                    + Tables.quote(table));
          }
          return null;
        });
  }

  private static List<String> declaredColumns(SqlCreateTable statement) {
    List<String> columns = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (SqlNode element : statement.columnList) {
      if (element instanceof SqlColumnDeclaration) {
        SqlColumnDeclaration column = (SqlColumnDeclaration) element;
        String name = column.name.getSimple();
        if (!names.add(name)) {
          throw QuiverException.invalid("Column " + name + " is declared twice");
        }
        columns.add(columnDefinition(column));
      } else if (element instanceof SqlKeyConstraint) {
        columns.add(element.toSqlString(H2SqlDialect.DEFAULT).getSql());
      }
    }
    return columns;
  }

  private static String columnDefinition(SqlColumnDeclaration column) {
    StringBuilder definition =
        new StringBuilder(Tables.quote(column.name.getSimple()))
            .append(' ')
            .append(ColumnTypes.fromDeclared(column.dataType));
    if (Boolean.FALSE.equals(column.dataType.getNullable())) {
      definition.append(" NOT NULL");
    }
    if (column.expression != null) {
      definition
          .append(" DEFAULT ")
          .append(column.expression.toSqlString(H2SqlDialect.DEFAULT).getSql());
    }
    return definition.toString();
  }

  /** The columns of a query's result, typed as H2 will store them. */
  private static List<String> queryColumns(
      SqlNode query, org.apache.calcite.sql.SqlNodeList names, CommandContext context) {
    try (PreparedStatement prepared = context.connection().prepareStatement(sqlOf(query))) {
      ResultSetMetaData metaData = prepared.getMetaData();
      if (names != null && names.size() != metaData.getColumnCount()) {
        throw QuiverException.invalid(
            "CREATE TABLE names "
                + names.size()
                + " columns but its query returns "
                + metaData.getColumnCount());
      }
      List<String> columns = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (int i = 1; i <= metaData.getColumnCount(); i++) {
        String name =
            names == null ? metaData.getColumnLabel(i) : SqlNodeNames.simple(names.get(i - 1));
        if (!seen.add(name)) {
          throw QuiverException.invalid(
              "The query returns two columns named " + name + "; give them distinct aliases");
        }
        columns.add(Tables.quote(name) + " " + ColumnTypes.fromResult(metaData, i));
      }
      return columns;
    } catch (SQLException e) {
      throw QuiverException.invalid(e.getMessage());
    }
  }

  private static void populate(ObjectName table, SqlNode query, CommandContext context) {
    SchemaInfo schema = schemaOf(context.session(), table);
    QueryCopier.copy(context, sqlOf(query), schema, table.name(), null);
  }

  /**
   * {@code INSERT INTO t [(columns)] <query>} whose query calls models: Quiver runs the query and
   * writes its rows into H2 in one transaction, as Calcite's own INSERT can write only what H2
   * computes itself.
   */
  PreparedCommand insertFromQuery(SqlInsert insert) {
    return PreparedCommand.counting(
        context -> {
          Session session = context.session();
          ObjectName name = Names.object((SqlIdentifier) insert.getTargetTable(), session);
          SchemaInfo schema = schemaOf(session, name);
          access(session).table(session, schema, name.name(), "insert into", Privilege.INSERT);
          Tables.requireTable(session.store(), schema, name);
          List<String> columns =
              insert.getTargetColumnList() == null
                  ? null
                  : SqlProperties.names(insert.getTargetColumnList());
          return QueryCopier.copy(context, sqlOf(insert.getSource()), schema, name.name(), columns);
        });
  }

  /** A query as SQL text that Quiver's parser reads back to the same query. */
  static String sqlOf(SqlNode query) {
    return query.toSqlString(CalciteSqlDialect.DEFAULT).getSql();
  }

  PreparedCommand drop(SqlDropTable statement) {
    return PreparedCommand.update(
        context -> {
          Session session = context.session();
          ObjectName name = Names.object(statement.name, session);
          AccessControl access = access(session);
          Optional<SchemaInfo> usable =
              access.usableSchema(session, name.database(), name.schema());
          boolean visible =
              usable.isPresent()
                  && Tables.exists(session.store(), usable.get(), name.name())
                  && access.canSeeTable(session, usable.get(), name.name());
          if (!visible && statement.ifExists) {
            return;
          }
          SchemaInfo schema = schemaOf(session, name);
          access.table(session, schema, name.name(), "drop", Privilege.OWNERSHIP);
          Tables.requireTable(session.store(), schema, name);
          access.forgetTable(schema, name.name());
          session.store().execute("DROP TABLE " + Tables.h2Name(schema, name.name()));
        });
  }

  PreparedCommand copyInto(SqlCopyInto statement) {
    CsvLoader.Options options = CsvLoader.Options.of(statement.options());
    return PreparedCommand.query(
        CsvLoader.RESULT_COLUMNS,
        context -> {
          Session session = context.session();
          ObjectName name = Names.object(statement.table(), session);
          SchemaInfo schema = schemaOf(session, name);
          access(session).table(session, schema, name.name(), "load into", Privilege.INSERT);
          Tables.requireTable(session.store(), schema, name);
          Path file = session.files().readable(statement.sourcePath());
          Object[] result = new CsvLoader(session.store(), schema, name, options).load(file);
          return java.util.Collections.singletonList(result);
        });
  }
}
