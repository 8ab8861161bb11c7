package io.quiver.planner;

import io.quiver.catalog.Session;
import io.quiver.catalog.command.CommandContext;
import io.quiver.catalog.command.CommandResult;
import io.quiver.catalog.command.PreparedCommand;
import io.quiver.catalog.command.ResultColumn;
import java.sql.Connection;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.avatica.AvaticaParameter;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.runtime.Bindable;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Wraps a command as a prepared statement: its result columns and parameters are known when it is
 * prepared, and it runs when the statement executes, with the values bound to it.
 */
final class CommandSignatures {
  private CommandSignatures() {}

  static <T> CalcitePrepare.CalciteSignature<T> of(
      String sql, PreparedCommand command, Session session, CalcitePrepare.Context context) {
    boolean update = command.columns().isEmpty();
    List<ColumnMetaData> columns =
        update ? List.of(column(0, ResultColumn.bigint("ROWCOUNT"))) : columns(command);
    Bindable<T> bindable =
        dataContext ->
            rows(
                command,
                new CommandContext(session, parameters(dataContext, command), connection(context)),
                update);
    return new CalcitePrepare.CalciteSignature<>(
        sql,
        parameters(command),
        Map.of(),
        null,
        columns,
        columns.size() == 1 ? Meta.CursorFactory.OBJECT : Meta.CursorFactory.ARRAY,
        context.getRootSchema(),
        List.of(),
        -1,
        bindable,
        update ? Meta.StatementType.IS_DML : Meta.StatementType.SELECT);
  }

  @SuppressWarnings("unchecked")
  private static <T> Enumerable<T> rows(
      PreparedCommand command, CommandContext context, boolean update) {
    CommandResult result = command.execute(context);
    if (update) {
      return (Enumerable<T>) Linq4j.singletonEnumerable(Math.max(result.updateCount(), 0L));
    }
    List<Object> rows = new ArrayList<>();
    for (Object[] row : result.rows()) {
      Object[] converted = new Object[row.length];
      for (int i = 0; i < row.length; i++) {
        converted[i] = toJdbc(row[i]);
      }
      rows.add(converted.length == 1 ? converted[0] : converted);
    }
    return (Enumerable<T>) Linq4j.asEnumerable(rows);
  }

  private static @Nullable Object toJdbc(@Nullable Object value) {
    if (value instanceof OffsetDateTime) {
      return Timestamp.from(((OffsetDateTime) value).toInstant());
    }
    return value;
  }

  private static Connection connection(CalcitePrepare.Context context) {
    return (Connection) context.getDataContext().getQueryProvider();
  }

  private static List<@Nullable Object> parameters(
      DataContext dataContext, PreparedCommand command) {
    List<@Nullable Object> values = new ArrayList<>();
    for (int i = 0; i < command.parameterTypes().size(); i++) {
      Object value = dataContext.get("?" + i);
      values.add(value instanceof ByteString ? ((ByteString) value).getBytes() : value);
    }
    return values;
  }

  private static List<AvaticaParameter> parameters(PreparedCommand command) {
    List<AvaticaParameter> parameters = new ArrayList<>();
    for (int type : command.parameterTypes()) {
      boolean binary = type == Types.VARBINARY || type == Types.BINARY;
      parameters.add(
          new AvaticaParameter(
              false,
              0,
              0,
              type,
              binary ? "VARBINARY" : "VARCHAR",
              binary ? byte[].class.getName() : String.class.getName(),
              "?" + parameters.size()));
    }
    return parameters;
  }

  private static List<ColumnMetaData> columns(PreparedCommand command) {
    List<ColumnMetaData> columns = new ArrayList<>();
    for (ResultColumn column : command.columns()) {
      columns.add(column(columns.size(), column));
    }
    return columns;
  }

  private static ColumnMetaData column(int ordinal, ResultColumn column) {
    int jdbcType =
        column.jdbcType() == Types.TIMESTAMP_WITH_TIMEZONE ? Types.TIMESTAMP : column.jdbcType();
    ColumnMetaData.AvaticaType type =
        ColumnMetaData.scalar(jdbcType, typeName(jdbcType), representation(jdbcType));
    return new ColumnMetaData(
        ordinal,
        false,
        true,
        false,
        false,
        java.sql.ResultSetMetaData.columnNullable,
        true,
        -1,
        column.name(),
        column.name(),
        null,
        -1,
        -1,
        null,
        null,
        type,
        true,
        false,
        false,
        type.columnClassName());
  }

  private static String typeName(int jdbcType) {
    switch (jdbcType) {
      case Types.BIGINT:
        return "BIGINT";
      case Types.INTEGER:
        return "INTEGER";
      case Types.BOOLEAN:
        return "BOOLEAN";
      case Types.TIMESTAMP:
        return "TIMESTAMP";
      case Types.DOUBLE:
        return "DOUBLE";
      default:
        return "VARCHAR";
    }
  }

  private static ColumnMetaData.Rep representation(int jdbcType) {
    switch (jdbcType) {
      case Types.BIGINT:
        return ColumnMetaData.Rep.LONG;
      case Types.INTEGER:
        return ColumnMetaData.Rep.INTEGER;
      case Types.BOOLEAN:
        return ColumnMetaData.Rep.BOOLEAN;
      case Types.TIMESTAMP:
        return ColumnMetaData.Rep.JAVA_SQL_TIMESTAMP;
      case Types.DOUBLE:
        return ColumnMetaData.Rep.DOUBLE;
      default:
        return ColumnMetaData.Rep.STRING;
    }
  }
}
