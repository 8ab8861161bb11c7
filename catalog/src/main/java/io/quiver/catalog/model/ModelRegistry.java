package io.quiver.catalog.model;

import static java.util.Objects.requireNonNull;

import io.quiver.catalog.ObjectName;
import io.quiver.catalog.QuiverException;
import io.quiver.catalog.SchemaInfo;
import io.quiver.catalog.Store;
import io.quiver.catalog.model.ArtifactStore.StagedArtifact;
import io.quiver.parser.ModelFunctionName;
import io.quiver.runtime.InvalidModelException;
import io.quiver.runtime.signature.MethodSignature;
import io.quiver.runtime.signature.OnnxModelInspector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models of a store: their versions, aliases, methods and artifacts, kept in the catalog tables
 * and the artifact folder.
 *
 * <p>Every change runs in one H2 transaction, under a lock that serializes the registry's changes,
 * so a statement that fails leaves nothing behind. Artifacts are immutable files named by their
 * SHA-256; a file no version uses any more is deleted after the transaction that dropped its last
 * user commits, and at startup.
 */
public final class ModelRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);

  /**
   * The largest model file Quiver can log. The ONNX inspector takes a model's bytes, so a model
   * file is read into one array, and files of 2 GB or more cannot be logged yet.
   */
  private static final long MAX_READABLE_BYTES = Integer.MAX_VALUE - 8;

  private final Store store;
  private final ModelLimits limits;
  private final ArtifactStore artifacts;
  private final TagRegistry tags;
  private final ReentrantLock changes = new ReentrantLock();
  private final List<Consumer<String>> releaseListeners = new CopyOnWriteArrayList<>();
  private final Random random = new Random();

  /** The registry of a store, with limits from the system properties. */
  public ModelRegistry(Store store) {
    this(store, ModelLimits.fromSystemProperties());
  }

  public ModelRegistry(Store store, ModelLimits limits) {
    this.store = requireNonNull(store, "store is null");
    this.limits = requireNonNull(limits, "limits is null");
    this.artifacts = new ArtifactStore(store.artifactFolder());
    this.tags = new TagRegistry(store, this);
    sweepAtStartup();
  }

  public ModelLimits limits() {
    return limits;
  }

  /** The tags of the store, and their values on models. */
  public TagRegistry tags() {
    return tags;
  }

  // Reading.

  public Optional<ModelInfo> model(ObjectName name) {
    requireNonNull(name, "name is null");
    return store.transaction(connection -> ModelTables.findModel(connection, name));
  }

  /** The model, or an error saying it does not exist. */
  public ModelInfo requireModel(ObjectName name) {
    return model(name).orElseThrow(() -> ModelErrors.noSuchModel(name));
  }

  /** The models of a scope, sorted by database, schema and name. */
  public List<ModelInfo> models(ModelScope scope) {
    requireNonNull(scope, "scope is null");
    return store.transaction(connection -> ModelTables.models(connection, scope));
  }

  /**
   * The version a call runs: the named version or alias, or the default version when {@code
   * versionOrAlias} is null.
   */
  public ResolvedModelVersion resolve(ObjectName model, @Nullable String versionOrAlias) {
    requireNonNull(model, "model is null");
    return store.transaction(
        connection -> {
          ModelInfo info = requireModel(connection, model);
          ModelVersionInfo outline =
              versionOrAlias == null
                  ? info.defaultVersionInfo()
                  : info.resolveVersion(versionOrAlias);
          return resolved(info, ModelTables.withContent(connection, outline));
        });
  }

  private ResolvedModelVersion resolved(ModelInfo info, ModelVersionInfo version) {
    ArtifactFile file = version.modelFile();
    return new ResolvedModelVersion(
        info.name(),
        version.name(),
        version.methods(),
        file.checksum(),
        artifacts.path(file.checksum()));
  }

  /**
   * The functions a schema publishes for its models' methods: for each model and method, the
   * default version's (with no version), then one per version name, user alias and system alias
   * whose version has the method. Each call reads every model of the schema from the catalog.
   */
  public List<ModelFunctionName> functionNames(SchemaInfo schema) {
    requireNonNull(schema, "schema is null");
    List<ModelInfo> models =
        store.transaction(connection -> ModelTables.modelsOfSchema(connection, schema.id()));
    List<ModelFunctionName> names = new ArrayList<>();
    for (ModelInfo model : models) {
      names.addAll(functionNames(model));
    }
    return List.copyOf(names);
  }

  private static List<ModelFunctionName> functionNames(ModelInfo model) {
    Map<@Nullable String, ModelVersionInfo> targets = new LinkedHashMap<>();
    targets.put(null, model.defaultVersionInfo());
    for (ModelVersionInfo version : model.versions()) {
      targets.put(version.name(), version);
    }
    for (Map.Entry<String, String> alias : model.aliases().entrySet()) {
      targets.put(alias.getKey(), model.requireVersion(alias.getValue()));
    }
    List<ModelFunctionName> names = new ArrayList<>();
    targets.forEach(
        (label, version) -> {
          for (String method : version.methodNames()) {
            names.add(new ModelFunctionName(model.name().name(), method, label));
          }
        });
    return names;
  }

  /** Where the content of a version's file is kept. */
  public Path artifactPath(ArtifactFile file) {
    requireNonNull(file, "file is null");
    return artifacts.path(file.checksum());
  }

  /**
   * Registers a listener called with the checksum of a model artifact once no version uses it any
   * more, after the dropping transaction commits: a cache of sessions keyed by checksum can then
   * release the session.
   */
  public void onVersionReleased(Consumer<String> listener) {
    releaseListeners.add(requireNonNull(listener, "listener is null"));
  }

  // Creating models and versions.

  /**
   * Creates a model with one version, which becomes its default, and returns the version's name.
   * Returns null when the model exists and {@code mode} keeps it.
   */
  public @Nullable String createModel(
      ObjectName name, NewVersion version, @Nullable String comment, CreateMode mode) {
    return createModel(name, version, comment, mode, ModelOwner.NONE);
  }

  /**
   * Creates a model as {@link #createModel(ObjectName, NewVersion, String, CreateMode)} does, and
   * records its owner in the same transaction.
   */
  public @Nullable String createModel(
      ObjectName name,
      NewVersion version,
      @Nullable String comment,
      CreateMode mode,
      ModelOwner owner) {
    requireNonNull(name, "name is null");
    requireNonNull(owner, "owner is null");
    requireNonNull(version, "version is null");
    requireNonNull(mode, "mode is null");
    ModelNames.checkModelName(name.name());
    checkVersionName(version);
    String metadata = metadataOf(version);
    SchemaInfo schema = store.catalog().requireSchema(name.database(), name.schema());
    if (mode == CreateMode.KEEP_EXISTING && modelExists(name)) {
      return null;
    }

    LoggedFiles files = logFiles(version.source());
    ModelCreation creation =
        new ModelCreation(name, schema, comment, version, metadata, files, owner);
    String created = change(files.staged(), connection -> create(connection, creation, mode));

    if (created != null) {
      LOG.info("Logged model {} with version {}", name, ObjectName.quote(created));
    }
    return created;
  }

  /** What CREATE MODEL inserts, once its files are staged. */
  private record ModelCreation(
      ObjectName name,
      SchemaInfo schema,
      @Nullable String comment,
      NewVersion version,
      @Nullable String metadata,
      LoggedFiles files,
      ModelOwner owner) {}

  private @Nullable String create(Connection connection, ModelCreation creation, CreateMode mode)
      throws SQLException {
    Optional<ModelInfo> existing = ModelTables.findOutline(connection, creation.name());
    if (existing.isPresent() && !replaces(existing.get(), mode)) {
      return null;
    }
    NewVersion version = creation.version();
    VersionContent content =
        content(
            connection,
            creation.files(),
            version.source(),
            creation.metadata(),
            existing.orElse(null));
    if (existing.isPresent()) {
      ModelTables.deleteModel(connection, existing.get().id());
    }

    String versionName = version.name() != null ? version.name() : generatedName(Set.of());
    long modelId =
        ModelTables.insertModel(
            connection, creation.schema().id(), creation.name().name(), creation.comment());
    long versionId = insertVersion(connection, modelId, versionName, version, content);
    ModelTables.setDefaultVersion(connection, modelId, versionId);
    creation.owner().own(connection, creation.name(), modelId, creation.schema().id());
    return versionName;
  }

  private boolean modelExists(ObjectName name) {
    return store.transaction(connection -> ModelTables.modelExists(connection, name));
  }

  private static boolean replaces(ModelInfo existing, CreateMode mode) {
    return switch (mode) {
      case REPLACE -> true;
      case KEEP_EXISTING -> false;
      case FAIL_IF_EXISTS ->
          throw QuiverException.alreadyExists(
              "Model "
                  + existing.name()
                  + " already exists; use CREATE OR REPLACE MODEL to replace it, or ALTER MODEL "
                  + existing.name()
                  + " ADD VERSION to add a version");
    };
  }

  /** Adds a version to a model, leaving its default version as it is; returns its name. */
  public String addVersion(ObjectName name, NewVersion version) {
    requireNonNull(name, "name is null");
    requireNonNull(version, "version is null");
    checkVersionName(version);
    String metadata = metadataOf(version);
    if (!modelExists(name)) {
      throw ModelErrors.noSuchModel(name);
    }

    LoggedFiles files = logFiles(version.source());
    String added =
        change(
            files.staged(),
            connection -> {
              ModelInfo model = requireModel(connection, name);
              checkVersionCount(model);
              String versionName = freeVersionName(model, version.name());
              VersionContent content =
                  content(connection, files, version.source(), metadata, model);
              insertVersion(connection, model.id(), versionName, version, content);
              ModelTables.touchModel(connection, model.id());
              return versionName;
            });

    LOG.info("Logged version {} of model {}", ObjectName.quote(added), name);
    return added;
  }

  private static void checkVersionName(NewVersion version) {
    if (version.name() != null) {
      ModelNames.checkVersionName(version.name());
    }
  }

  private static @Nullable String metadataOf(NewVersion version) {
    return version.metadata() == null ? null : VersionMetadata.normalize(version.metadata());
  }

  private static void checkVersionCount(ModelInfo model) {
    if (model.versions().size() >= ModelLimits.MAX_VERSIONS) {
      throw ModelErrors.limit(
          "Model "
              + model.name()
              + " has "
              + model.versions().size()
              + " versions, the limit per model is "
              + ModelLimits.MAX_VERSIONS
              + "; drop a version with ALTER MODEL "
              + model.name()
              + " DROP VERSION <name> first");
    }
  }

  /** The name a new version gets: the one given, unless taken, or a generated one. */
  private String freeVersionName(ModelInfo model, @Nullable String name) {
    if (name == null) {
      Set<String> taken = new HashSet<>(model.versionNames());
      taken.addAll(model.aliases().keySet());
      return generatedName(taken);
    }
    if (model.version(name).isPresent()) {
      throw QuiverException.alreadyExists(
          "Model "
              + model.name()
              + " already has a version "
              + ObjectName.quote(name)
              + "; versions are "
              + ModelErrors.list(model.versionNames()));
    }
    String aliased = model.aliases().get(name);
    if (aliased != null) {
      throw QuiverException.alreadyExists(
          "Model "
              + model.name()
              + " already has an alias "
              + ObjectName.quote(name)
              + " of version "
              + ObjectName.quote(aliased)
              + "; choose another version name");
    }
    return name;
  }

  private String generatedName(Set<String> taken) {
    return VersionNames.generate(taken, random);
  }

  private static long insertVersion(
      Connection connection, long modelId, String name, NewVersion version, VersionContent content)
      throws SQLException {
    long versionId =
        ModelTables.insertVersion(connection, modelId, name, version.comment(), content.metadata());
    ModelTables.insertMethods(connection, versionId, content.methods());
    for (Map.Entry<String, String> file : content.files().entrySet()) {
      ModelTables.insertFile(connection, versionId, file.getKey(), file.getValue());
    }
    return versionId;
  }

  // The content of new versions.

  /**
   * The files of a version logged from an ONNX file, staged but not yet in place; none for a copy.
   */
  private record LoggedFiles(
      List<StagedArtifact> staged, List<MethodSignature> methods, Map<String, String> files) {
    static LoggedFiles none() {
      return new LoggedFiles(List.of(), List.of(), Map.of());
    }
  }

  /**
   * What a new version holds.
   *
   * @param files the checksum of each file, by path
   */
  private record VersionContent(
      Map<String, String> files, List<MethodSignature> methods, String metadata) {}

  /** Reads, inspects and stages an ONNX file; nothing for a copy, which is read in the change. */
  private LoggedFiles logFiles(VersionSource source) {
    if (source instanceof VersionSource.Copy) {
      return LoggedFiles.none();
    }
    String origin = origin(source);
    byte[] model = readModel(source, origin);
    List<MethodSignature> methods = inspect(model, origin);
    ModelLimits.checkMethods(methods);

    StagedArtifact modelFile = artifacts.stage(model);
    StagedArtifact manifest;
    try {
      manifest = artifacts.stage(ModelManifest.of(modelFile.checksum(), methods));
    } catch (RuntimeException e) {
      artifacts.discard(modelFile);
      throw e;
    }

    Map<String, String> files = new LinkedHashMap<>();
    files.put(ArtifactFile.MODEL_FILE, modelFile.checksum());
    files.put(ArtifactFile.MANIFEST_FILE, manifest.checksum());
    return new LoggedFiles(List.of(modelFile, manifest), methods, files);
  }

  private static String origin(VersionSource source) {
    if (source instanceof VersionSource.Bytes bytes) {
      return bytes.origin();
    }
    return ((VersionSource.File) source).path().toString();
  }

  private byte[] readModel(VersionSource source, String origin) {
    if (source instanceof VersionSource.Bytes bytes) {
      limits.checkModelSize(bytes.content().length, origin);
      return bytes.content();
    }
    Path file = modelFile(((VersionSource.File) source).path());
    try {
      long size = Files.size(file);
      limits.checkModelSize(size, origin);
      checkReadable(size, origin);
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read model file " + file, e);
    }
  }

  /** The ONNX file at a path: the path itself, or model.onnx in a folder. */
  private static Path modelFile(Path path) {
    Path file = Files.isDirectory(path) ? path.resolve(ArtifactFile.MODEL_FILE) : path;
    if (!Files.isRegularFile(file)) {
      throw QuiverException.notFound(
          "Model file "
              + file
              + " does not exist; give the path of an ONNX file on the server, or of a folder"
              + " holding "
              + ArtifactFile.MODEL_FILE);
    }
    return file;
  }

  private static void checkReadable(long size, String origin) {
    if (size > MAX_READABLE_BYTES) {
      throw ModelErrors.limit(
          "Model file "
              + origin
              + " has "
              + size
              + " bytes; Quiver reads a model into memory to inspect it and cannot log files"
              + " of 2 GB or more yet");
    }
  }

  private static List<MethodSignature> inspect(byte[] model, String origin) {
    try {
      return List.of(OnnxModelInspector.inspect(model));
    } catch (InvalidModelException | IllegalArgumentException e) {
      throw ModelErrors.invalid("Cannot log model file " + origin + ": " + e.getMessage());
    }
  }

  /**
   * The content of a new version. A copy reads its source version; {@code known} is a model already
   * read in the change, which a copy of its own versions reuses.
   */
  private VersionContent content(
      Connection connection,
      LoggedFiles files,
      VersionSource source,
      @Nullable String metadata,
      @Nullable ModelInfo known)
      throws SQLException {
    if (source instanceof VersionSource.Copy copy) {
      ModelVersionInfo version = copiedVersion(connection, copy, known);
      Map<String, String> copied = new LinkedHashMap<>();
      version.files().forEach(file -> copied.put(file.path(), file.checksum()));
      String kept = metadata != null ? metadata : version.metadata();
      return new VersionContent(copied, version.methods(), kept);
    }
    for (StagedArtifact artifact : files.staged()) {
      ModelTables.insertArtifact(connection, artifact);
    }
    String given = metadata != null ? metadata : VersionMetadata.EMPTY;
    return new VersionContent(files.files(), files.methods(), given);
  }

  private static ModelVersionInfo copiedVersion(
      Connection connection, VersionSource.Copy copy, @Nullable ModelInfo known)
      throws SQLException {
    ModelInfo source =
        known != null && known.name().equals(copy.model())
            ? known
            : requireModel(connection, copy.model());
    ModelVersionInfo version =
        copy.version() == null
            ? source.defaultVersionInfo()
            : source.resolveVersion(copy.version());
    return ModelTables.withContent(connection, version);
  }

  // Changing models.

  /** Drops a model with all its versions; returns whether it existed. */
  public boolean dropModel(ObjectName name, boolean ifExists) {
    requireNonNull(name, "name is null");
    boolean dropped =
        change(
            List.of(),
            connection -> {
              Optional<ModelInfo> model = ModelTables.findOutline(connection, name);
              if (model.isEmpty() && ifExists) {
                return false;
              }
              ModelTables.deleteModel(
                  connection, model.orElseThrow(() -> ModelErrors.noSuchModel(name)).id());
              return true;
            });

    if (dropped) {
      LOG.info("Dropped model {}", name);
    }
    return dropped;
  }

  /** Changes a model's comment and default version together. */
  public void alterModel(ObjectName name, ModelChanges modelChanges) {
    requireNonNull(name, "name is null");
    requireNonNull(modelChanges, "modelChanges is null");
    String defaultVersion =
        change(
            List.of(),
            connection -> {
              ModelInfo model = requireModel(connection, name);
              if (modelChanges.changesComment()) {
                ModelTables.setComment(connection, model.id(), modelChanges.comment());
              }
              if (modelChanges.defaultVersion() == null) {
                return null;
              }
              ModelVersionInfo version = model.resolveVersion(modelChanges.defaultVersion());
              ModelTables.setDefaultVersion(connection, model.id(), version.id());
              return version.name();
            });

    if (defaultVersion != null) {
      LOG.info("Version {} is the default of model {}", ObjectName.quote(defaultVersion), name);
    }
  }

  /** Renames a model, possibly into another schema. */
  public void renameModel(ObjectName name, ObjectName newName) {
    requireNonNull(name, "name is null");
    requireNonNull(newName, "newName is null");
    ModelNames.checkModelName(newName.name());
    SchemaInfo target = store.catalog().requireSchema(newName.database(), newName.schema());
    change(
        List.of(),
        connection -> {
          ModelInfo model = requireModel(connection, name);
          if (ModelTables.modelExists(connection, target.id(), newName.name())) {
            throw QuiverException.alreadyExists(
                "Cannot rename model "
                    + name
                    + " to "
                    + newName
                    + ": a model of that name exists; choose another name or drop it first");
          }
          ModelTables.renameModel(connection, model.id(), target.id(), newName.name());
          return null;
        });

    LOG.info("Renamed model {} to {}", name, newName);
  }

  // Changing versions.

  /** Drops a version that is not the model's default. */
  public void dropVersion(ObjectName name, String versionName) {
    requireNonNull(name, "name is null");
    requireNonNull(versionName, "versionName is null");
    change(
        List.of(),
        connection -> {
          ModelInfo model = requireModel(connection, name);
          ModelVersionInfo version = model.requireVersion(versionName);
          if (model.isDefault(version)) {
            throw defaultVersionDropped(model, version);
          }
          ModelTables.deleteVersion(connection, version.id());
          ModelTables.touchModel(connection, model.id());
          return null;
        });

    LOG.info("Dropped version {} of model {}", ObjectName.quote(versionName), name);
  }

  private static QuiverException defaultVersionDropped(ModelInfo model, ModelVersionInfo version) {
    return new QuiverException(
        QuiverException.Category.IN_USE,
        "Version "
            + ObjectName.quote(version.name())
            + " is the default version of model "
            + model.name()
            + " and cannot be dropped; make another version the default first with ALTER MODEL "
            + model.name()
            + " SET DEFAULT_VERSION = <version>, or drop the model");
  }

  /** Gives a version (named by name or alias) a user alias. */
  public void setAlias(ObjectName name, String versionOrAlias, String alias) {
    requireNonNull(name, "name is null");
    requireNonNull(versionOrAlias, "versionOrAlias is null");
    requireNonNull(alias, "alias is null");
    ModelNames.checkAliasName(alias);
    change(
        List.of(),
        connection -> {
          ModelInfo model = requireModel(connection, name);
          ModelVersionInfo version = model.resolveVersion(versionOrAlias);
          if (alias.equals(version.alias())) {
            return null;
          }
          checkAliasFree(model, version, alias);
          ModelTables.insertAlias(connection, model.id(), version.id(), alias);
          ModelTables.touchModel(connection, model.id());
          return null;
        });

    LOG.debug("Alias {} of model {} is set", ObjectName.quote(alias), name);
  }

  private static void checkAliasFree(ModelInfo model, ModelVersionInfo version, String alias) {
    if (model.version(alias).isPresent()) {
      throw QuiverException.alreadyExists(
          "Alias "
              + ObjectName.quote(alias)
              + " would hide version "
              + ObjectName.quote(alias)
              + " of model "
              + model.name()
              + "; choose an alias that is not a version name");
    }
    String holder = model.aliases().get(alias);
    if (holder != null) {
      throw QuiverException.alreadyExists(
          "Alias "
              + ObjectName.quote(alias)
              + " of model "
              + model.name()
              + " is already set on version "
              + ObjectName.quote(holder)
              + "; unset it first with ALTER MODEL "
              + model.name()
              + " VERSION "
              + ObjectName.quote(holder)
              + " UNSET ALIAS");
    }
    if (version.alias() != null) {
      throw QuiverException.alreadyExists(
          "Version "
              + ObjectName.quote(version.name())
              + " of model "
              + model.name()
              + " already has alias "
              + ObjectName.quote(version.alias())
              + ", and a version has at most one; unset it first with ALTER MODEL "
              + model.name()
              + " VERSION "
              + ObjectName.quote(version.name())
              + " UNSET ALIAS");
    }
  }

  /** Removes the user alias of a version, named by its name or by that alias. */
  public void unsetAlias(ObjectName name, String versionOrAlias) {
    requireNonNull(name, "name is null");
    requireNonNull(versionOrAlias, "versionOrAlias is null");
    if (ModelNames.isSystemAlias(versionOrAlias)) {
      throw ModelErrors.invalid(
          versionOrAlias
              + " is a system alias and cannot be unset; DEFAULT, FIRST and LAST follow the"
              + " default, oldest and newest versions");
    }
    change(
        List.of(),
        connection -> {
          ModelInfo model = requireModel(connection, name);
          ModelVersionInfo version = model.resolveVersion(versionOrAlias);
          if (version.alias() == null) {
            throw ModelErrors.invalid(
                "Version "
                    + ObjectName.quote(version.name())
                    + " of model "
                    + model.name()
                    + " has no user alias to unset; aliases are "
                    + ModelErrors.list(model.aliases().keySet()));
          }
          ModelTables.deleteAlias(connection, version.id());
          ModelTables.touchModel(connection, model.id());
          return null;
        });

    LOG.debug("Alias of version {} of model {} is unset", ObjectName.quote(versionOrAlias), name);
  }

  /** Changes the comment and metadata of a version, named by its name or an alias. */
  public void modifyVersion(ObjectName name, String versionOrAlias, VersionChanges versionChanges) {
    requireNonNull(name, "name is null");
    requireNonNull(versionOrAlias, "versionOrAlias is null");
    requireNonNull(versionChanges, "versionChanges is null");
    String metadata =
        versionChanges.changesMetadata() ? metadataOrEmpty(versionChanges.metadata()) : null;
    change(
        List.of(),
        connection -> {
          ModelInfo model = requireModel(connection, name);
          ModelVersionInfo version = model.resolveVersion(versionOrAlias);
          if (versionChanges.changesComment()) {
            ModelTables.setVersionComment(connection, version.id(), versionChanges.comment());
          }
          if (metadata != null) {
            ModelTables.setVersionMetadata(connection, version.id(), metadata);
          }
          return null;
        });

    LOG.debug("Version {} of model {} is modified", ObjectName.quote(versionOrAlias), name);
  }

  private static String metadataOrEmpty(@Nullable String metadata) {
    return metadata == null ? VersionMetadata.EMPTY : VersionMetadata.normalize(metadata);
  }

  // Changes and artifacts.

  /** A model's outline: its versions and aliases, without their methods and files. */
  static ModelInfo requireModel(Connection connection, ObjectName name) throws SQLException {
    return ModelTables.findOutline(connection, name)
        .orElseThrow(() -> ModelErrors.noSuchModel(name));
  }

  /**
   * Runs one statement's change: puts its staged artifacts in place, runs its work in one
   * transaction, then deletes the artifacts no version uses, whether the work committed or not.
   */
  <T> T change(List<StagedArtifact> staged, Store.Work<T> work) {
    changes.lock();
    try {
      staged.forEach(artifacts::publish);
      return store.transaction(work);
    } finally {
      staged.forEach(artifacts::discard);
      releaseUnused(staged);
      changes.unlock();
    }
  }

  /**
   * Deletes artifacts no version uses and tells the listeners. Dropping a schema or database
   * deletes its models' rows by cascade without the registry knowing, so their files stay until the
   * next change of the registry, the next start, or a call of this method.
   */
  public void sweepArtifacts() {
    change(List.of(), connection -> null);
  }

  private void releaseUnused(List<StagedArtifact> staged) {
    try {
      List<String> released = store.transaction(ModelTables::deleteUnusedArtifacts);
      for (String checksum : released) {
        artifacts.delete(checksum);
        notifyReleased(checksum);
      }
      for (StagedArtifact artifact : staged) {
        String checksum = artifact.checksum();
        if (!store.transaction(connection -> ModelTables.artifactExists(connection, checksum))) {
          artifacts.delete(checksum);
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("Cannot delete unused artifacts now; they are deleted at the next start", e);
    }
  }

  private void notifyReleased(String checksum) {
    for (Consumer<String> listener : releaseListeners) {
      try {
        listener.accept(checksum);
      } catch (RuntimeException e) {
        LOG.warn("A listener failed on the release of artifact {}", checksum, e);
      }
    }
  }

  private void sweepAtStartup() {
    List<String> released = store.transaction(ModelTables::deleteUnusedArtifacts);
    Set<String> kept = store.transaction(ModelTables::artifactChecksums);
    artifacts.sweep(kept);
    for (String checksum : kept) {
      if (!artifacts.exists(checksum)) {
        LOG.warn(
            "Artifact {} is missing from {}; the versions that use it cannot run",
            checksum,
            store.artifactFolder());
      }
    }
    LOG.debug("Artifacts: {} kept, {} released at startup", kept.size(), released.size());
  }
}
