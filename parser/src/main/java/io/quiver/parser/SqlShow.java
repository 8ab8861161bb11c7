package io.quiver.parser;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/** {@code SHOW <objects> [LIKE 'pattern'] [IN scope]}. */
public final class SqlShow extends QuiverCommand {
  /** What is listed. */
  public enum ObjectType {
    DATABASES,
    SCHEMAS,
    TABLES,
    MODELS,
    VERSIONS,
    FUNCTIONS,
    TAGS,
    USERS,
    ROLES
  }

  /** Where the objects are looked for. */
  public enum Scope {
    /** No IN clause: the current database or schema, as each object type defines. */
    CURRENT,
    ACCOUNT,
    DATABASE,
    SCHEMA,
    MODEL
  }

  private final ObjectType objectType;
  private final @Nullable SqlNode likePattern;
  private final Scope scope;
  private final @Nullable SqlIdentifier scopeName;
  private final @Nullable SqlIdentifier version;

  public SqlShow(
      SqlParserPos pos,
      ObjectType objectType,
      @Nullable SqlNode likePattern,
      Scope scope,
      @Nullable SqlIdentifier scopeName,
      @Nullable SqlIdentifier version) {
    super(pos, "SHOW " + objectType, SqlKind.OTHER);
    this.objectType = requireNonNull(objectType, "objectType is null");
    this.likePattern = likePattern;
    this.scope = requireNonNull(scope, "scope is null");
    this.scopeName = scopeName;
    this.version = version;
  }

  public ObjectType objectType() {
    return objectType;
  }

  /** The LIKE pattern's text, or null when there is none. */
  public @Nullable String likePattern() {
    return likePattern == null ? null : SqlProperty.textOf(likePattern);
  }

  public Scope scope() {
    return scope;
  }

  public @Nullable SqlIdentifier scopeName() {
    return scopeName;
  }

  public @Nullable SqlIdentifier version() {
    return version;
  }

  @Override
  public boolean isDdl() {
    return false;
  }

  @Override
  protected List<@Nullable SqlNode> operands() {
    return Arrays.asList(likePattern, scopeName, version);
  }
}
