package io.quiver.parser;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code SHOW GRANTS TO ROLE r}, {@code SHOW GRANTS TO USER u}, {@code SHOW GRANTS OF ROLE r},
 * {@code SHOW GRANTS ON <kind> name} and {@code SHOW FUTURE GRANTS IN SCHEMA s}.
 */
public final class SqlShowGrants extends QuiverCommand {
  /** Which grants are listed. */
  public enum Form {
    /** The privileges and roles granted to a role. */
    TO_ROLE,
    /** The roles granted to a user. */
    TO_USER,
    /** The users and roles a role is granted to. */
    OF_ROLE,
    /** The privileges granted on an object. */
    ON_OBJECT,
    /** The future grants of a schema. */
    FUTURE_IN_SCHEMA
  }

  private final Form form;
  private final @Nullable ObjectKind kind;
  private final SqlIdentifier name;

  public SqlShowGrants(SqlParserPos pos, Form form, @Nullable ObjectKind kind, SqlIdentifier name) {
    super(pos, "SHOW GRANTS", SqlKind.OTHER);
    this.form = requireNonNull(form, "form is null");
    this.kind = kind;
    this.name = requireNonNull(name, "name is null");
    if ((form == Form.ON_OBJECT) != (kind != null)) {
      throw new IllegalArgumentException("SHOW GRANTS ON names a kind of object, and only it");
    }
  }

  public Form form() {
    return form;
  }

  /** The kind of object of SHOW GRANTS ON. */
  public ObjectKind kind() {
    return requireNonNull(kind, "kind");
  }

  /** The role, user, object or schema named. */
  public SqlIdentifier name() {
    return name;
  }

  @Override
  public boolean isDdl() {
    return false;
  }

  @Override
  protected List<@Nullable SqlNode> operands() {
    return List.of(name);
  }
}
