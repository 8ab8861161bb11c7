package io.quiver.catalog.command;

import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;

/** Names out of parse-tree nodes. */
final class SqlNodeNames {
  private SqlNodeNames() {}

  static String simple(SqlNode node) {
    return ((SqlIdentifier) node).getSimple();
  }
}
