package io.quiver.parser;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

/** Reads the {@code NAME = value} lists of Quiver's statements. */
public final class SqlProperties {
  private SqlProperties() {}

  /** The properties of a list, in the order written. */
  public static List<SqlProperty> of(SqlNodeList list) {
    List<SqlProperty> properties = new ArrayList<>();
    for (SqlNode node : list) {
      properties.add((SqlProperty) node);
    }
    return List.copyOf(properties);
  }

  /** The simple names of a list of identifiers. */
  public static List<String> names(SqlNodeList list) {
    List<String> names = new ArrayList<>();
    for (SqlNode node : list) {
      names.add(SqlProperty.textOf(node));
    }
    return List.copyOf(names);
  }
}
