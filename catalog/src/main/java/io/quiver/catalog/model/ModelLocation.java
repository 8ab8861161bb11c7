package io.quiver.catalog.model;

import static java.util.Objects.requireNonNull;

import io.quiver.catalog.Names;
import io.quiver.catalog.ObjectName;
import io.quiver.catalog.Session;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * The files of a model version, addressed as {@code
 * snow://model/<model>/versions/<version>/[path]}. The model is a SQL name, possibly qualified and
 * quoted; the version resolves like a SQL name too: upper-cased unless double-quoted.
 *
 * @param model the model's full name
 * @param version the version's name, or an alias
 * @param path the file, or the prefix of the files, within the version; empty for all of them
 */
record ModelLocation(ObjectName model, String version, String path) {
  static final String PREFIX = "snow://model/";
  private static final String VERSIONS = "/versions/";
  private static final String FORM = "'snow://model/<model>/versions/<version>/[<file>]'";

  ModelLocation {
    requireNonNull(model, "model is null");
    requireNonNull(version, "version is null");
    requireNonNull(path, "path is null");
  }

  static ModelLocation parse(String location, Session session) {
    if (!location.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      throw notLocation(location);
    }
    IdentifierPath.Parsed model = IdentifierPath.parse(location, PREFIX.length(), '/');
    int versionStart = model.end() + VERSIONS.length();
    if (!location.regionMatches(true, model.end(), VERSIONS, 0, VERSIONS.length())) {
      throw notLocation(location);
    }
    int versionEnd = location.indexOf('/', versionStart);
    String version =
        versionEnd < 0
            ? location.substring(versionStart)
            : location.substring(versionStart, versionEnd);
    if (version.length() > 1 && version.startsWith("\"") && version.endsWith("\"")) {
      version = version.substring(1, version.length() - 1).replace("\"\"", "\"");
    } else {
      version = version.toUpperCase(java.util.Locale.ROOT);
    }
    if (version.isEmpty()) {
      throw notLocation(location);
    }
    String path = versionEnd < 0 ? "" : location.substring(versionEnd + 1);
    SqlIdentifier name = new SqlIdentifier(model.parts(), SqlParserPos.ZERO);
    return new ModelLocation(Names.object(name, session), version, path);
  }

  private static RuntimeException notLocation(String location) {
    return ModelErrors.invalid(
        "Location '" + location + "' does not name a model version's files; write " + FORM);
  }
}
