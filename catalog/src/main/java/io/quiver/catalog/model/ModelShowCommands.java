package io.quiver.catalog.model;

import io.quiver.catalog.Names;
import io.quiver.catalog.ObjectName;
import io.quiver.catalog.Session;
import io.quiver.catalog.command.CommandContext;
import io.quiver.catalog.command.LikePattern;
import io.quiver.catalog.command.PreparedCommand;
import io.quiver.catalog.command.ResultColumn;
import io.quiver.catalog.security.AccessControl;
import io.quiver.catalog.security.AccessView;
import io.quiver.parser.ObjectKind;
import io.quiver.parser.SqlDescribeModel;
import io.quiver.parser.SqlShow;
import io.quiver.runtime.signature.MethodSignature;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * SHOW MODELS, SHOW VERSIONS IN MODEL, SHOW FUNCTIONS IN MODEL, SHOW TAGS and DESCRIBE MODEL, with
 * Snowflake's lower-case columns in Snowflake's order. JSON columns hold JSON text and are {@code
 * []} or {@code {}}, never NULL, when empty. Each lists only what the session sees: a model on
 * which its roles hold a privilege, in a schema they may use. Tags have no owner of their own: the
 * owner of their schema manages them, so their owner is NULL.
 */
final class ModelShowCommands {
  static final List<ResultColumn> MODELS =
      List.of(
          ResultColumn.timestamp("created_on"),
          ResultColumn.varchar("name"),
          ResultColumn.varchar("model_type"),
          ResultColumn.varchar("database_name"),
          ResultColumn.varchar("schema_name"),
          ResultColumn.varchar("owner"),
          ResultColumn.varchar("comment"),
          ResultColumn.varchar("versions"),
          ResultColumn.varchar("default_version_name"),
          ResultColumn.varchar("aliases"));

  /**
   * The documented columns, then the ones Snowflake added later; Snowflake does not document where
   * {@code comment} goes, so it comes last.
   */
  static final List<ResultColumn> VERSIONS =
      List.of(
          ResultColumn.timestamp("created_on"),
          ResultColumn.varchar("name"),
          ResultColumn.varchar("aliases"),
          ResultColumn.varchar("database_name"),
          ResultColumn.varchar("schema_name"),
          ResultColumn.varchar("model_name"),
          ResultColumn.bool("is_default_version"),
          ResultColumn.varchar("functions"),
          ResultColumn.varchar("metadata"),
          ResultColumn.varchar("user_data"),
          ResultColumn.varchar("model_attributes"),
          ResultColumn.bigint("size"),
          ResultColumn.varchar("environment"),
          ResultColumn.varchar("runnable_in"),
          ResultColumn.varchar("inference_services"),
          ResultColumn.varchar("comment"));

  static final List<ResultColumn> FUNCTIONS =
      List.of(
          ResultColumn.timestamp("created_on"),
          ResultColumn.varchar("name"),
          ResultColumn.varchar("version_name"),
          ResultColumn.integer("min_num_arguments"),
          ResultColumn.integer("max_num_arguments"),
          ResultColumn.varchar("arguments"),
          ResultColumn.varchar("return_type"),
          ResultColumn.varchar("description"),
          ResultColumn.varchar("language"));

  static final List<ResultColumn> TAGS =
      List.of(
          ResultColumn.timestamp("created_on"),
          ResultColumn.varchar("name"),
          ResultColumn.varchar("database_name"),
          ResultColumn.varchar("schema_name"),
          ResultColumn.varchar("owner"),
          ResultColumn.varchar("comment"),
          ResultColumn.varchar("allowed_values"),
          ResultColumn.varchar("owner_role_type"));

  /** Quiver's own: one row per version and method, with the method's full signature. */
  static final List<ResultColumn> DESCRIBE =
      List.of(
          ResultColumn.timestamp("created_on"),
          ResultColumn.varchar("version_name"),
          ResultColumn.varchar("aliases"),
          ResultColumn.bool("is_default_version"),
          ResultColumn.varchar("method_name"),
          ResultColumn.varchar("function_type"),
          ResultColumn.varchar("arguments"),
          ResultColumn.varchar("return_type"),
          ResultColumn.varchar("inputs"),
          ResultColumn.varchar("outputs"));

