package io.quiver.parser;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/** {@code ALTER MODEL [IF EXISTS] name <action>}. */
public final class SqlAlterModel extends QuiverCommand {
  /** What the statement changes. */
  public enum Action {
    /** {@code SET COMMENT = '...', DEFAULT_VERSION = v}. */
    SET_PROPERTIES,
    /** {@code UNSET COMMENT}. */
    UNSET_PROPERTIES,
    /** {@code SET TAG t = 'value', ...}. */
    SET_TAGS,
    /** {@code UNSET TAG t, ...}. */
    UNSET_TAGS,
    /** {@code RENAME TO new_name}. */
    RENAME,
    /** {@code ADD VERSION v FROM source [options]}. */
    ADD_VERSION,
    /** {@code DROP VERSION v}. */
    DROP_VERSION,
    /** {@code VERSION v SET ALIAS = a}. */
    SET_ALIAS,
    /** {@code VERSION v_or_alias UNSET ALIAS}. */
    UNSET_ALIAS,
    /** {@code MODIFY VERSION v SET COMMENT = '...', METADATA = '{...}'}. */
    MODIFY_VERSION_SET,
    /** {@code MODIFY VERSION v UNSET COMMENT, METADATA}. */
    MODIFY_VERSION_UNSET
  }

  private final boolean ifExists;
  private final SqlIdentifier model;
  private final Action action;
  private final @Nullable SqlIdentifier version;
  private final @Nullable SqlIdentifier target;
  private final @Nullable SqlNodeList list;
  private final @Nullable ModelSource source;

  public SqlAlterModel(
      SqlParserPos pos,
      boolean ifExists,
      SqlIdentifier model,
      Action action,
      @Nullable SqlIdentifier version,
      @Nullable SqlIdentifier target,
      @Nullable SqlNodeList list,
      @Nullable ModelSource source) {
    super(pos, "ALTER MODEL", SqlKind.OTHER_DDL);
    this.ifExists = ifExists;
    this.model = requireNonNull(model, "model is null");
    this.action = requireNonNull(action, "action is null");
    this.version = version;
    this.target = target;
    this.list = list;
    this.source = source;
  }

  public boolean ifExists() {
    return ifExists;
  }

  public SqlIdentifier model() {
    return model;
  }

  public Action action() {
    return action;
  }

  /** The version (or alias) the action applies to. */
  public SqlIdentifier version() {
    return requireNonNull(version, "version");
  }

  /** The new name of RENAME, or the alias of SET ALIAS. */
  public SqlIdentifier target() {
    return requireNonNull(target, "target");
  }

  /** The properties of a SET, the tag assignments of SET TAG, or the options of ADD VERSION. */
  public List<SqlProperty> properties() {
    return SqlProperties.of(requireNonNull(list, "list"));
  }

  /** The names of an UNSET. */
  public List<String> names() {
    return SqlProperties.names(requireNonNull(list, "list"));
  }

  public ModelSource source() {
    return requireNonNull(source, "source");
  }

  @Override
  public boolean isDdl() {
    return true;
  }

  @Override
  protected List<@Nullable SqlNode> operands() {
    return Arrays.asList(model, version, target, list, source == null ? null : source.node());
  }
}
