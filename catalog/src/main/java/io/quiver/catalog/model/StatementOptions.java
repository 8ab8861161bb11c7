package io.quiver.catalog.model;

import io.quiver.parser.SqlProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/** The {@code NAME = value} options of a statement, checked against the ones it accepts. */
final class StatementOptions {
  private final Map<String, @Nullable String> values;

  private StatementOptions(Map<String, @Nullable String> values) {
    this.values = values;
  }

  /** Reads the options, failing on unknown or repeated ones. */
  static StatementOptions of(List<SqlProperty> properties, String statement, List<String> valid) {
    Map<String, @Nullable String> values = new LinkedHashMap<>();
    for (SqlProperty property : properties) {
      String name = property.name().toUpperCase(Locale.ROOT);
      if (!valid.contains(name)) {
        throw ModelErrors.invalid(
            statement
                + " has no option "
                + name
                + "; valid options are "
                + String.join(", ", valid));
      }
      if (values.containsKey(name)) {
        throw ModelErrors.invalid(statement + " sets option " + name + " twice; set it once");
      }
      values.put(name, SqlProperty.textOrNull(property.value()));
    }
    return new StatementOptions(values);
  }

  /** Checks the names of an UNSET list. */
  static List<String> names(List<String> names, String statement, List<String> valid) {
    for (String name : names) {
      if (!valid.contains(name.toUpperCase(Locale.ROOT))) {
        throw ModelErrors.invalid(
            statement + " cannot unset " + name + "; it can unset " + String.join(", ", valid));
      }
    }
    return names.stream().map(name -> name.toUpperCase(Locale.ROOT)).toList();
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  @Nullable String get(String name) {
    return values.get(name);
  }
}
