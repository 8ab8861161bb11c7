package io.quiver.planner;

import io.quiver.runtime.batch.ArgumentColumns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.adapter.jdbc.JdbcConvention;
import org.apache.calcite.adapter.jdbc.JdbcImplementor;
import org.apache.calcite.adapter.jdbc.JdbcRel;
import org.apache.calcite.adapter.jdbc.JdbcToEnumerableConverter;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Primitive;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.schema.Schemas;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlString;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The H2 query beneath a model call, read by the call itself: the arguments go straight from the
 * result set into typed batch columns, and only the forwarded fields are boxed, as Calcite's JDBC
 * adapter would box them. Rows of other inputs, or of queries with parameters or with columns whose
 * values Calcite converts (dates, times, arrays, binary strings), go the general way.
 *
 * @param sql the query H2 runs
 * @param argumentColumns the 1-based result set column of each argument
 * @param argumentKinds how each argument's batch column holds its values
 * @param forwardedColumns the 1-based result set column of each forwarded field
 * @param forwardedGetters how each forwarded field is read
 */
public record JdbcScan(
    String sql,
    int[] argumentColumns,
    List<ArgumentColumns.Kind> argumentKinds,
    int[] forwardedColumns,
    List<Getter> forwardedGetters) {
  private static final Set<SqlTypeName> READ_AS_JDBC_GIVES =
      EnumSet.of(
          SqlTypeName.BOOLEAN,
          SqlTypeName.TINYINT,
          SqlTypeName.SMALLINT,
          SqlTypeName.INTEGER,
          SqlTypeName.BIGINT,
          SqlTypeName.DECIMAL,
          SqlTypeName.REAL,
          SqlTypeName.FLOAT,
          SqlTypeName.DOUBLE,
          SqlTypeName.CHAR,
          SqlTypeName.VARCHAR);

  /** The scan a model call over this input can read itself, or null when it cannot. */
  static @Nullable JdbcScan of(RelNode input, ModelCallSpec spec) {
    if (!(input instanceof JdbcToEnumerableConverter converter)) {
      return null;
    }
    RelDataType rowType = converter.getRowType();
    boolean readable =
        IntStream.concat(IntStream.of(spec.argumentFields()), IntStream.of(spec.forwardedFields()))
            .allMatch(
                field ->
                    READ_AS_JDBC_GIVES.contains(
                        rowType.getFieldList().get(field).getType().getSqlTypeName()));
    if (!readable) {
      return null;
    }
    SqlString sql = sql(converter);
    if (sql.getDynamicParameters() != null && !sql.getDynamicParameters().isEmpty()) {
      return null;
    }

    PhysType physType =
        PhysTypeImpl.of(
            (JavaTypeFactory) converter.getCluster().getTypeFactory(),
            rowType,
            JavaRowFormat.ARRAY);
    List<ArgumentColumns.Kind> kinds = new ArrayList<>();
    for (int field : spec.argumentFields()) {
      kinds.add(kindOf(rowType.getFieldList().get(field).getType().getSqlTypeName()));
    }
    List<Getter> getters = new ArrayList<>();
    for (int field : spec.forwardedFields()) {
      getters.add(Getter.of(Primitive.ofBoxOr(physType.fieldClass(field))));
    }
    return new JdbcScan(
        sql.getSql(),
        columnsOf(spec.argumentFields()),
        List.copyOf(kinds),
        columnsOf(spec.forwardedFields()),
        List.copyOf(getters));
  }

  /** The expression that finds the data source of the converter's schema at run time. */
  static Expression dataSource(RelNode input) {
    JdbcRel jdbc = (JdbcRel) ((JdbcToEnumerableConverter) input).getInput();
    JdbcConvention convention = (JdbcConvention) jdbc.getConvention();
    return Schemas.unwrap(convention.expression, DataSource.class);
  }

  /**
   * Reads the arguments of the result set's current row into row {@code row} of the columns. A
   * number getter returns 0 for NULL, so only a 0 is checked for being NULL.
   */
  void readArguments(ResultSet resultSet, ArgumentColumns columns, int row) throws SQLException {
    for (int argument = 0; argument < argumentColumns.length; argument++) {
      int column = argumentColumns[argument];
      switch (argumentKinds.get(argument)) {
        case FLOAT -> {
          float value = resultSet.getFloat(column);
          if (value == 0 && resultSet.wasNull()) {
            columns.setNull(argument, row);
          } else {
            columns.setFloat(argument, row, value);
          }
        }
        case DOUBLE -> {
          double value = resultSet.getDouble(column);
          if (value == 0 && resultSet.wasNull()) {
            columns.setNull(argument, row);
          } else {
            columns.setDouble(argument, row, value);
          }
        }
        case OBJECT -> columns.setObject(argument, row, resultSet.getObject(column));
      }
    }
  }

  /** An output row holding the forwarded fields of the current row, with room for the result. */
  Object[] readForwarded(ResultSet resultSet) throws SQLException {
    Object[] row = new Object[forwardedColumns.length + 1];
    for (int field = 0; field < forwardedColumns.length; field++) {
      row[field] = forwardedGetters.get(field).get(resultSet, forwardedColumns[field]);
    }
    return row;
  }

  private static SqlString sql(JdbcToEnumerableConverter converter) {
    SqlDialect dialect = ((JdbcConvention) converter.getInput().getConvention()).dialect;
    JdbcImplementor implementor =
        new JdbcImplementor(dialect, (JavaTypeFactory) converter.getCluster().getTypeFactory());
    return implementor.visitRoot(converter.getInput()).asStatement().toSqlString(dialect);
  }

  private static ArgumentColumns.Kind kindOf(SqlTypeName type) {
    return switch (type) {
      case REAL -> ArgumentColumns.Kind.FLOAT;
      case FLOAT, DOUBLE -> ArgumentColumns.Kind.DOUBLE;
      default -> ArgumentColumns.Kind.OBJECT;
    };
  }

  private static int[] columnsOf(int[] fields) {
    return IntStream.of(fields).map(field -> field + 1).toArray();
  }

  /** Reads a value the way Calcite's JDBC adapter does for a field of its Java class. */
  enum Getter {
    BOOLEAN,
    BYTE,
    SHORT,
    INT,
    LONG,
    FLOAT,
    DOUBLE,
    OBJECT;

    static Getter of(@Nullable Primitive primitive) {
      if (primitive == null) {
        return OBJECT;
      }
      return switch (primitive) {
        case BOOLEAN -> BOOLEAN;
        case BYTE -> BYTE;
        case SHORT -> SHORT;
        case INT -> INT;
        case LONG -> LONG;
        case FLOAT -> FLOAT;
        case DOUBLE -> DOUBLE;
        default -> OBJECT;
      };
    }

    @Nullable Object get(ResultSet resultSet, int column) throws SQLException {
      Object value =
          switch (this) {
            case BOOLEAN -> resultSet.getBoolean(column);
            case BYTE -> resultSet.getByte(column);
            case SHORT -> resultSet.getShort(column);
            case INT -> resultSet.getInt(column);
            case LONG -> resultSet.getLong(column);
            case FLOAT -> resultSet.getFloat(column);
            case DOUBLE -> resultSet.getDouble(column);
            case OBJECT -> resultSet.getObject(column);
          };
      return resultSet.wasNull() ? null : value;
    }
  }
}
