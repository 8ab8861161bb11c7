package io.quiver.jdbc.cli;

import static java.util.Objects.requireNonNull;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A result set drawn as sqlline draws it: a bordered header of centered column labels, then one
 * line per row with left-aligned values, each column as wide as its widest value. NULL shows as
 * {@code null}.
 *
 * <p>The whole result is held in memory to measure the columns, so a script should not select more
 * rows than it means to print.
 */
final class ResultTable {
  private static final String NULL = "null";

  private final List<String> labels;
  private final List<List<String>> rows;

  private ResultTable(List<String> labels, List<List<String>> rows) {
    this.labels = requireNonNull(labels, "labels is null");
    this.rows = requireNonNull(rows, "rows is null");
  }

  /** Reads every row of a result set. */
  static ResultTable read(ResultSet resultSet) throws SQLException {
    ResultSetMetaData metaData = resultSet.getMetaData();
    List<String> labels = new ArrayList<>();
    for (int column = 1; column <= metaData.getColumnCount(); column++) {
      labels.add(metaData.getColumnLabel(column));
    }
    List<List<String>> rows = new ArrayList<>();
    while (resultSet.next()) {
      List<String> row = new ArrayList<>();
      for (int column = 1; column <= labels.size(); column++) {
        String value = resultSet.getString(column);
        row.add(value == null ? NULL : value);
      }
      rows.add(row);
    }
    return new ResultTable(labels, rows);
  }

  int rowCount() {
    return rows.size();
  }

  /** The table's lines, borders included. */
  List<String> lines() {
    int[] widths = widths();
    String border = border(widths);
    List<String> lines = new ArrayList<>();
    lines.add(border);
    lines.add(line(labels, widths, true));
    lines.add(border);
    for (List<String> row : rows) {
      lines.add(line(row, widths, false));
    }
    lines.add(border);
    return lines;
  }

  private int[] widths() {
    int[] widths = new int[labels.size()];
    for (int column = 0; column < widths.length; column++) {
      widths[column] = labels.get(column).length();
      for (List<String> row : rows) {
        widths[column] = Math.max(widths[column], row.get(column).length());
      }
    }
    return widths;
  }

  private static String border(int[] widths) {
    StringBuilder border = new StringBuilder("+");
    for (int width : widths) {
      border.append("-".repeat(width + 2)).append('+');
    }
    return border.toString();
  }

  private static String line(List<String> values, int[] widths, boolean header) {
    StringBuilder line = new StringBuilder("|");
    for (int column = 0; column < widths.length; column++) {
      String value = values.get(column);
      String cell = header ? center(value, widths[column]) : padRight(value, widths[column]);
      line.append(' ').append(cell).append(" |");
    }
    return line.toString();
  }

  private static String padRight(String value, int width) {
    return value + " ".repeat(width - value.length());
  }

  /** Centers a label as sqlline does: when the padding is odd, the extra space goes right. */
  private static String center(String value, int width) {
    int padding = width - value.length();
    int left = padding / 2;
    return " ".repeat(left) + value + " ".repeat(padding - left);
  }
}
