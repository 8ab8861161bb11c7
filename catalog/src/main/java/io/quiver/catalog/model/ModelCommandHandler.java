package io.quiver.catalog.model;

import io.quiver.catalog.Names;
import io.quiver.catalog.ObjectName;
import io.quiver.catalog.SchemaInfo;
import io.quiver.catalog.Session;
import io.quiver.catalog.command.CommandContext;
import io.quiver.catalog.command.CommandHandler;
import io.quiver.catalog.command.PreparedCommand;
import io.quiver.catalog.security.AccessControl;
import io.quiver.catalog.security.Privilege;
import io.quiver.catalog.security.Securable;
import io.quiver.parser.ModelSource;
import io.quiver.parser.SqlAlterModel;
import io.quiver.parser.SqlArtifactCommand;
import io.quiver.parser.SqlCommentOnModel;
import io.quiver.parser.SqlCreateModel;
import io.quiver.parser.SqlCreateTag;
import io.quiver.parser.SqlDescribeModel;
import io.quiver.parser.SqlDropModel;
import io.quiver.parser.SqlDropTag;
import io.quiver.parser.SqlProperty;
import io.quiver.parser.SqlShow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The statements of a model's life cycle: CREATE, ALTER, DROP and COMMENT ON MODEL, CREATE and DROP
 * TAG, SHOW MODELS, VERSIONS, FUNCTIONS and TAGS, DESCRIBE MODEL, and LIST and GET on a version's
 * files. Names resolve against the session when the statement runs, and so do the checks of the
 * session's privileges: creating a model needs CREATE MODEL on its schema and makes the session's
 * role its owner; changing or dropping it needs OWNERSHIP; copying a version from a model needs
 * READ on it; reading a file of the server needs the file to be one the session may read.
 */
