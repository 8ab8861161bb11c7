package io.quiver.catalog.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a possibly qualified name written in a string, such as {@code 'ml.public."Churn"'}: parts
 * are separated by dots, unquoted parts are upper-cased, and double-quoted parts kept as written.
 */
final class IdentifierPath {
  private IdentifierPath() {}

  /**
   * A name read from a text.
   *
   * @param parts the name's parts
   * @param end the position after the name in the text
   */
  record Parsed(List<String> parts, int end) {}

  /** Reads a whole text as a name. */
  static List<String> parse(String text) {
    Parsed parsed = parse(text, 0, '.');
    if (parsed.end() != text.length()) {
      throw invalidName(text, "unexpected '" + text.charAt(parsed.end()) + "'");
    }
    return parsed.parts();
  }

  /** Reads a name from {@code start} up to the first {@code stop} outside quotes, or the end. */
  static Parsed parse(String text, int start, char stop) {
    List<String> parts = new ArrayList<>();
    int position = start;
    while (true) {
      StringBuilder part = new StringBuilder();
      position = readPart(text, position, stop, part);
      if (part.length() == 0) {
        throw invalidName(text, "a part of the name is empty");
      }
      parts.add(part.toString());
      if (position < text.length() && text.charAt(position) == '.') {
        position++;
        continue;
      }
      return new Parsed(List.copyOf(parts), position);
    }
  }

  private static int readPart(String text, int start, char stop, StringBuilder part) {
    if (start < text.length() && text.charAt(start) == '"') {
      return readQuoted(text, start + 1, part);
    }
    int position = start;
    while (position < text.length()
        && text.charAt(position) != '.'
        && text.charAt(position) != stop) {
      position++;
    }
    part.append(text.substring(start, position).trim().toUpperCase(Locale.ROOT));
    return position;
  }

  private static int readQuoted(String text, int start, StringBuilder part) {
    int position = start;
    while (position < text.length()) {
      char c = text.charAt(position);
      if (c != '"') {
        part.append(c);
        position++;
      } else if (position + 1 < text.length() && text.charAt(position + 1) == '"') {
        part.append('"');
        position += 2;
      } else {
        return position + 1;
      }
    }
    throw invalidName(text, "a double quote is not closed");
  }

  private static RuntimeException invalidName(String text, String reason) {
    return ModelErrors.invalid(
        "Name '"
            + text
            + "' is not valid: "
            + reason
            + "; write name, schema.name or database.schema.name, double-quoting parts that"
            + " are not plain upper-case names");
  }
}
