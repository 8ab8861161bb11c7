package io.quiver.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server's statements read files only inside its import folder and write them only inside its
 * export folder, however the path tries to leave: {@code ..}, an absolute path, or a symbolic link.
 */
class ServerFilesTest {
  private static final String MODEL_FILE = "'snow://model/iris/versions/V1/model.onnx'";

  @TempDir Path data;
  @TempDir Path outside;

  private SecuredServer server;
  private Connection administrator;
  private Statement statement;

  @BeforeEach
  void startServer() throws Exception {
    server = SecuredServer.start(data);
    server.importExampleModel();
    Files.writeString(server.imports().resolve("rows.csv"), "x\n1\n2\n");
    Files.writeString(outside.resolve("rows.csv"), "x\n3\n4\n");
    Files.copy(server.imports().resolve("iris.onnx"), outside.resolve("iris.onnx"));
    administrator = server.administrator();
    statement = administrator.createStatement();
    statement.execute("CREATE TABLE numbers (x INTEGER)");
    statement.execute("CREATE MODEL iris WITH VERSION v1 FROM 'iris.onnx'");
  }

  @AfterEach
  void stopServer() throws Exception {
    administrator.close();
    server.close();
  }

  @Test
  void filesInsideTheImportFolderAreRead() throws Exception {
    statement.execute("COPY INTO numbers FROM 'rows.csv' HEADER = TRUE");
    statement.execute(
        "COPY INTO numbers FROM '" + server.imports().resolve("rows.csv") + "' HEADER = TRUE");
    statement.execute("ALTER MODEL iris ADD VERSION v2 FROM 'file://iris.onnx'");

    assertThat(SqlRows.of(statement, "SELECT COUNT(*) FROM numbers")).containsExactly("4");
  }

  @Test
  void pathsThatLeaveTheImportFolderAreRefused() throws Exception {
    Path escape = server.imports().relativize(outside.resolve("rows.csv"));
    Files.createSymbolicLink(server.imports().resolve("link.csv"), outside.resolve("rows.csv"));
    Files.createSymbolicLink(server.imports().resolve("models"), outside);

    for (String path :
        new String[] {escape.toString(), outside.resolve("rows.csv").toString(), "link.csv"}) {
      assertThatThrownBy(
              () -> statement.execute("COPY INTO numbers FROM '" + path + "' HEADER = TRUE"))
          .as(path)
          .hasMessageContaining("The server may not read '" + path + "'")
          .hasMessageContaining("only inside " + server.imports().toRealPath());
    }
    for (String path : new String[] {"../iris.onnx", "models/iris.onnx", "models"}) {
      assertThatThrownBy(() -> statement.execute("CREATE MODEL copy FROM '" + path + "'"))
          .as(path)
          .hasMessageContaining("The server may not read");
    }
    assertThat(SqlRows.of(statement, "SELECT COUNT(*) FROM numbers")).containsExactly("0");
  }

  @Test
  void getWritesOnlyInsideTheExportFolder() throws Exception {
    statement.execute("GET " + MODEL_FILE + " 'file://copies/'");
    assertThat(server.exports().resolve("copies").resolve("model.onnx")).isRegularFile();

    Files.createSymbolicLink(server.exports().resolve("out"), outside);
    for (String target :
        new String[] {"file://../escape/", "file://" + outside + "/", "file://out/", "out/x"}) {
      assertThatThrownBy(() -> statement.execute("GET " + MODEL_FILE + " '" + target + "'"))
          .as(target)
          .hasMessageContaining("The server may not write");
    }
    assertThat(data.resolve("escape")).doesNotExist();
    assertThat(outside.resolve("model.onnx")).doesNotExist();
    assertThat(outside.resolve("x")).doesNotExist();
  }
}
