package io.quiver.catalog.security;

import static java.util.Objects.requireNonNull;

import io.quiver.catalog.Names;
import io.quiver.catalog.ObjectName;
import io.quiver.catalog.SchemaInfo;
import io.quiver.catalog.Session;
import io.quiver.catalog.Store;
import io.quiver.catalog.model.ModelInfo;
import io.quiver.catalog.model.ModelScope;
import io.quiver.parser.ObjectKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;

/** Finds the objects that GRANT, REVOKE and SHOW GRANTS name, as the session may see them. */
final class Securables {
  private final Store store;
  private final AccessControl access;

  Securables(Store store, AccessControl access) {
    this.store = requireNonNull(store, "store is null");
    this.access = requireNonNull(access, "access is null");
  }

  /** The object a statement names; one the session cannot see fails as if it did not exist. */
  Securable find(Session session, ObjectKind kind, SqlIdentifier name) {
    return switch (kind) {
      case DATABASE -> Securable.database(access.database(session, Names.simple(name, "Database")));
      case SCHEMA -> Securable.schema(schema(session, name));
      case TABLE -> table(session, Names.object(name, session));
      case MODEL -> Securable.model(access.model(session, Names.object(name, session)));
    };
  }

  /** A schema the session may use. */
  SchemaInfo schema(Session session, SqlIdentifier name) {
    List<String> parts = Names.schema(name, session);
    return access.schema(session, parts.get(0), parts.get(1));
  }

  private Securable table(Session session, ObjectName name) {
    SchemaInfo schema =
        store
            .catalog()
            .schema(name.database(), name.schema())
            .orElseThrow(() -> AccessControl.notFound("Table", name.toString()));
    boolean exists =
        store.transaction(connection -> tables(connection, schema)).contains(name.name());
    if (!exists || !access.canSeeTable(session, schema, name.name())) {
      throw AccessControl.notFound("Table", name.toString());
    }
    return Securable.table(schema, name.name());
  }

  /** The objects of a kind that a schema holds now. */
  List<Securable> inSchema(SchemaInfo schema, ObjectKind kind) {
    List<Securable> objects = new ArrayList<>();
    if (kind == ObjectKind.MODEL) {
      for (ModelInfo model :
          store.models().models(ModelScope.schema(schema.database(), schema.name()))) {
        objects.add(Securable.model(model));
      }
      return objects;
    }
    for (String table : store.transaction(connection -> tables(connection, schema))) {
      objects.add(Securable.table(schema, table));
    }
    return objects;
  }

  /** The names of a schema's tables, as H2 holds them. */
  static List<String> tables(Connection connection, SchemaInfo schema) throws SQLException {
    List<String> names = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = ?"
                + " ORDER BY TABLE_NAME")) {
      query.setString(1, schema.storageSchema());
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          names.add(rows.getString(1));
        }
      }
    }
    return names;
  }
}
