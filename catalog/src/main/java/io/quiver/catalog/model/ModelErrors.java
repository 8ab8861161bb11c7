package io.quiver.catalog.model;

import io.quiver.catalog.ObjectName;
import io.quiver.catalog.QuiverException;
import java.util.Collection;
import java.util.stream.Collectors;

/** The registry's errors, each naming the object and what exists instead. */
final class ModelErrors {
  private ModelErrors() {}

  static QuiverException limit(String message) {
    return QuiverException.limit(message);
  }

  static QuiverException invalid(String message) {
    return QuiverException.invalid(message);
  }

  static QuiverException noSuchModel(ObjectName model) {
    return QuiverException.notFound(
        "Model " + model + " does not exist; create it with CREATE MODEL " + model + " FROM ...");
  }

  /** A version name that is neither a version of the model nor, when accepted, an alias. */
  static QuiverException noSuchVersion(ModelInfo model, String name, boolean aliasesAccepted) {
    String versions = "versions are " + list(model.versionNames());
    if (!aliasesAccepted) {
      return QuiverException.notFound(
          "Model " + model.name() + " has no version " + ObjectName.quote(name) + "; " + versions);
    }
    return QuiverException.notFound(
        "Model "
            + model.name()
            + " has no version or alias "
            + ObjectName.quote(name)
            + "; "
            + versions
            + ", aliases are "
            + list(model.aliases().keySet()));
  }

  /** Names as a user would type them, comma separated, or "none". */
  static String list(Collection<String> names) {
    if (names.isEmpty()) {
      return "none";
    }
    return names.stream().map(ObjectName::quote).collect(Collectors.joining(", "));
  }
}