  static final String MODEL_TYPE = "USER_MODEL";
  static final String MODEL_ATTRIBUTES = "{\"framework\":\"onnx\",\"task\":\"UNKNOWN\"}";
  static final String ENVIRONMENT = "{\"runtime\":\"ONNX_RUNTIME\"}";
  static final String RUNNABLE_IN = "[\"WAREHOUSE\"]";

  private ModelShowCommands() {}

  static Optional<PreparedCommand> prepare(SqlShow show) {
    return switch (show.objectType()) {
      case MODELS -> Optional.of(PreparedCommand.query(MODELS, context -> models(show, context)));
      case VERSIONS ->
          Optional.of(PreparedCommand.query(VERSIONS, context -> versions(show, context)));
      case FUNCTIONS ->
          Optional.of(PreparedCommand.query(FUNCTIONS, context -> functions(show, context)));
      case TAGS -> Optional.of(PreparedCommand.query(TAGS, context -> tags(show, context)));
      default -> Optional.empty();
    };
  }

  static PreparedCommand describe(SqlDescribeModel describe) {
    return PreparedCommand.query(
        DESCRIBE,
        context -> {
          ObjectName name = Names.object(describe.model(), context.session());
          return describeRows(access(context).model(context.session(), name));
        });
  }

  // SHOW MODELS.

  private static List<Object[]> models(SqlShow show, CommandContext context) {
    LikePattern like = LikePattern.of(show.likePattern());
    AccessView view = access(context).view(context.session());
    Map<List<Object>, String> owners = access(context).owners(ObjectKind.MODEL);
    List<Object[]> rows = new ArrayList<>();
    for (ModelInfo model : registry(context).models(scope(show, context.session()))) {
      if (like.matches(model.name().name()) && view.canSee(model)) {
        rows.add(modelRow(model, owners.get(List.of(model.id()))));
      }
    }
    return rows;
  }

  private static Object[] modelRow(ModelInfo model, @Nullable String owner) {
    return new Object[] {
      model.createdOn(),
      model.name().name(),
      MODEL_TYPE,
      model.name().database(),
      model.name().schema(),
      owner,
      model.comment(),
      Json.array(model.versionNames()),
      model.defaultVersion(),
      Json.object(model.aliases())
    };
  }

  /**
   * Where SHOW MODELS and SHOW TAGS look: without IN, the current database, or the account when the
   * session has none.
   */
  static ModelScope scope(SqlShow show, Session session) {
    AccessControl access = session.store().security().access();
    return switch (show.scope()) {
      case CURRENT -> session.database().map(ModelScope::database).orElse(ModelScope.account());
      case ACCOUNT -> ModelScope.account();
      case DATABASE -> {
        String database =
            show.scopeName() == null
                ? session.requireDatabase()
                : Names.simple(show.scopeName(), "Database");
        access.database(session, database);
        yield ModelScope.database(database);
      }
      case SCHEMA -> {
        List<String> schema =
            show.scopeName() == null
                ? List.of(session.requireDatabase(), session.requireSchema())
                : Names.schema(show.scopeName(), session);
        access.schema(session, schema.get(0), schema.get(1));
        yield ModelScope.schema(schema.get(0), schema.get(1));
      }
      case MODEL ->
          throw ModelErrors.invalid(
              "SHOW "
                  + show.objectType()
                  + " lists schema objects; write IN ACCOUNT, IN DATABASE"
                  + " [name] or IN SCHEMA [name], not IN MODEL");
    };
  }

  // SHOW VERSIONS and SHOW FUNCTIONS.

  private static List<Object[]> versions(SqlShow show, CommandContext context) {
    ModelInfo model = scopeModel(show, context);
    LikePattern like = LikePattern.of(show.likePattern());
    List<Object[]> rows = new ArrayList<>();
    for (ModelVersionInfo version : model.versions()) {
      if (like.matches(version.name())) {
        rows.add(versionRow(model, version));
      }
    }
    return rows;
  }

