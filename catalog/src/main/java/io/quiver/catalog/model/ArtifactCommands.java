package io.quiver.catalog.model;

import io.quiver.catalog.ObjectName;
import io.quiver.catalog.QuiverException;
import io.quiver.catalog.command.CommandContext;
import io.quiver.catalog.command.PreparedCommand;
import io.quiver.catalog.command.ResultColumn;
import io.quiver.catalog.security.Privilege;
import io.quiver.parser.SqlArtifactCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LIST and GET on a model version's files, addressed as {@code snow://model/<model>/versions/
 * <version>/[path]}. The files are read-only: nothing writes through these locations. Both need
 * READ (or OWNERSHIP) on the model; GET writes only into a folder the session may write.
 */
final class ArtifactCommands {
  private static final Logger LOG = LoggerFactory.getLogger(ArtifactCommands.class);
  private static final String FILE_SCHEME = "file://";

  static final List<ResultColumn> LIST =
      List.of(
          ResultColumn.varchar("name"),
          ResultColumn.bigint("size"),
          ResultColumn.varchar("md5"),
          ResultColumn.varchar("last_modified"));

  static final List<ResultColumn> GET =
      List.of(
          ResultColumn.varchar("file"),
          ResultColumn.bigint("size"),
          ResultColumn.varchar("status"),
          ResultColumn.varchar("message"));

  private ArtifactCommands() {}

  static PreparedCommand prepare(SqlArtifactCommand command) {
    if (command.isGet()) {
      return PreparedCommand.query(GET, context -> get(command, context));
    }
    return PreparedCommand.query(LIST, context -> list(command, context));
  }

  /** The version a location names, and its files whose path starts with the location's path. */
  private record LocatedFiles(ModelInfo model, ModelVersionInfo version, List<ArtifactFile> files) {
    /** The name LIST shows for a file: {@code versions/V1/model.onnx}. */
    String name(ArtifactFile file) {
      return "versions/" + version.name() + "/" + file.path();
    }
  }

  private static List<Object[]> list(SqlArtifactCommand command, CommandContext context) {
    LocatedFiles located = locate(command, context);
    List<Object[]> rows = new ArrayList<>();
    for (ArtifactFile file : located.files()) {
      String modified =
          DateTimeFormatter.RFC_1123_DATE_TIME.format(
              file.createdOn().atZoneSameInstant(ZoneOffset.UTC));
      rows.add(new Object[] {located.name(file), file.size(), file.md5(), modified});
    }
    return rows;
  }

  private static List<Object[]> get(SqlArtifactCommand command, CommandContext context) {
    LocatedFiles located = locate(command, context);
    if (located.files().isEmpty()) {
      throw noFiles(command, located);
    }
    Path folder = targetFolder(command.target(), context);
    ModelRegistry registry = ModelShowCommands.registry(context);
    List<Object[]> rows = new ArrayList<>();
    for (ArtifactFile file : located.files()) {
      copy(registry.artifactPath(file), folder.resolve(file.path()));
      rows.add(new Object[] {file.path(), file.size(), "DOWNLOADED", ""});
    }
    LOG.debug("Copied {} files of {} to {}", rows.size(), command.location(), folder);
    return rows;
  }

  private static LocatedFiles locate(SqlArtifactCommand command, CommandContext context) {
    ModelLocation location = ModelLocation.parse(command.location(), context.session());
    ModelInfo model =
        ModelShowCommands.access(context)
            .model(context.session(), location.model(), "read the files of", Privilege.READ);
    ModelVersionInfo version = model.resolveVersion(location.version());
    List<ArtifactFile> files =
        version.files().stream().filter(file -> file.path().startsWith(location.path())).toList();
    return new LocatedFiles(model, version, files);
  }

  private static QuiverException noFiles(SqlArtifactCommand command, LocatedFiles located) {
    List<String> paths = located.version().files().stream().map(ArtifactFile::path).toList();
    return QuiverException.notFound(
        "No file of version "
            + ObjectName.quote(located.version().name())
            + " of model "
            + located.model().name()
            + " matches '"
            + command.location()
            + "'; its files are "
            + String.join(", ", paths)
            + " under '"
            + ModelLocation.PREFIX
            + located.model().name()
            + "/versions/"
            + located.version().name()
            + "/'");
  }

  private static Path targetFolder(String target, CommandContext context) {
    String path = target.startsWith(FILE_SCHEME) ? target.substring(FILE_SCHEME.length()) : target;
    if (path.isEmpty()) {
      throw ModelErrors.invalid(
          "GET needs a local folder to write to; write 'file:///<folder>/', not '" + target + "'");
    }
    return context.session().files().writableFolder(path);
  }

  private static void copy(Path artifact, Path target) {
    try {
      Files.copy(artifact, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + target, e);
    }
  }
}
