package io.quiver.catalog.model;

import static java.util.Objects.requireNonNull;

import io.quiver.catalog.ObjectName;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A model with its versions, in creation order.
 *
 * @param id the model's key in the catalog
 * @param schemaId the key of the schema that holds the model
 * @param name the model's full name
 * @param comment the comment, or null
 * @param defaultVersion the name of the default version
 * @param versions the versions, oldest first
 */
public record ModelInfo(
    long id,
    long schemaId,
    ObjectName name,
    @Nullable String comment,
    String defaultVersion,
    OffsetDateTime createdOn,
    OffsetDateTime lastAltered,
    List<ModelVersionInfo> versions) {
  public ModelInfo {
    requireNonNull(name, "name is null");
    requireNonNull(defaultVersion, "defaultVersion is null");
    requireNonNull(createdOn, "createdOn is null");
    requireNonNull(lastAltered, "lastAltered is null");
    versions = List.copyOf(versions);
    if (versions.isEmpty()) {
      throw new IllegalArgumentException("Model " + name + " has no versions");
    }
  }

  public List<String> versionNames() {
    return versions.stream().map(ModelVersionInfo::name).toList();
  }

  public Optional<ModelVersionInfo> version(String name) {
    return versions.stream().filter(version -> version.name().equals(name)).findFirst();
  }

  /** The version with this name, or an error listing the versions. */
  public ModelVersionInfo requireVersion(String name) {
    return version(name).orElseThrow(() -> ModelErrors.noSuchVersion(this, name, false));
  }

  public ModelVersionInfo defaultVersionInfo() {
    return requireVersion(defaultVersion);
  }

  public ModelVersionInfo first() {
    return versions.get(0);
  }

  public ModelVersionInfo last() {
    return versions.get(versions.size() - 1);
  }

  /** The version a version name, user alias or system alias stands for. */
  public Optional<ModelVersionInfo> findVersion(String versionOrAlias) {
    Optional<ModelVersionInfo> byName = version(versionOrAlias);
    if (byName.isPresent()) {
      return byName;
    }
    String target = aliases().get(versionOrAlias);
    return target == null ? Optional.empty() : version(target);
  }

  /** The version a name or alias stands for, or an error listing versions and aliases. */
  public ModelVersionInfo resolveVersion(String versionOrAlias) {
    return findVersion(versionOrAlias)
        .orElseThrow(() -> ModelErrors.noSuchVersion(this, versionOrAlias, true));
  }

  /**
   * Every alias and the version it stands for: DEFAULT, FIRST and LAST, then the user aliases in
   * name order.
   */
  public Map<String, String> aliases() {
    Map<String, String> aliases = new LinkedHashMap<>();
    aliases.put("DEFAULT", defaultVersion);
    aliases.put("FIRST", first().name());
    aliases.put("LAST", last().name());
    Map<String, String> user = new TreeMap<>();
    for (ModelVersionInfo version : versions) {
      if (version.alias() != null) {
        user.put(version.alias(), version.name());
      }
    }
    aliases.putAll(user);
    return aliases;
  }

  /** The aliases of one version: its user alias, then DEFAULT, FIRST and LAST as they apply. */
  public List<String> aliasesOf(ModelVersionInfo version) {
    List<String> aliases = new ArrayList<>();
    if (version.alias() != null) {
      aliases.add(version.alias());
    }
    if (version.name().equals(defaultVersion)) {
      aliases.add("DEFAULT");
    }
    if (version.id() == first().id()) {
      aliases.add("FIRST");
    }
    if (version.id() == last().id()) {
      aliases.add("LAST");
    }
    return List.copyOf(aliases);
  }

  public boolean isDefault(ModelVersionInfo version) {
    return version.name().equals(defaultVersion);
  }
}
