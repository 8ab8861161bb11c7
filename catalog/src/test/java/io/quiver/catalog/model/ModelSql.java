package io.quiver.catalog.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.quiver.catalog.Catalog;
import io.quiver.catalog.QuiverException;
import io.quiver.catalog.Session;
import io.quiver.catalog.Store;
import io.quiver.catalog.command.CommandContext;
import io.quiver.catalog.command.CommandResult;
import io.quiver.catalog.command.PreparedCommand;
import io.quiver.catalog.command.ResultColumn;
import io.quiver.catalog.security.FileAccess;
import io.quiver.parser.impl.QuiverSqlParserImpl;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Runs model statements as a Quiver connection would: parsed by Quiver's parser, prepared by the
 * model command handler and executed on a real store.
 */
final class ModelSql implements AutoCloseable {
  /** Longer than identifiers may be, so the registry's own limit is what a test meets. */
  private static final int PARSER_IDENTIFIER_LIMIT = 1000;

  private final Store store;
  private final Session session;
  private final ModelCommandHandler handler = new ModelCommandHandler();

  ModelSql(Store store) {
    this.store = store;
    this.session =
        new Session(
            store,
            store.security().administrator(),
            FileAccess.unrestricted(),
            Catalog.DEFAULT_DATABASE,
            Catalog.DEFAULT_SCHEMA);
  }

  static ModelSql inMemory() {
    return new ModelSql(Store.openInMemory());
  }

  Store store() {
    return store;
  }

  Session session() {
    return session;
  }

  ModelRegistry registry() {
    return store.models();
  }

  static SqlNode parse(String sql) {
    SqlParser.Config config =
        SqlParser.config()
            .withParserFactory(QuiverSqlParserImpl.FACTORY)
            .withUnquotedCasing(Casing.TO_UPPER)
            .withQuotedCasing(Casing.UNCHANGED)
            .withQuoting(Quoting.DOUBLE_QUOTE)
            .withIdentifierMaxLength(PARSER_IDENTIFIER_LIMIT);
    try {
      return SqlParser.create(sql, config).parseStmt();
    } catch (SqlParseException e) {
      throw new AssertionError("Cannot parse " + sql + ": " + e.getMessage(), e);
    }
  }

  PreparedCommand prepare(String sql) {
    return prepare(parse(sql));
  }

  PreparedCommand prepare(SqlNode statement) {
    return handler
        .prepare(statement, session)
        .orElseThrow(() -> new AssertionError("Not a model statement: " + statement));
  }

  /** Runs a statement with its parameters and returns what it answered. */
  Result run(String sql, @Nullable Object... parameters) {
    return run(parse(sql), parameters);
  }

  Result run(SqlNode statement, @Nullable Object... parameters) {
    PreparedCommand command = prepare(statement);
    try (Connection connection = store.dataSource().getConnection()) {
      CommandContext context = new CommandContext(session, Arrays.asList(parameters), connection);
      CommandResult result = command.execute(context);
      return new Result(command.columns(), result.rows());
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  /** Runs a statement that must fail, and returns its error. */
  QuiverException fails(String sql, @Nullable Object... parameters) {
    QuiverException error = catchThrowableOfType(QuiverException.class, () -> run(sql, parameters));
    assertThat(error).as("error of %s", sql).isNotNull();
    return error;
  }

  @Override
  public void close() {
    store.close();
  }

  /** A command's columns and rows. */
  record Result(List<ResultColumn> columns, List<Object[]> rows) {
    List<String> columnNames() {
      return columns.stream().map(ResultColumn::name).toList();
    }

    /** The rows as maps from column name to value. */
    List<Map<String, @Nullable Object>> maps() {
      List<Map<String, @Nullable Object>> maps = new ArrayList<>();
      for (Object[] row : rows) {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        for (int index = 0; index < columns.size(); index++) {
          map.put(columns.get(index).name(), row[index]);
        }
        maps.add(map);
      }
      return maps;
    }

    /** The values of one column, in row order. */
    List<@Nullable Object> column(String name) {
      return maps().stream().map(row -> row.get(name)).toList();
    }

    Map<String, @Nullable Object> single() {
      assertThat(rows).hasSize(1);
      return maps().get(0);
    }
  }
}
