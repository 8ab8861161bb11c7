package io.quiver.catalog.security;

import io.quiver.catalog.QuiverException;
import io.quiver.parser.SqlProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.checkerframework.checker.nullness.qual.Nullable;

/** The {@code NAME = value} properties of a user or role statement, checked by name. */
final class StatementProperties {
  private final Map<String, @Nullable String> values;

  private StatementProperties(Map<String, @Nullable String> values) {
    this.values = values;
  }

  /** Reads the properties, failing on unknown or repeated ones. */
  static StatementProperties of(
      List<SqlProperty> properties, String statement, List<String> valid) {
    Map<String, @Nullable String> values = new LinkedHashMap<>();
    for (SqlProperty property : properties) {
      String name = property.name().toUpperCase(Locale.ROOT);
      if (!valid.contains(name)) {
        throw QuiverException.invalid(
            statement
                + " has no property "
                + name
                + "; its properties are "
                + String.join(", ", valid));
      }
      if (values.put(name, SqlProperty.textOrNull(property.value())) != null) {
        throw QuiverException.invalid(statement + " sets " + name + " twice; set it once");
      }
    }
    return new StatementProperties(values);
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** A property the statement must set, or an error saying how to set it. */
  String require(String name, String statement, String example) {
    return get(name)
        .orElseThrow(
            () ->
                QuiverException.invalid(
                    statement + " needs " + name + "; write for example " + example));
  }
}
