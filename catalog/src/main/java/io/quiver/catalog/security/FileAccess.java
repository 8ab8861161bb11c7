package io.quiver.catalog.security;

import io.quiver.catalog.QuiverException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The files of the machine that a session's statements may touch: {@code CREATE MODEL ... FROM
 * 'path'} and {@code COPY INTO} read files, {@code GET} writes them.
 *
 * <p>A connection of the embedded driver may read and write any path its process can, as the
 * process can anyway. A server's connections are held to its import folder for reading and its
 * export folder for writing: a path is resolved against the folder, symbolic links are followed,
 * and a path whose real location is outside the folder is refused, whether it leaves through {@code
 * ..} or a link. A folder replaced by a symbolic link between the check and the write is not
 * detected.
 */
public final class FileAccess {
  private static final FileAccess UNRESTRICTED = new FileAccess(null, null);

  private final @Nullable Path importFolder;
  private final @Nullable Path exportFolder;

  private FileAccess(@Nullable Path importFolder, @Nullable Path exportFolder) {
    this.importFolder = importFolder;
    this.exportFolder = exportFolder;
  }

  /** Any path the process can read or write. */
  public static FileAccess unrestricted() {
    return UNRESTRICTED;
  }

  /** Only files inside the two folders, which are created if missing. */
  public static FileAccess within(Path importFolder, Path exportFolder) {
    return new FileAccess(realFolder(importFolder), realFolder(exportFolder));
  }

  private static Path realFolder(Path folder) {
    try {
      Files.createDirectories(folder);
      return folder.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the folder " + folder, e);
    }
  }

  public boolean isRestricted() {
    return importFolder != null;
  }

  /**
   * The real path of a file or folder a statement reads; relative paths resolve against the import
   * folder. Fails, without saying whether the path exists, when it is outside the import folder.
   */
  public Path readable(String path) {
    if (importFolder == null) {
      return Path.of(path);
    }
    Path requested = importFolder.resolve(path).normalize();
    if (!requested.startsWith(importFolder)) {
      throw outside(path, "read", importFolder);
    }
    if (!Files.exists(requested)) {
      return requested;
    }
    Path real = realPath(requested);
    if (!real.startsWith(importFolder)) {
      throw outside(path, "read", importFolder);
    }
    return real;
  }

  /**
   * The folder a statement writes files into, created if missing; relative paths resolve against
   * the export folder. Fails when the folder is outside the export folder.
   */
  public Path writableFolder(String path) {
    if (exportFolder == null) {
      return createFolder(Path.of(path));
    }
    Path requested = exportFolder.resolve(path).normalize();
    if (!requested.startsWith(exportFolder) || !realAncestor(requested).startsWith(exportFolder)) {
      throw outside(path, "write", exportFolder);
    }
    Path real = realPath(createFolder(requested));
    if (!real.startsWith(exportFolder)) {
      throw outside(path, "write", exportFolder);
    }
    return real;
  }

  /** The real path of the deepest part of a path that exists. */
  private static Path realAncestor(Path path) {
    Path existing = path;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    return existing == null ? path : realPath(existing);
  }

  private static Path realPath(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot resolve " + path, e);
    }
  }

  private static Path createFolder(Path folder) {
    try {
      return Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create folder " + folder, e);
    }
  }

  private static QuiverException outside(String path, String verb, Path folder) {
    return new QuiverException(
        QuiverException.Category.PRIVILEGE,
        "The server may not "
            + verb
            + " '"
            + path
            + "': its statements "
            + verb
            + " files only inside "
            + folder
            + "; give a path inside that folder");
  }
}
