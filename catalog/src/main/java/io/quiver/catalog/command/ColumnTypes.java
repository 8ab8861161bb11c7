package io.quiver.catalog.command;

import io.quiver.catalog.QuiverException;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Locale;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlTypeNameSpec;

/**
 * Column types as H2 stores them, from the types users write (Snowflake's names included) and from
 * the JDBC types of query results.
 */
final class ColumnTypes {
  private ColumnTypes() {}

  /** The H2 type for a declared column type. */
  static String fromDeclared(SqlDataTypeSpec spec) {
    SqlTypeNameSpec typeName = spec.getTypeNameSpec();
    String name = typeName.getTypeName().getSimple().toUpperCase(Locale.ROOT);
    int precision = -1;
    int scale = -1;
    if (typeName instanceof SqlBasicTypeNameSpec) {
      precision = ((SqlBasicTypeNameSpec) typeName).getPrecision();
      scale = ((SqlBasicTypeNameSpec) typeName).getScale();
    }
    return h2Type(name, precision, scale);
  }

  private static String h2Type(String name, int precision, int scale) {
    switch (name) {
      case "NUMBER":
      case "NUMERIC":
      case "DECIMAL":
        return precision < 0 ? "DECIMAL(38, 0)" : decimal(precision, scale);
      case "INT":
      case "INTEGER":
        return "INTEGER";
      case "BIGINT":
      case "SMALLINT":
      case "TINYINT":
      case "BOOLEAN":
      case "DATE":
      case "REAL":
        return name;
      case "FLOAT":
      case "FLOAT4":
      case "FLOAT8":
      case "DOUBLE":
        return "DOUBLE PRECISION";
      case "VARCHAR":
      case "STRING":
      case "TEXT":
      case "CHAR":
      case "CHARACTER":
        return precision < 0 ? "CHARACTER VARYING" : "CHARACTER VARYING(" + precision + ")";
      case "BINARY":
      case "VARBINARY":
        return precision < 0 ? "BINARY VARYING" : "BINARY VARYING(" + precision + ")";
      case "TIME":
        return "TIME";
      case "TIMESTAMP":
      case "TIMESTAMP_NTZ":
      case "DATETIME":
        return "TIMESTAMP";
      case "TIMESTAMP_LTZ":
      case "TIMESTAMP_TZ":
        return "TIMESTAMP WITH TIME ZONE";
      default:
        throw QuiverException.invalid(
            "Column type "
                + name
                + " is not supported; use NUMBER, INTEGER, BIGINT, SMALLINT, TINYINT, FLOAT,"
                + " DOUBLE, REAL, BOOLEAN, VARCHAR, BINARY, DATE, TIME or TIMESTAMP");
    }
  }

  private static String decimal(int precision, int scale) {
    return "DECIMAL(" + precision + ", " + Math.max(scale, 0) + ")";
  }

  /** The H2 type for column {@code column} (1-based) of a query's result. */
  static String fromResult(ResultSetMetaData metaData, int column) throws SQLException {
    int precision = metaData.getPrecision(column);
    switch (metaData.getColumnType(column)) {
      case Types.TINYINT:
        return "TINYINT";
      case Types.SMALLINT:
        return "SMALLINT";
      case Types.INTEGER:
        return "INTEGER";
      case Types.BIGINT:
        return "BIGINT";
      case Types.REAL:
        return "REAL";
      case Types.FLOAT:
      case Types.DOUBLE:
        return "DOUBLE PRECISION";
      case Types.DECIMAL:
      case Types.NUMERIC:
        return decimal(precision <= 0 ? 38 : precision, metaData.getScale(column));
      case Types.BOOLEAN:
        return "BOOLEAN";
      case Types.DATE:
        return "DATE";
      case Types.TIME:
        return "TIME";
      case Types.TIMESTAMP:
        return "TIMESTAMP";
      case Types.TIMESTAMP_WITH_TIMEZONE:
        return "TIMESTAMP WITH TIME ZONE";
      case Types.BINARY:
      case Types.VARBINARY:
        return "BINARY VARYING";
      case Types.CHAR:
      case Types.VARCHAR:
        return "CHARACTER VARYING";
      default:
        throw QuiverException.invalid(
            "Column "
                + metaData.getColumnLabel(column)
                + " of type "
                + metaData.getColumnTypeName(column)
                + " cannot be stored in a table; cast it to a scalar type such as VARCHAR");
    }
  }
}
