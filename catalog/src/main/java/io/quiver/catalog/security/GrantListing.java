package io.quiver.catalog.security;

import static java.util.Objects.requireNonNull;

import io.quiver.catalog.Names;
import io.quiver.catalog.ObjectName;
import io.quiver.catalog.QuiverException;
import io.quiver.catalog.SchemaInfo;
import io.quiver.catalog.Session;
import io.quiver.catalog.command.PreparedCommand;
import io.quiver.catalog.command.ResultColumn;
import io.quiver.parser.ObjectKind;
import io.quiver.parser.SqlShowGrants;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * SHOW GRANTS: to a role or a user, of a role, on an object, and SHOW FUTURE GRANTS IN SCHEMA, with
 * Snowflake's columns. A role's grants are shown to the sessions that act with the role (or inherit
 * it) and to ACCOUNTADMIN; a user's to the user and ACCOUNTADMIN; an object's to any session that
 * sees it.
 */
final class GrantListing {
  static final List<ResultColumn> COLUMNS =
      List.of(
          ResultColumn.timestamp("created_on"),
          ResultColumn.varchar("privilege"),
          ResultColumn.varchar("granted_on"),
          ResultColumn.varchar("name"),
          ResultColumn.varchar("granted_to"),
          ResultColumn.varchar("grantee_name"),
          ResultColumn.bool("grant_option"),
          ResultColumn.varchar("granted_by"));

  private static final String ROLE = "ROLE";
  private static final String USER = "USER";
  private static final String USAGE = "USAGE";

  private final Security security;
  private final Securables securables;

  GrantListing(Security security, Securables securables) {
    this.security = requireNonNull(security, "security is null");
    this.securables = requireNonNull(securables, "securables is null");
  }

  PreparedCommand prepare(SqlShowGrants show) {
    return PreparedCommand.query(
        COLUMNS,
        context -> {
          Session session = context.session();
          return switch (show.form()) {
            case TO_ROLE -> toRole(session, Names.simple(show.name(), "Role"));
            case TO_USER -> toUser(session, Names.simple(show.name(), "User"));
            case OF_ROLE -> ofRole(session, Names.simple(show.name(), "Role"));
            case ON_OBJECT -> onObject(session, show.kind(), show);
            case FUTURE_IN_SCHEMA -> future(session, securables.schema(session, show.name()));
          };
        });
  }

  private List<Object[]> toRole(Session session, String name) {
    requireRole(session, name);
    return security
        .store()
        .transaction(
            connection -> {
              RoleInfo role = security.roles().require(connection, name);
              List<Object[]> rows = new ArrayList<>();
              for (GrantInfo grant : security.grants().to(connection, role)) {
                rows.add(row(grant));
              }
              for (Roles.RoleGrant granted : security.roles().grantedTo(connection, role)) {
                rows.add(roleRow(granted, ROLE, role.name()));
              }
              return rows;
            });
  }

  private List<Object[]> toUser(Session session, String name) {
    if (!session.user().equals(name)) {
      security.access().requireAdministrator(session, "show the grants of other users");
    }
    return security
        .store()
        .transaction(
            connection -> {
              UserInfo user = security.users().require(connection, name);
              List<Object[]> rows = new ArrayList<>();
              for (Roles.RoleGrant granted : security.users().rolesOf(connection, user)) {
                rows.add(roleRow(granted, USER, user.name()));
              }
              return rows;
            });
  }

  private List<Object[]> ofRole(Session session, String name) {
    requireRole(session, name);
    return security
        .store()
        .transaction(
            connection -> {
              RoleInfo role = security.roles().require(connection, name);
              List<Object[]> rows = new ArrayList<>();
              for (Roles.RoleGrant holder : security.roles().granteesOf(connection, role)) {
                rows.add(granteeRow(holder, ROLE, role.name()));
              }
              for (Roles.RoleGrant holder : security.users().holdersOf(connection, role)) {
                rows.add(granteeRow(holder, USER, role.name()));
              }
              return rows;
            });
  }

  private List<Object[]> onObject(Session session, ObjectKind kind, SqlShowGrants show) {
    Securable object = securables.find(session, kind, show.name());
    return security
        .store()
        .transaction(
            connection -> {
              List<Object[]> rows = new ArrayList<>();
              for (GrantInfo grant : security.grants().on(connection, object)) {
                rows.add(row(grant));
              }
              return rows;
            });
  }

  private List<Object[]> future(Session session, SchemaInfo schema) {
    return security
        .store()
        .transaction(
            connection -> {
              List<Object[]> rows = new ArrayList<>();
              for (ObjectKind kind : List.of(ObjectKind.MODEL, ObjectKind.TABLE)) {
                futureRows(connection, schema, kind, rows);
              }
              return rows;
            });
  }

  private void futureRows(
      Connection connection, SchemaInfo schema, ObjectKind kind, List<Object[]> rows)
      throws SQLException {
    for (Grants.FutureGrant grant : security.grants().future(connection, schema.id(), kind)) {
      rows.add(
          new Object[] {
            grant.createdOn(),
            grant.privilege().sqlName(),
            kind.name(),
            schema.fullName() + ".<" + kind.name() + ">",
            ROLE,
            grant.role(),
            false,
            grant.grantedBy()
          });
    }
  }

  /** Fails unless the session acts with the role, inherits it, or acts with ACCOUNTADMIN. */
  private void requireRole(Session session, String role) {
    AccessView view = security.access().view(session);
    if (!view.isAdministrator() && !view.roles().contains(role)) {
      throw new QuiverException(
          QuiverException.Category.PRIVILEGE,
          "Only sessions acting with role "
              + ObjectName.quote(role)
              + ", or a role that inherits it, and "
              + Roles.ACCOUNTADMIN
              + " may show its grants; the session's role is "
              + ObjectName.quote(view.role()));
    }
  }

  private static Object[] row(GrantInfo grant) {
    return new Object[] {
      grant.createdOn(),
      grant.privilege(),
      grant.objectKind(),
      grant.objectName(),
      ROLE,
      grant.role(),
      false,
      grant.grantedBy()
    };
  }

  /** A role held by a grantee: {@code USAGE} on the role. */
  private static Object[] roleRow(Roles.RoleGrant granted, String granteeKind, String grantee) {
    return new Object[] {
      granted.createdOn(),
      USAGE,
      ROLE,
      ObjectName.quote(granted.role()),
      granteeKind,
      grantee,
      false,
      granted.grantedBy()
    };
  }

  /** A grantee that holds a role, from the role's side. */
  private static Object[] granteeRow(Roles.RoleGrant holder, String granteeKind, String role) {
    return new Object[] {
      holder.createdOn(),
      USAGE,
      ROLE,
      ObjectName.quote(role),
      granteeKind,
      holder.role(),
      false,
      holder.grantedBy()
    };
  }
}
