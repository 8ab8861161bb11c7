package io.quiver.catalog.model;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The artifact folder: immutable files named by the SHA-256 of their content. A file is first
 * written to the staging folder and then moved into place in one step, so a file under its checksum
 * is always complete.
 */
final class ArtifactStore {
  private static final Logger LOG = LoggerFactory.getLogger(ArtifactStore.class);
  private static final Pattern CHECKSUM = Pattern.compile("[0-9a-f]{64}");
  private static final String STAGING = "staging";

  private final Path folder;

  ArtifactStore(Path folder) {
    this.folder = requireNonNull(folder, "folder is null");
  }

  /** A file written to the staging folder, not yet in place. */
  record StagedArtifact(Path file, String checksum, String md5, long size) {}

  /** Where the content with this checksum is kept. */
  Path path(String checksum) {
    if (!CHECKSUM.matcher(checksum).matches()) {
      throw new IllegalArgumentException("Not an artifact checksum: " + checksum);
    }
    return folder.resolve(checksum);
  }

  /** Writes content to the staging folder, durably, and computes its checksums. */
  StagedArtifact stage(byte[] content) {
    Path staging = folder.resolve(STAGING);
    Path file = staging.resolve(UUID.randomUUID() + ".tmp");
    try {
      Files.createDirectories(staging);
      try (FileChannel channel =
          FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write an artifact to " + staging, e);
    }
    return new StagedArtifact(file, hex("SHA-256", content), hex("MD5", content), content.length);
  }

  /** Moves a staged file into place; when the content is already there, drops the copy. */
  void publish(StagedArtifact staged) {
    Path target = path(staged.checksum());
    try {
      if (Files.exists(target)) {
        Files.deleteIfExists(staged.file());
        return;
      }
      Files.move(staged.file(), target, StandardCopyOption.ATOMIC_MOVE);
      LOG.debug("Stored artifact {} ({} bytes)", staged.checksum(), staged.size());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot store artifact " + staged.checksum(), e);
    }
  }

  /** Removes a staged file that was never published. */
  void discard(StagedArtifact staged) {
    deleteQuietly(staged.file());
  }

  void delete(String checksum) {
    deleteQuietly(path(checksum));
    LOG.debug("Deleted artifact {}", checksum);
  }

  boolean exists(String checksum) {
    return Files.isRegularFile(path(checksum));
  }

  /**
   * Deletes what a crash may have left: staged files, and files whose checksum is not among the
   * ones the catalog keeps.
   */
  void sweep(Set<String> kept) {
    deleteStaged();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (CHECKSUM.matcher(name).matches() && !kept.contains(name)) {
          LOG.info("Deleting artifact {} that no model version uses", name);
          deleteQuietly(file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the artifact folder " + folder, e);
    }
  }

  private void deleteStaged() {
    Path staging = folder.resolve(STAGING);
    if (!Files.isDirectory(staging)) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(staging)) {
      for (Path file : files) {
        LOG.info("Deleting unfinished artifact {}", file.getFileName());
        deleteQuietly(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the staging folder " + staging, e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("Cannot delete {}; it is deleted at the next start: {}", file, e.toString());
    }
  }

  private static String hex(String algorithm, byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("The JVM has no " + algorithm, e);
    }
  }
}
