package io.quiver.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A table printed in aligned columns: the first left-aligned, the others right-aligned. */
final class TextTable {
  private static final String INDENT = "  ";
  private static final String GAP = "  ";

  private final List<String[]> lines = new ArrayList<>();

  TextTable(String... headers) {
    lines.add(headers);
  }

  TextTable row(String... cells) {
    if (cells.length != lines.get(0).length) {
      throw new IllegalArgumentException(
          "A row of " + Arrays.toString(cells) + " does not fit the headers");
    }
    lines.add(cells);
    return this;
  }

  void print() {
    int[] widths = widths();
    for (String[] line : lines) {
      StringBuilder text = new StringBuilder(INDENT);
      for (int column = 0; column < line.length; column++) {
        String cell = line[column];
        String padding = " ".repeat(widths[column] - cell.length());
        text.append(column == 0 ? "" : GAP);
        text.append(column == 0 ? cell + padding : padding + cell);
      }
      System.out.println(text.toString().stripTrailing());
    }
  }

  private int[] widths() {
    int[] widths = new int[lines.get(0).length];
    for (String[] line : lines) {
      for (int column = 0; column < line.length; column++) {
        widths[column] = Math.max(widths[column], line[column].length());
      }
    }
    return widths;
  }
}
