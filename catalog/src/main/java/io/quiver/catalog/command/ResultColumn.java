package io.quiver.catalog.command;

import static java.util.Objects.requireNonNull;

import java.sql.Types;

/**
 * A column of a command's result: its name and JDBC type.
 *
 * @param name the column's label, lower case for SHOW output as in Snowflake
 * @param jdbcType a {@link Types} constant
 */
public record ResultColumn(String name, int jdbcType) {
  public ResultColumn {
    requireNonNull(name, "name is null");
  }

  public static ResultColumn varchar(String name) {
    return new ResultColumn(name, Types.VARCHAR);
  }

  public static ResultColumn bigint(String name) {
    return new ResultColumn(name, Types.BIGINT);
  }

  public static ResultColumn integer(String name) {
    return new ResultColumn(name, Types.INTEGER);
  }

  public static ResultColumn bool(String name) {
    return new ResultColumn(name, Types.BOOLEAN);
  }

  public static ResultColumn timestamp(String name) {
    return new ResultColumn(name, Types.TIMESTAMP_WITH_TIMEZONE);
  }
}
