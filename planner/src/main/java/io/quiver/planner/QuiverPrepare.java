package io.quiver.planner;

import io.quiver.catalog.QuiverException;
import io.quiver.catalog.Session;
import io.quiver.catalog.command.PreparedCommand;
import java.lang.reflect.Type;
import java.util.Optional;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.schema.impl.LongSchemaVersion;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's statement preparation, with Quiver's additions: statements Quiver runs itself (DDL,
 * SHOW, USE, COPY, GRANT) become commands, which check privileges as they run; names resolve
 * against the session's database and schema; queries and DML need USAGE on the models they call and
 * privileges on the tables they touch, checked when prepared and again as they run; CURRENT_USER
 * and CURRENT_ROLE answer from the session; and queries get Quiver's planner rules.
 *
 * <p>Calcite makes one instance for each statement it prepares.
 */
public class QuiverPrepare extends CalcitePrepareImpl {
  private @Nullable StatementPrivileges privileges;

  @Override
  public <T> CalciteSignature<T> prepareSql(
      Context context, Query<T> query, Type elementType, long maxRowCount) {
    if (query.sql == null) {
      return super.prepareSql(context, query, elementType, maxRowCount);
    }
    Session session = session(context);
    Context fresh = synchronize(context, session);
    SqlNode statement = parse(fresh.config(), query.sql);
    Optional<PreparedCommand> command =
        QuiverEngine.of(session.store()).prepare(statement, session);
    if (command.isPresent()) {
      return CommandSignatures.of(query.sql, command.get(), session, fresh);
    }
    StatementPrivileges needed = new StatementPrivileges(session);
    privileges = needed;
    try {
      CalciteSignature<T> prepared =
          Signatures.reportingErrors(super.prepareSql(fresh, query, elementType, maxRowCount));
      if (wantsJsonResults(context)) {
        prepared = JsonResults.of(prepared, context.getTypeFactory());
      }
      return needed.checkedEachRun(prepared);
    } catch (CalciteContextException e) {
      throw ValidationErrors.translate(e, session);
    }
  }

  private static boolean wantsJsonResults(Context context) {
    CalciteConnection connection = (CalciteConnection) context.getDataContext().getQueryProvider();
    return Boolean.TRUE.equals(connection.getProperties().get(JsonResults.PROPERTY));
  }

  static Session session(Context context) {
    return Session.of((CalciteConnection) context.getDataContext().getQueryProvider());
  }

  /**
   * Brings the connection's root schema up to date with the catalog's databases; when that changes
   * anything, the statement sees a new snapshot of the root.
   */
  private static Context synchronize(Context context, Session session) {
    boolean changed =
        QuiverEngine.of(session.store())
            .calciteCatalog()
            .synchronize(context.getMutableRootSchema().plus(), session);
    if (!changed) {
      return context;
    }
    CalciteSchema snapshot =
        context.getMutableRootSchema().createSnapshot(new LongSchemaVersion(System.nanoTime()));
    return new ForwardingContext(context, snapshot);
  }

  /** Parses one statement, reporting a syntax error by line, column and the token found. */
  static SqlNode parse(CalciteConnectionConfig config, String sql) {
    SqlParser parser = SqlParser.create(sql, parserConfig(config));
    try {
      return parser.parseStmt();
    } catch (SqlParseException e) {
      throw QuiverException.invalid(SyntaxErrors.describe(e, sql));
    }
  }

  static SqlParser.Config parserConfig(CalciteConnectionConfig config) {
    return SqlParser.config()
        .withParserFactory(io.quiver.parser.impl.QuiverSqlParserImpl.FACTORY)
        .withQuotedCasing(config.quotedCasing())
        .withUnquotedCasing(config.unquotedCasing())
        .withQuoting(config.quoting())
        .withConformance(config.conformance())
        .withCaseSensitive(config.caseSensitive())
        .withIdentifierMaxLength(io.quiver.catalog.Catalog.MAX_IDENTIFIER_LENGTH);
  }

  @Override
  protected CalcitePreparingStmt getPreparingStmt(
      Context context,
      Type elementType,
      CalciteCatalogReader catalogReader,
      RelOptPlanner planner) {
    CalciteCatalogReader sessionReader =
        SessionCatalogReader.of(
            context.getRootSchema(), session(context), context.getTypeFactory(), context.config());
    EnumerableRel.Prefer prefer =
        elementType == Object[].class ? EnumerableRel.Prefer.ARRAY : EnumerableRel.Prefer.CUSTOM;
    return new QuiverPreparingStmt(
        this,
        context,
        sessionReader,
        context.getTypeFactory(),
        context.getRootSchema(),
        prefer,
        createCluster(planner, new RexBuilder(context.getTypeFactory())),
        EnumerableConvention.INSTANCE,
        createConvertletTable(),
        privileges == null ? new StatementPrivileges(session(context)) : privileges);
  }

  @Override
  protected SqlRexConvertletTable createConvertletTable() {
    return ModelOutputFields.convertlets(
        SessionFunctions.convertlets(super.createConvertletTable()));
  }
}
