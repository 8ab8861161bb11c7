package io.quiver.catalog.model;

import io.quiver.catalog.Catalog;
import io.quiver.catalog.ObjectName;
import io.quiver.parser.ModelFunctionName;
import java.util.List;

/** The rules for the names of models, versions and aliases. */
final class ModelNames {
  /** The aliases every model has: its default, oldest and newest version. */
  static final List<String> SYSTEM_ALIASES = List.of("DEFAULT", "FIRST", "LAST");

  private ModelNames() {}

  static boolean isSystemAlias(String name) {
    return SYSTEM_ALIASES.contains(name);
  }

  static void checkModelName(String name) {
    checkName("Model", name);
  }

  static void checkVersionName(String name) {
    checkName("Version", name);
    checkNotSystemAlias("a version name", name);
  }

  static void checkAliasName(String name) {
    checkName("Alias", name);
    checkNotSystemAlias("a user alias", name);
  }

  private static void checkName(String kind, String name) {
    Catalog.checkIdentifier(kind, name);
    if (name.indexOf(ModelFunctionName.SEPARATOR) >= 0) {
      throw ModelErrors.invalid(
          kind
              + " name "
              + ObjectName.quote(name)
              + " cannot contain '"
              + ModelFunctionName.SEPARATOR
              + "', which separates model, method and version in function names such as"
              + " CHURN!PREDICT!V1; choose a name without it");
    }
  }

  private static void checkNotSystemAlias(String use, String name) {
    if (isSystemAlias(name)) {
      throw ModelErrors.invalid(
          name
              + " is a system alias and cannot be "
              + use
              + "; system aliases are "
              + String.join(", ", SYSTEM_ALIASES));
    }
  }
}