  private static Object[] versionRow(ModelInfo model, ModelVersionInfo version) {
    return new Object[] {
      version.createdOn(),
      version.name(),
      Json.array(model.aliasesOf(version)),
      model.name().database(),
      model.name().schema(),
      model.name().name(),
      model.isDefault(version),
      Json.array(version.methodNames()),
      version.metadata(),
      "{}",
      MODEL_ATTRIBUTES,
      version.size(),
      ENVIRONMENT,
      RUNNABLE_IN,
      "[]",
      version.comment()
    };
  }

  private static List<Object[]> functions(SqlShow show, CommandContext context) {
    ModelInfo model = scopeModel(show, context);
    ModelVersionInfo version =
        show.version() == null
            ? model.defaultVersionInfo()
            : model.resolveVersion(Names.simple(show.version(), "Version"));
    LikePattern like = LikePattern.of(show.likePattern());
    List<Object[]> rows = new ArrayList<>();
    for (MethodSignature method : version.methods()) {
      if (like.matches(method.method())) {
        rows.add(functionRow(version, method));
      }
    }
    return rows;
  }

  private static Object[] functionRow(ModelVersionInfo version, MethodSignature method) {
    return new Object[] {
      version.createdOn(),
      method.method(),
      version.name(),
      MethodDescriptions.minimumArguments(method),
      MethodDescriptions.maximumArguments(method),
      MethodDescriptions.arguments(method),
      MethodDescriptions.RETURN_TYPE,
      "Runs the model's ONNX graph",
      MethodDescriptions.LANGUAGE
    };
  }

  private static ModelInfo scopeModel(SqlShow show, CommandContext context) {
    if (show.scope() != SqlShow.Scope.MODEL || show.scopeName() == null) {
      throw ModelErrors.invalid(
          "SHOW "
              + show.objectType()
              + " lists the contents of a model; write SHOW "
              + show.objectType()
              + " IN MODEL <name>");
    }
    ObjectName name = Names.object(show.scopeName(), context.session());
    return access(context).model(context.session(), name);
  }

  // SHOW TAGS.

  private static List<Object[]> tags(SqlShow show, CommandContext context) {
    LikePattern like = LikePattern.of(show.likePattern());
    Session session = context.session();
    AccessControl access = access(context);
    List<Object[]> rows = new ArrayList<>();
    for (TagInfo tag : registry(context).tags().tags(scope(show, session))) {
      ObjectName name = tag.name();
      boolean usable = access.usableSchema(session, name.database(), name.schema()).isPresent();
      if (like.matches(name.name()) && usable) {
        rows.add(tagRow(tag));
      }
    }
    return rows;
  }

  /** A tag that takes any value has NULL allowed values, as in Snowflake. */
  private static Object[] tagRow(TagInfo tag) {
    @Nullable String allowed =
        tag.allowedValues().isEmpty() ? null : Json.array(tag.allowedValues());
    return new Object[] {
      tag.createdOn(),
      tag.name().name(),
      tag.name().database(),
      tag.name().schema(),
      null,
      tag.comment(),
      allowed,
      null
    };
  }

  // DESCRIBE MODEL.

  private static List<Object[]> describeRows(ModelInfo model) {
    List<Object[]> rows = new ArrayList<>();
    for (ModelVersionInfo version : model.versions()) {
      for (MethodSignature method : version.methods()) {
        rows.add(
            new Object[] {
              version.createdOn(),
              version.name(),
              Json.array(model.aliasesOf(version)),
              model.isDefault(version),
              method.method(),
              MethodDescriptions.FUNCTION_TYPE,
              MethodDescriptions.arguments(method),
              MethodDescriptions.RETURN_TYPE,
              MethodDescriptions.inputs(method),
              MethodDescriptions.outputs(method)
            });
      }
    }
    return rows;
  }

  static ModelRegistry registry(CommandContext context) {
    return context.session().store().models();
  }

  static AccessControl access(CommandContext context) {
    return context.session().store().security().access();
  }
}
