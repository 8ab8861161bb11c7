package io.quiver.catalog.command;

import static java.util.Objects.requireNonNull;

import io.quiver.catalog.ObjectName;
import io.quiver.catalog.QuiverException;
import io.quiver.catalog.SchemaInfo;
import io.quiver.catalog.Store;
import io.quiver.parser.SqlProperty;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Loads a CSV file into a table in one transaction: every line is converted to the columns' types
 * before anything is committed, so a malformed line loads nothing and its error names the line and
 * column.
 */
final class CsvLoader {
  static final List<ResultColumn> RESULT_COLUMNS =
      List.of(
          ResultColumn.varchar("file"),
          ResultColumn.varchar("status"),
          ResultColumn.bigint("rows_parsed"),
          ResultColumn.bigint("rows_loaded"));

  private static final int INSERT_BATCH = 1_000;

  /** The options of COPY INTO. */
  record Options(boolean header, char delimiter) {
    static Options of(List<SqlProperty> properties) {
      boolean header = false;
      char delimiter = ',';
      for (SqlProperty property : properties) {
        String value = property.valueText();
        switch (property.name().toUpperCase(Locale.ROOT)) {
          case "HEADER":
            header = Boolean.parseBoolean(value);
            break;
          case "SKIP_HEADER":
            header = !"0".equals(value);
            break;
          case "FIELD_DELIMITER":
            if (value.length() != 1) {
              throw QuiverException.invalid(
                  "FIELD_DELIMITER must be one character, not '" + value + "'");
            }
            delimiter = value.charAt(0);
            break;
          default:
            throw QuiverException.invalid(
                "Option "
                    + property.name()
                    + " is not allowed in COPY INTO; allowed: HEADER, SKIP_HEADER,"
                    + " FIELD_DELIMITER");
        }
      }
      return new Options(header, delimiter);
    }
  }

  private final Store store;
  private final SchemaInfo schema;
  private final ObjectName table;
  private final Options options;

  CsvLoader(Store store, SchemaInfo schema, ObjectName table, Options options) {
    this.store = requireNonNull(store, "store is null");
    this.schema = requireNonNull(schema, "schema is null");
    this.table = requireNonNull(table, "table is null");
    this.options = requireNonNull(options, "options is null");
  }

  /** Loads the file; returns the result row (file, status, rows parsed, rows loaded). */
  Object[] load(Path path) {
    if (!Files.isReadable(path)) {
      throw QuiverException.notFound("File " + path.toAbsolutePath() + " cannot be read");
    }
    List<Tables.Column> columns = Tables.columns(store, schema, table.name());
    long loaded =
        store.transaction(
            connection -> {
              try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
                  CSVParser parser = format().parse(reader);
                  PreparedStatement insert = connection.prepareStatement(insertSql(columns))) {
                return insertAll(parser, insert, columns);
              } catch (IOException | UncheckedIOException e) {
                throw QuiverException.invalid(
                    "File "
                        + path
                        + " is not well-formed CSV: "
                        + e.getMessage()
                        + "; nothing was loaded");
              }
            });
    return new Object[] {path.toString(), "LOADED", loaded, loaded};
  }

  private CSVFormat format() {
    CSVFormat.Builder format =
        CSVFormat.RFC4180.builder().setDelimiter(options.delimiter()).setIgnoreEmptyLines(true);
    if (options.header()) {
      format.setHeader().setSkipHeaderRecord(true);
    }
    return format.build();
  }

  private long insertAll(CSVParser parser, PreparedStatement insert, List<Tables.Column> columns)
      throws java.sql.SQLException {
    long count = 0;
    for (CSVRecord record : parser) {
      long line = parser.getCurrentLineNumber();
      if (record.size() != columns.size()) {
        throw QuiverException.invalid(
            "Line "
                + line
                + " has "
                + record.size()
                + " fields; table "
                + table
                + " has "
                + columns.size()
                + " columns; nothing was loaded");
      }
      for (int i = 0; i < columns.size(); i++) {
        insert.setObject(i + 1, convert(record.get(i), columns.get(i), line, i + 1));
      }
      insert.addBatch();
      if (++count % INSERT_BATCH == 0) {
        insert.executeBatch();
      }
    }
    insert.executeBatch();
    return count;
  }

  private String insertSql(List<Tables.Column> columns) {
    String marks = String.join(", ", java.util.Collections.nCopies(columns.size(), "?"));
    return "INSERT INTO " + Tables.h2Name(schema, table.name()) + " VALUES (" + marks + ")";
  }

  private @Nullable Object convert(String text, Tables.Column column, long line, int position) {
    if (text.isEmpty()) {
      if (!column.nullable()) {
        throw badValue(text, column, line, position, "the column does not allow NULL");
      }
      return null;
    }
    try {
      return parse(text.trim(), column.type());
    } catch (IllegalArgumentException e) {
      throw badValue(text, column, line, position, "it is not a valid " + column.type());
    }
  }

  private static Object parse(String text, String type) {
    if (type.startsWith("VARCHAR") || type.startsWith("CHARACTER")) {
      return text;
    }
    switch (type) {
      case "TINYINT":
      case "SMALLINT":
      case "INTEGER":
        return Integer.parseInt(text);
      case "BIGINT":
        return Long.parseLong(text);
      case "REAL":
        return Float.parseFloat(text);
      case "DOUBLE PRECISION":
        return Double.parseDouble(text);
      case "BOOLEAN":
        return parseBoolean(text);
      case "DATE":
        return Date.valueOf(text);
      case "TIME":
        return Time.valueOf(text);
      case "TIMESTAMP":
        return Timestamp.valueOf(text.replace('T', ' '));
      default:
        if (type.startsWith("NUMBER") || type.startsWith("DECIMAL")) {
          return new BigDecimal(text);
        }
        return text;
    }
  }

  private static boolean parseBoolean(String text) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "true":
      case "t":
      case "yes":
      case "1":
        return true;
      case "false":
      case "f":
      case "no":
      case "0":
        return false;
      default:
        throw new IllegalArgumentException(text);
    }
  }

  private QuiverException badValue(
      String text, Tables.Column column, long line, int position, String reason) {
    return QuiverException.invalid(
        "Line "
            + line
            + ", column "
            + position
            + " ("
            + column.name()
            + "): '"
            + text
            + "' cannot be loaded into "
            + table
            + " because "
            + reason
            + "; nothing was loaded");
  }
}
