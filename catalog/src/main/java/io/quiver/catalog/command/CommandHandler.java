package io.quiver.catalog.command;

import io.quiver.catalog.Session;
import java.util.Optional;
import org.apache.calcite.sql.SqlNode;

/**
 * Turns the statements of one area (databases and tables, models, access control) into commands.
 */
public interface CommandHandler {
  /** The command for a statement, or empty when the statement is not of this handler's area. */
  Optional<PreparedCommand> prepare(SqlNode statement, Session session);
}
