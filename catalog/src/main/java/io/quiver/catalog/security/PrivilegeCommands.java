package io.quiver.catalog.security;

import static java.util.Objects.requireNonNull;

import io.quiver.catalog.Names;
import io.quiver.catalog.ObjectName;
import io.quiver.catalog.QuiverException;
import io.quiver.catalog.SchemaInfo;
import io.quiver.catalog.Session;
import io.quiver.catalog.command.PreparedCommand;
import io.quiver.parser.GrantTarget;
import io.quiver.parser.SqlGrantPrivileges;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GRANT and REVOKE of privileges on an object, on all objects of a kind in a schema, or on those a
 * schema will hold. The object's owner or ACCOUNTADMIN grants them; for the objects of a schema,
 * the schema's owner or ACCOUNTADMIN.
 */
final class PrivilegeCommands {
  private static final Logger LOG = LoggerFactory.getLogger(PrivilegeCommands.class);

  private final Security security;
  private final Securables securables;

  PrivilegeCommands(Security security, Securables securables) {
    this.security = requireNonNull(security, "security is null");
    this.securables = requireNonNull(securables, "securables is null");
  }

  PreparedCommand prepare(SqlGrantPrivileges statement) {
    GrantTarget target = statement.target();
    List<Privilege> privileges = Privilege.parse(statement.privileges(), target.kind());
    checkOwnership(statement, privileges);
    String role = Names.simple(statement.role(), "Role");
    return PreparedCommand.update(
        context -> {
          Session session = context.session();
          switch (target.scope()) {
            case OBJECT -> {
              Securable object = securables.find(session, target.kind(), target.name());
              requireGrantor(session, object);
              change(session, List.of(object), privileges, role, statement.isRevoke());
            }
            case ALL_IN_SCHEMA -> {
              SchemaInfo schema = securables.schema(session, target.name());
              requireGrantor(session, Securable.schema(schema));
              List<Securable> objects = securables.inSchema(schema, target.kind());
              change(session, objects, privileges, role, statement.isRevoke());
            }
            case FUTURE_IN_SCHEMA -> {
              SchemaInfo schema = securables.schema(session, target.name());
              requireGrantor(session, Securable.schema(schema));
              changeFuture(session, schema, target, privileges, role, statement.isRevoke());
            }
          }
          LOG.info(
              "{} {} on {} {} role {}",
              statement.isRevoke() ? "Revoked" : "Granted",
              String.join(", ", privileges.stream().map(Privilege::sqlName).toList()),
              target.describe(),
              statement.isRevoke() ? "from" : "to",
              ObjectName.quote(role));
        });
  }

  private static void checkOwnership(SqlGrantPrivileges statement, List<Privilege> privileges) {
    if (!privileges.contains(Privilege.OWNERSHIP)) {
      return;
    }
    if (statement.isRevoke()) {
      throw QuiverException.invalid(
          "OWNERSHIP cannot be revoked, as every object has an owner; transfer it with GRANT"
              + " OWNERSHIP ON "
              + statement.target().describe()
              + " TO ROLE <new owner>");
    }
    if (privileges.size() > 1) {
      throw QuiverException.invalid(
          "GRANT OWNERSHIP transfers ownership alone; grant the other privileges in another"
              + " statement");
    }
    if (statement.target().scope() == GrantTarget.Scope.FUTURE_IN_SCHEMA) {
      throw QuiverException.invalid(
          "Quiver does not grant OWNERSHIP on future objects; the role that creates an object owns"
              + " it, and GRANT OWNERSHIP ON ALL ... IN SCHEMA transfers the existing ones");
    }
  }

  /** Fails unless the session owns the object or acts with ACCOUNTADMIN. */
  private void requireGrantor(Session session, Securable object) {
    AccessView view = security.access().view(session);
    if (view.isAdministrator() || view.privileges(object).contains(Privilege.OWNERSHIP)) {
      return;
    }
    throw new QuiverException(
        QuiverException.Category.PRIVILEGE,
        "Only the owner of "
            + object.noun()
            + " "
            + object.name()
            + " or "
            + Roles.ACCOUNTADMIN
            + " may grant and revoke privileges on it; role "
            + ObjectName.quote(view.role())
            + " does not own it");
  }

  private void change(
      Session session,
      List<Securable> objects,
      List<Privilege> privileges,
      String role,
      boolean revoke) {
    security
        .store()
        .transaction(
            connection -> {
              long roleId = security.roles().require(connection, role).id();
              for (Securable object : objects) {
                for (Privilege privilege : privileges) {
                  change(connection, object, privilege, roleId, revoke, session.user());
                }
              }
              return null;
            });
  }

  private void change(
      Connection connection,
      Securable object,
      Privilege privilege,
      long role,
      boolean revoke,
      String user)
      throws SQLException {
    Grants grants = security.grants();
    if (privilege == Privilege.OWNERSHIP) {
      grants.setOwner(connection, object, role, user);
    } else if (revoke) {
      grants.revoke(connection, object, privilege, role);
    } else {
      grants.grant(connection, object, privilege, role, user);
    }
  }

  private void changeFuture(
      Session session,
      SchemaInfo schema,
      GrantTarget target,
      List<Privilege> privileges,
      String role,
      boolean revoke) {
    security
        .store()
        .transaction(
            connection -> {
              long roleId = security.roles().require(connection, role).id();
              Grants grants = security.grants();
              for (Privilege privilege : privileges) {
                if (revoke) {
                  grants.revokeFuture(connection, schema.id(), target.kind(), privilege, roleId);
                } else {
                  grants.grantFuture(
                      connection, schema.id(), target.kind(), privilege, roleId, session.user());
                }
              }
              return null;
            });
  }
}
