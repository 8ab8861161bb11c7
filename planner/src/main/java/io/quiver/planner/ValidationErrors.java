package io.quiver.planner;

import io.quiver.catalog.ObjectName;
import io.quiver.catalog.QuiverException;
import io.quiver.catalog.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.CalciteContextException;

/** Calcite's validation errors, reworded to name objects as Quiver users know them. */
final class ValidationErrors {
  private static final Pattern NOT_FOUND =
      Pattern.compile("Object '([^']*)' not found(?: within '([^']*)')?");

  private ValidationErrors() {}

  static RuntimeException translate(CalciteContextException e, Session session) {
    String where = "line " + e.getPosLine() + ", column " + e.getPosColumn();
    String cause = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
    Matcher notFound = NOT_FOUND.matcher(String.valueOf(cause));
    if (notFound.matches()) {
      return QuiverException.notFound(
          "Table "
              + qualify(notFound.group(1), notFound.group(2), session)
              + " does not exist or not authorized ("
              + where
              + ")");
    }
    return new QuiverException(
        QuiverException.Category.INVALID_ARGUMENT, cause + " (" + where + ")", e);
  }

  /** The table's full name: the missing parts come from the session, as names resolve. */
  private static String qualify(String name, String within, Session session) {
    List<String> parts = new ArrayList<>();
    if (within != null) {
      parts.addAll(List.of(within.split("\\.")));
    }
    parts.add(name);
    if (parts.size() == 1) {
      parts.add(0, session.schema().orElse("?"));
    }
    if (parts.size() == 2) {
      parts.add(0, session.database().orElse("?"));
    }
    List<String> quoted = new ArrayList<>();
    for (String part : parts) {
      quoted.add(ObjectName.quote(part));
    }
    return String.join(".", quoted);
  }
}
