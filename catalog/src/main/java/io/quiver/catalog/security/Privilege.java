package io.quiver.catalog.security;

import io.quiver.catalog.QuiverException;
import io.quiver.parser.ObjectKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Snowflake's privileges, each on the kinds of object it applies to. OWNERSHIP holds every other
 * privilege on its object.
 */
public enum Privilege {
  OWNERSHIP("OWNERSHIP", EnumSet.allOf(ObjectKind.class)),
  USAGE("USAGE", EnumSet.of(ObjectKind.DATABASE, ObjectKind.SCHEMA, ObjectKind.MODEL)),
  READ("READ", EnumSet.of(ObjectKind.MODEL)),
  CREATE_SCHEMA("CREATE SCHEMA", EnumSet.of(ObjectKind.DATABASE)),
  CREATE_TABLE("CREATE TABLE", EnumSet.of(ObjectKind.SCHEMA)),
  CREATE_MODEL("CREATE MODEL", EnumSet.of(ObjectKind.SCHEMA)),
  SELECT("SELECT", EnumSet.of(ObjectKind.TABLE)),
  INSERT("INSERT", EnumSet.of(ObjectKind.TABLE)),
  UPDATE("UPDATE", EnumSet.of(ObjectKind.TABLE)),
  DELETE("DELETE", EnumSet.of(ObjectKind.TABLE));

  /** What GRANT ALL stands for. */
  private static final String ALL = "ALL";

  private final String sqlName;
  private final Set<ObjectKind> kinds;

  Privilege(String sqlName, Set<ObjectKind> kinds) {
    this.sqlName = sqlName;
    this.kinds = kinds;
  }

  /** The name as SQL writes it, such as {@code CREATE MODEL}. */
  public String sqlName() {
    return sqlName;
  }

  public boolean appliesTo(ObjectKind kind) {
    return kinds.contains(kind);
  }

  /**
   * The privileges a GRANT or REVOKE names on a kind of object; ALL stands for every privilege but
   * OWNERSHIP. Fails naming the privileges the kind has.
   */
  public static List<Privilege> parse(List<String> names, ObjectKind kind) {
    List<Privilege> privileges = new ArrayList<>();
    for (String name : names) {
      if (name.toUpperCase(Locale.ROOT).equals(ALL)) {
        privileges.addAll(grantable(kind));
      } else {
        privileges.add(of(name, kind));
      }
    }
    return List.copyOf(privileges);
  }

  private static Privilege of(String name, ObjectKind kind) {
    for (Privilege privilege : values()) {
      if (privilege.sqlName.equalsIgnoreCase(name) && privilege.appliesTo(kind)) {
        return privilege;
      }
    }
    throw QuiverException.invalid(
        "Privilege "
            + name
            + " does not apply to a "
            + kind.name().toLowerCase(Locale.ROOT)
            + "; privileges on a "
            + kind.name().toLowerCase(Locale.ROOT)
            + " are "
            + String.join(", ", names(kind))
            + " and ALL");
  }

  /** Every privilege of a kind of object but OWNERSHIP, which GRANT OWNERSHIP transfers. */
  public static List<Privilege> grantable(ObjectKind kind) {
    List<Privilege> privileges = new ArrayList<>();
    for (Privilege privilege : values()) {
      if (privilege != OWNERSHIP && privilege.appliesTo(kind)) {
        privileges.add(privilege);
      }
    }
    return List.copyOf(privileges);
  }

  private static List<String> names(ObjectKind kind) {
    List<String> names = new ArrayList<>();
    for (Privilege privilege : values()) {
      if (privilege.appliesTo(kind)) {
        names.add(privilege.sqlName);
      }
    }
    return names;
  }

  /** The privilege stored under a name. */
  static Privilege stored(String sqlName) {
    for (Privilege privilege : values()) {
      if (privilege.sqlName.equals(sqlName)) {
        return privilege;
      }
    }
    throw new IllegalStateException("The catalog holds an unknown privilege " + sqlName);
  }
}
