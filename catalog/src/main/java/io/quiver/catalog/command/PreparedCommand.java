package io.quiver.catalog.command;

import java.sql.Types;
import java.util.List;

/**
 * A statement that Quiver runs itself, ready to execute: it declares its result columns and
 * parameters when prepared, and does its work only when executed.
 */
public interface PreparedCommand {
  /** The result's columns; empty for a command that reports an update count. */
  List<ResultColumn> columns();

  /** The JDBC types of the statement's {@code ?} parameters, in order. */
  default List<Integer> parameterTypes() {
    return List.of();
  }

  /** Runs the command. */
  CommandResult execute(CommandContext context);

  /** A command that returns no rows. */
  static PreparedCommand update(Action action) {
    return update(List.of(), action);
  }

  /** A command with parameters that returns no rows. */
  static PreparedCommand update(List<Integer> parameterTypes, Action action) {
    return new PreparedCommand() {
      @Override
      public List<ResultColumn> columns() {
        return List.of();
      }

      @Override
      public List<Integer> parameterTypes() {
        return parameterTypes;
      }

      @Override
      public CommandResult execute(CommandContext context) {
        action.run(context);
        return CommandResult.done();
      }
    };
  }

  /** A command that returns no rows and reports how many it changed. */
  static PreparedCommand counting(Counter counter) {
    return new PreparedCommand() {
      @Override
      public List<ResultColumn> columns() {
        return List.of();
      }

      @Override
      public CommandResult execute(CommandContext context) {
        return CommandResult.updated(counter.run(context));
      }
    };
  }

  /** A command that answers with rows. */
  static PreparedCommand query(List<ResultColumn> columns, Query query) {
    return new PreparedCommand() {
      @Override
      public List<ResultColumn> columns() {
        return columns;
      }

      @Override
      public CommandResult execute(CommandContext context) {
        return CommandResult.rows(query.rows(context));
      }
    };
  }

  /** The binary type of a parameter that carries a file's bytes. */
  int BINARY_PARAMETER = Types.VARBINARY;

  /** The work of a command that returns no rows. */
  @FunctionalInterface
  interface Action {
    void run(CommandContext context);
  }

  /** The work of a command that changes rows, returning how many. */
  @FunctionalInterface
  interface Counter {
    long run(CommandContext context);
  }

  /** The work of a command that answers with rows. */
  @FunctionalInterface
  interface Query {
    List<Object[]> rows(CommandContext context);
  }
}
