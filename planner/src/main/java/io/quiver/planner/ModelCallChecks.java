package io.quiver.planner;

import io.quiver.catalog.Names;
import io.quiver.catalog.ObjectName;
import io.quiver.catalog.QuiverException;
import io.quiver.catalog.Session;
import io.quiver.catalog.model.ResolvedModelVersion;
import io.quiver.parser.SqlModelCall;
import io.quiver.runtime.ModelInvocationException;
import io.quiver.runtime.signature.ArgumentLayout;
import io.quiver.runtime.signature.MethodSignature;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Checks every model call of a statement before Calcite validates it: the session must hold USAGE
 * on the model, and a missing model, version or method, or a wrong number of arguments, fails with
 * an error that names the model and says what exists, rather than Calcite's "No match found for
 * function signature". A model the session cannot see fails as one that does not exist.
 */
final class ModelCallChecks {
  private ModelCallChecks() {}

  static void check(SqlNode statement, Session session, StatementPrivileges privileges) {
    statement.accept(
        new SqlBasicVisitor<Void>() {
          @Override
          public Void visit(SqlCall call) {
            if (call instanceof SqlModelCall) {
              check((SqlModelCall) call, session, privileges);
            }
            return super.visit(call);
          }
        });
  }

  private static void check(SqlModelCall call, Session session, StatementPrivileges privileges) {
    ObjectName model = Names.object(call.model(), session);
    privileges.requireModel(model);
    String version = call.version() == null ? null : call.version().getSimple();
    ResolvedModelVersion resolved = session.store().models().resolve(model, version);
    MethodSignature method = resolved.method(call.method().getSimple());
    try {
      ArgumentLayout.forArgumentCount(method, call.operandCount());
    } catch (ModelInvocationException e) {
      throw QuiverException.invalid(
          "Call of model "
              + model
              + " version "
              + ObjectName.quote(resolved.version())
              + " at "
              + call.getParserPosition()
              + ": "
              + e.getMessage());
    }
  }
}