public final class ModelCommandHandler implements CommandHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ModelCommandHandler.class);
  private static final String COMMENT = "COMMENT";
  private static final String METADATA = "METADATA";
  private static final String DEFAULT_VERSION = "DEFAULT_VERSION";
  private static final String FILE_SCHEME = "file://";

  @Override
  public Optional<PreparedCommand> prepare(SqlNode statement, Session session) {
    if (statement instanceof SqlCreateModel create) {
      return Optional.of(createModel(create));
    }
    if (statement instanceof SqlAlterModel alter) {
      return Optional.of(alterModel(alter));
    }
    if (statement instanceof SqlDropModel drop) {
      return Optional.of(dropModel(drop));
    }
    if (statement instanceof SqlCommentOnModel comment) {
      return Optional.of(commentOnModel(comment));
    }
    if (statement instanceof SqlShow show) {
      return ModelShowCommands.prepare(show);
    }
    return prepareOther(statement);
  }

  private static Optional<PreparedCommand> prepareOther(SqlNode statement) {
    if (statement instanceof SqlCreateTag create) {
      return Optional.of(createTag(create));
    }
    if (statement instanceof SqlDropTag drop) {
      return Optional.of(dropTag(drop));
    }
    if (statement instanceof SqlDescribeModel describe) {
      return Optional.of(ModelShowCommands.describe(describe));
    }
    if (statement instanceof SqlArtifactCommand artifacts) {
      return Optional.of(ArtifactCommands.prepare(artifacts));
    }
    return Optional.empty();
  }

  // CREATE, DROP and COMMENT ON MODEL.

  private static PreparedCommand createModel(SqlCreateModel create) {
    CreateMode mode = createMode(create.getReplace(), create.ifNotExists, "MODEL");
    StatementOptions options =
        StatementOptions.of(create.options(), "CREATE MODEL", List.of(COMMENT, METADATA));
    @Nullable String versionName =
        create.version() == null ? null : Names.simple(create.version(), "Version");
    return PreparedCommand.update(
        parameterTypes(create.source()),
        context -> {
          Session session = context.session();
          ObjectName name = Names.object(create.name(), session);
          AccessControl access = access(context);
          SchemaInfo schema = access.schema(session, name.database(), name.schema());
          access.require(
              session, Securable.schema(schema), "create models in", Privilege.CREATE_MODEL);
          Optional<ModelInfo> existing = registry(context).model(name);
          if (existing.isPresent() && mode == CreateMode.REPLACE) {
            access.require(
                session, Securable.model(existing.get()), "replace", Privilege.OWNERSHIP);
          }
          VersionSource source = source(create.source(), context);
          NewVersion version = new NewVersion(versionName, source, null, options.get(METADATA));
          registry(context)
              .createModel(name, version, options.get(COMMENT), mode, access.modelOwner(session));
        });
  }

  private static CreateMode createMode(boolean replace, boolean ifNotExists, String kind) {
    if (replace && ifNotExists) {
      throw ModelErrors.invalid(
          "CREATE OR REPLACE "
              + kind
              + " and IF NOT EXISTS cannot be combined; write one or the other");
    }
    if (replace) {
      return CreateMode.REPLACE;
    }
    return ifNotExists ? CreateMode.KEEP_EXISTING : CreateMode.FAIL_IF_EXISTS;
  }

  private static PreparedCommand dropModel(SqlDropModel drop) {
    return PreparedCommand.update(
        context -> {
          ObjectName name = Names.object(drop.name(), context.session());
          if (drop.ifExists && access(context).visibleModel(context.session(), name).isEmpty()) {
            return;
          }
          access(context).model(context.session(), name, "drop", Privilege.OWNERSHIP);
          registry(context).dropModel(name, drop.ifExists);
        });
  }

  private static PreparedCommand commentOnModel(SqlCommentOnModel comment) {
    ModelChanges changes = ModelChanges.none().withComment(comment.comment());
    return PreparedCommand.update(
        context -> {
          ObjectName name = Names.object(comment.model(), context.session());
          access(context).model(context.session(), name, "comment on", Privilege.OWNERSHIP);
          registry(context).alterModel(name, changes);
        });
  }

  // Model sources.

  private static List<Integer> parameterTypes(ModelSource source) {
    if (!source.isParameter()) {
      return List.of();
    }
    List<Integer> types = new ArrayList<>();
    for (int index = 0; index <= source.parameterIndex(); index++) {
      types.add(PreparedCommand.BINARY_PARAMETER);
    }
    return List.copyOf(types);
  }

  private static VersionSource source(ModelSource source, CommandContext context) {
    if (source.isModel()) {
      ObjectName model = Names.object(source.model(), context.session());
      access(context).model(context.session(), model, "copy a version of", Privilege.READ);
      @Nullable String version =
          source.version() == null ? null : Names.simple(source.version(), "Version");
      return new VersionSource.Copy(model, version);
    }
    if (source.isParameter()) {
      int index = source.parameterIndex();
      String origin = "bound to parameter " + (index + 1);
      return new VersionSource.Bytes(bytes(context.parameter(index), origin), origin);
    }
    String path = source.path();
    String local = path.startsWith(FILE_SCHEME) ? path.substring(FILE_SCHEME.length()) : path;
    Path file = context.session().files().readable(local);
    if (Files.isDirectory(file)) {
      file = context.session().files().readable(file.resolve(ArtifactFile.MODEL_FILE).toString());
    }
    return new VersionSource.File(file);
  }

  private static byte[] bytes(@Nullable Object value, String origin) {
    if (value instanceof byte[] bytes) {
      return bytes;
    }
    if (value instanceof ByteString bytes) {
      return bytes.getBytes();
    }
    throw ModelErrors.invalid(
        "The model file "
            + origin
            + " must be the bytes of an ONNX file, bound with setBytes; "
            + (value == null ? "NULL" : "a " + value.getClass().getSimpleName())
            + " was bound");
  }

  // ALTER MODEL.

  /** The work of an ALTER MODEL statement on a model that exists. */
  @FunctionalInterface
  private interface ModelAction {
    void run(ModelRegistry registry, ObjectName model, CommandContext context);
  }

  private static PreparedCommand alterModel(SqlAlterModel alter) {
    ModelAction action = modelAction(alter);
    List<Integer> parameterTypes =
        alter.action() == SqlAlterModel.Action.ADD_VERSION
            ? parameterTypes(alter.source())
            : List.of();
    return PreparedCommand.update(
        parameterTypes,
        context -> {
          ObjectName model = Names.object(alter.model(), context.session());
          ModelRegistry registry = registry(context);
          AccessControl access = access(context);
          if (alter.ifExists() && access.visibleModel(context.session(), model).isEmpty()) {
            LOG.debug("ALTER MODEL IF EXISTS: model {} does not exist", model);
            return;
          }
          access.model(context.session(), model, "alter", Privilege.OWNERSHIP);
          action.run(registry, model, context);
        });
  }

  private static ModelAction modelAction(SqlAlterModel alter) {
    return switch (alter.action()) {
      case SET_PROPERTIES -> setProperties(alter.properties());
      case UNSET_PROPERTIES -> unsetProperties(alter.names());
      case SET_TAGS -> setTags(alter.properties());
      case UNSET_TAGS -> unsetTags(identifiers(alter));
      case RENAME -> rename(alter.target());
      case ADD_VERSION -> addVersion(alter);
      case DROP_VERSION -> {
        String version = Names.simple(alter.version(), "Version");
        yield (registry, model, context) -> registry.dropVersion(model, version);
      }
      case SET_ALIAS -> {
        String version = Names.simple(alter.version(), "Version");
        String alias = Names.simple(alter.target(), "Alias");
        yield (registry, model, context) -> registry.setAlias(model, version, alias);
      }
      case UNSET_ALIAS -> {
        String version = Names.simple(alter.version(), "Version");
        yield (registry, model, context) -> registry.unsetAlias(model, version);
      }
      case MODIFY_VERSION_SET, MODIFY_VERSION_UNSET -> modifyVersion(alter);
    };
  }

  private static ModelAction setProperties(List<SqlProperty> properties) {
    StatementOptions options =
        StatementOptions.of(properties, "ALTER MODEL ... SET", List.of(COMMENT, DEFAULT_VERSION));
    ModelChanges changes = ModelChanges.none();
    if (options.has(COMMENT)) {
      changes = changes.withComment(options.get(COMMENT));
    }
    if (options.has(DEFAULT_VERSION)) {
      changes = changes.withDefaultVersion(defaultVersion(properties));
    }
    ModelChanges all = changes;
    return (registry, model, context) -> registry.alterModel(model, all);
  }

  /** DEFAULT_VERSION's value: a version name, bare or quoted, or a string. */
  private static String defaultVersion(List<SqlProperty> properties) {
    for (SqlProperty property : properties) {
      if (property.name().equalsIgnoreCase(DEFAULT_VERSION)) {
        SqlNode value = property.value();
        if (value instanceof SqlIdentifier identifier) {
          return Names.simple(identifier, "Version");
        }
        String text = SqlProperty.textOrNull(value);
        if (text != null) {
          return text;
        }
      }
    }
    throw ModelErrors.invalid("DEFAULT_VERSION needs a version name; write DEFAULT_VERSION = V2");
  }

  private static ModelAction unsetProperties(List<String> names) {
    StatementOptions.names(names, "ALTER MODEL ... UNSET", List.of(COMMENT));
    ModelChanges changes = ModelChanges.none().withComment(null);
    return (registry, model, context) -> registry.alterModel(model, changes);
  }

  private static ModelAction setTags(List<SqlProperty> assignments) {
    return (registry, model, context) -> {
      Map<ObjectName, String> values = new LinkedHashMap<>();
      for (SqlProperty assignment : assignments) {
        ObjectName tag = Names.object(assignment.nameIdentifier(), context.session());
        access(context).schema(context.session(), tag.database(), tag.schema());
        values.put(tag, assignment.valueText());
      }
      registry.tags().setTags(model, values);
    };
  }

  private static ModelAction unsetTags(List<SqlIdentifier> names) {
    return (registry, model, context) -> {
      List<ObjectName> tags = new ArrayList<>();
      for (SqlIdentifier name : names) {
        ObjectName tag = Names.object(name, context.session());
        access(context).schema(context.session(), tag.database(), tag.schema());
        tags.add(tag);
      }
      registry.tags().unsetTags(model, tags);
    };
  }

  /** The names of UNSET TAG, each possibly qualified. */
  private static List<SqlIdentifier> identifiers(SqlAlterModel alter) {
    List<SqlIdentifier> names = new ArrayList<>();
    for (SqlNode operand : alter.getOperandList()) {
      if (operand instanceof SqlNodeList list) {
        list.forEach(name -> names.add((SqlIdentifier) name));
      }
    }
    return List.copyOf(names);
  }

  /** RENAME TO: a name without schema stays in the model's schema. */
  private static ModelAction rename(SqlIdentifier target) {
    return (registry, model, context) -> {
      ObjectName newName =
          target.isSimple()
              ? new ObjectName(model.database(), model.schema(), target.getSimple())
              : Names.object(target, context.session());
      if (!newName.schemaPath().equals(model.schemaPath())) {
        Session session = context.session();
        AccessControl access = access(context);
        SchemaInfo schema = access.schema(session, newName.database(), newName.schema());
        access.require(
            session, Securable.schema(schema), "move models into", Privilege.CREATE_MODEL);
      }
      registry.renameModel(model, newName);
    };
  }

  private static ModelAction addVersion(SqlAlterModel alter) {
    String version = Names.simple(alter.version(), "Version");
    StatementOptions options =
        StatementOptions.of(alter.properties(), "ADD VERSION", List.of(COMMENT, METADATA));
    return (registry, model, context) -> {
      VersionSource source = source(alter.source(), context);
      NewVersion newVersion =
          new NewVersion(version, source, options.get(COMMENT), options.get(METADATA));
      registry.addVersion(model, newVersion);
    };
  }

  private static ModelAction modifyVersion(SqlAlterModel alter) {
    String version = Names.simple(alter.version(), "Version");
    VersionChanges changes =
        alter.action() == SqlAlterModel.Action.MODIFY_VERSION_SET
            ? versionSettings(alter.properties())
            : versionUnsettings(alter.names());
    return (registry, model, context) -> registry.modifyVersion(model, version, changes);
  }

  private static VersionChanges versionSettings(List<SqlProperty> properties) {
    StatementOptions options =
        StatementOptions.of(properties, "MODIFY VERSION ... SET", List.of(COMMENT, METADATA));
    VersionChanges changes = VersionChanges.none();
    if (options.has(COMMENT)) {
      changes = changes.withComment(options.get(COMMENT));
    }
    if (options.has(METADATA)) {
      changes = changes.withMetadata(options.get(METADATA));
    }
    return changes;
  }

  private static VersionChanges versionUnsettings(List<String> names) {
    List<String> unset =
        StatementOptions.names(names, "MODIFY VERSION ... UNSET", List.of(COMMENT, METADATA));
    VersionChanges changes = VersionChanges.none();
    if (unset.contains(COMMENT)) {
      changes = changes.withComment(null);
    }
    if (unset.contains(METADATA)) {
      changes = changes.withMetadata(null);
    }
    return changes;
  }

  // Tags.

  private static PreparedCommand createTag(SqlCreateTag create) {
    CreateMode mode = createMode(create.getReplace(), create.ifNotExists, "TAG");
    StatementOptions options =
        StatementOptions.of(create.options(), "CREATE TAG", List.of(COMMENT));
    List<String> allowedValues = create.allowedValues();
    return PreparedCommand.update(
        context -> {
          ObjectName name = Names.object(create.name(), context.session());
          requireSchemaOwner(context, name, "create tags in");
          registry(context).tags().createTag(name, allowedValues, options.get(COMMENT), mode);
        });
  }

  private static PreparedCommand dropTag(SqlDropTag drop) {
    return PreparedCommand.update(
        context -> {
          ObjectName name = Names.object(drop.name(), context.session());
          requireSchemaOwner(context, name, "drop tags of");
          registry(context).tags().dropTag(name, drop.ifExists);
        });
  }

  /** Tags are not objects with privileges of their own: the owner of their schema manages them. */
  private static void requireSchemaOwner(CommandContext context, ObjectName tag, String action) {
    Session session = context.session();
    AccessControl access = access(context);
    SchemaInfo schema = access.schema(session, tag.database(), tag.schema());
    access.require(session, Securable.schema(schema), action, Privilege.OWNERSHIP);
  }

  static AccessControl access(CommandContext context) {
    return context.session().store().security().access();
  }

  private static ModelRegistry registry(CommandContext context) {
    return context.session().store().models();
  }
}
