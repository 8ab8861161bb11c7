package io.quiver.catalog.command;

import java.util.List;

/**
 * What a command returns: rows for the columns its {@link PreparedCommand} declared, or, for a
 * command that changes things, the number of rows it affected.
 */
public record CommandResult(List<Object[]> rows, long updateCount) {
  public CommandResult {
    rows = List.copyOf(rows);
  }

  public static CommandResult rows(List<Object[]> rows) {
    return new CommandResult(rows, -1);
  }

  public static CommandResult updated(long count) {
    return new CommandResult(List.of(), count);
  }

  public static CommandResult done() {
    return updated(0);
  }
}
