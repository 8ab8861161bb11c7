package io.quiver.parser;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * {@code LIST 'snow://model/m/versions/v/'} and {@code GET 'snow://model/m/versions/v/file'
 * 'file:///directory/'}: a model version's artifacts.
 */
public final class SqlArtifactCommand extends QuiverCommand {
  private final SqlNode location;
  private final @Nullable SqlNode target;

  private SqlArtifactCommand(
      SqlParserPos pos, String name, SqlNode location, @Nullable SqlNode target) {
    super(pos, name, SqlKind.OTHER);
    this.location = requireNonNull(location, "location is null");
    this.target = target;
  }

  public static SqlArtifactCommand list(SqlParserPos pos, SqlNode location) {
    return new SqlArtifactCommand(pos, "LIST", location, null);
  }

  public static SqlArtifactCommand get(SqlParserPos pos, SqlNode location, SqlNode target) {
    return new SqlArtifactCommand(pos, "GET", location, requireNonNull(target, "target"));
  }

  /** Whether this is GET (copy files out) rather than LIST. */
  public boolean isGet() {
    return target != null;
  }

  public String location() {
    return SqlProperty.textOf(location);
  }

  /** The folder GET writes to. */
  public String target() {
    return SqlProperty.textOf(requireNonNull(target, "target"));
  }

  @Override
  public boolean isDdl() {
    return false;
  }

  @Override
  protected List<@Nullable SqlNode> operands() {
    return Arrays.asList(location, target);
  }
}
