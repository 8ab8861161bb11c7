package io.quiver.catalog.command;

import static java.util.Objects.requireNonNull;

import io.quiver.catalog.Session;
import java.sql.Connection;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * What a command sees when it runs: the session, the values bound to its parameters, and the
 * connection it runs on, through which it may run SQL of its own (for example the query of {@code
 * CREATE TABLE ... AS SELECT}).
 */
public record CommandContext(
    Session session, List<@Nullable Object> parameters, Connection connection) {
  public CommandContext {
    requireNonNull(session, "session is null");
    requireNonNull(parameters, "parameters is null");
    requireNonNull(connection, "connection is null");
  }

  /** The value bound to a parameter, by zero-based index. */
  public @Nullable Object parameter(int index) {
    if (index >= parameters.size()) {
      throw new IllegalArgumentException(
          "Parameter " + (index + 1) + " has no value; bind it before executing");
    }
    return parameters.get(index);
  }
}
