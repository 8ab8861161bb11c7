package io.quiver.planner;

import static java.util.Objects.requireNonNull;

import io.quiver.catalog.ObjectName;
import io.quiver.catalog.SchemaInfo;
import io.quiver.catalog.Session;
import io.quiver.catalog.security.AccessControl;
import io.quiver.catalog.security.Privilege;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.jdbc.CalcitePrepare.CalciteSignature;

/**
 * The privileges a query or DML statement needs: USAGE on each model it calls, and on each table it
 * reads or changes the privilege of what it does (SELECT, INSERT, UPDATE, DELETE). They are checked
 * when the statement is prepared, and again each time it runs, so that a REVOKE applies to
 * statements prepared before it.
 */
final class StatementPrivileges {
  /** A table and what the statement does to it. */
  private record TableAccess(ObjectName table, Privilege privilege) {}

  private final Session session;
  private final Set<ObjectName> models = new LinkedHashSet<>();
  private final Set<TableAccess> tables = new LinkedHashSet<>();

  StatementPrivileges(Session session) {
    this.session = requireNonNull(session, "session is null");
  }

  /** Checks, and remembers, that the session may call a model. */
  void requireModel(ObjectName model) {
    checkModel(model);
    models.add(model);
  }

  /**
   * Checks, and remembers, that the session holds a privilege on a table; names that are not a
   * schema's table, such as INFORMATION_SCHEMA's views, need none.
   */
  void requireTable(List<String> qualifiedName, Privilege privilege) {
    if (qualifiedName.size() != 3) {
      return;
    }
    ObjectName table =
        new ObjectName(qualifiedName.get(0), qualifiedName.get(1), qualifiedName.get(2));
    Optional<SchemaInfo> schema =
        session.store().catalog().schema(table.database(), table.schema());
    if (schema.isEmpty()) {
      return;
    }
    TableAccess access = new TableAccess(table, privilege);
    checkTable(access);
    tables.add(access);
  }

  /** Checks every privilege again, as a statement runs. */
  void check() {
    models.forEach(this::checkModel);
    tables.forEach(this::checkTable);
  }

  private void checkModel(ObjectName model) {
    access().model(session, model, "call", Privilege.USAGE);
  }

  private void checkTable(TableAccess access) {
    ObjectName table = access.table();
    SchemaInfo schema = access().schema(session, table.database(), table.schema());
    access().table(session, schema, table.name(), action(access.privilege()), access.privilege());
  }

  private static String action(Privilege privilege) {
    return switch (privilege) {
      case SELECT -> "query";
      case INSERT -> "insert into";
      case UPDATE -> "update";
      case DELETE -> "delete from";
      default -> "use";
    };
  }

  private AccessControl access() {
    return session.store().security().access();
  }

  /** The signature, with the check of every privilege before each run. */
  <T> CalciteSignature<T> checkedEachRun(CalciteSignature<T> signature) {
    if (models.isEmpty() && tables.isEmpty()) {
      return signature;
    }
    return new CalciteSignature<>(
        signature.sql,
        signature.parameters,
        signature.internalParameters,
        signature.rowType,
        signature.columns,
        signature.cursorFactory,
        signature.rootSchema,
        new ArrayList<>(signature.getCollationList()),
        -1,
        dataContext -> {
          check();
          return signature.enumerable(dataContext);
        },
        signature.statementType);
  }
}
