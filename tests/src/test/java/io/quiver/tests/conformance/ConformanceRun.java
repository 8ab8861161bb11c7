package io.quiver.tests.conformance;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One shared model run through SQL on a private embedded store: logged with CREATE MODEL, the rows
 * of its test cases loaded into a table and the model called on them with {@code SELECT row_id,
 * model!predict(...) FROM case_rows ORDER BY row_id} in every argument form the inputs allow, then
 * once more selecting each output by its name; then its dataset checks.
 */
final class ConformanceRun implements AutoCloseable {
  private static final String CASE_TABLE = "case_rows";

  private final String model;
  private final Path folder;
  private final String sqlName;
  private final Connection connection;
  private final Statement statement;

  ConformanceRun(String model) throws SQLException {
    this.model = model;
    this.folder = SharedModels.folder(model);
    this.sqlName = folder.getFileName().toString();
    this.connection = DriverManager.getConnection("jdbc:quiver:mem:");
    this.statement = connection.createStatement();
  }

  /** Logs the model, then checks its test cases and its dataset checks. */
  void passes() throws SQLException, IOException {
    log();

    checkCases();
    checkDatasets();
  }

  void log() throws SQLException {
    statement.execute("CREATE MODEL " + sqlName + " FROM '" + folder.resolve("model.onnx") + "'");
  }

  /** Calls the logged model on every row of its test cases, and checks every output. */
  void checkCases() throws SQLException, IOException {
    MethodSignature signature = MethodSignature.describe(statement, sqlName);
    List<ConformanceCase> cases = cases(signature);
    if (cases.isEmpty()) {
      return;
    }

    InputTable table = InputTable.create(connection, CASE_TABLE, concatenatedInputs(cases));
    CaseRows rows = new CaseRows(model, cases, signature.outputNames());
    for (ArgumentForm form : table.forms()) {
      String query = "SELECT row_id, " + call(table, form) + " FROM " + CASE_TABLE;
      rows.check("the ROW of a call with " + form + " arguments", rowFields(query));
    }
    String byName = outputsByName(call(table, table.forms().get(0)), signature);
    String query = "SELECT row_id, " + byName + " FROM " + CASE_TABLE;
    rows.check("each output selected by name", columns(query));
  }

  /** Runs the dataset checks of expected.json, if it has some. */
  void checkDatasets() throws SQLException, IOException {
    if (SharedModels.isNodeTest(model)) {
      return;
    }

    List<DatasetCheck> checks = ExpectedJson.read(folder).datasetChecks();
    for (int index = 0; index < checks.size(); index++) {
      String table = "dataset_rows_" + (index + 1);
      DatasetAccuracy.check(connection, sqlName, folder, checks.get(index), table);
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }

  private List<ConformanceCase> cases(MethodSignature signature) throws IOException {
    if (SharedModels.isNodeTest(model)) {
      return List.of(NodeTestData.testCase(folder, signature));
    }
    return ExpectedJson.read(folder).cases(signature);
  }

  /** Each input's rows of every case, one case after the other. */
  private static List<Tensor> concatenatedInputs(List<ConformanceCase> cases) {
    List<Tensor> inputs = new ArrayList<>();
    for (int input = 0; input < cases.get(0).inputs().size(); input++) {
      List<Tensor> ofEveryCase = new ArrayList<>();
      for (ConformanceCase testCase : cases) {
        ofEveryCase.add(testCase.inputs().get(input));
      }
      inputs.add(Tensor.concatenate(ofEveryCase));
    }
    return inputs;
  }

  private String call(InputTable table, ArgumentForm form) {
    return sqlName + "!predict(" + table.arguments(form) + ")";
  }

  /** Each output selected by its name: {@code (m!predict(a, b))."output_label"}. */
  private static String outputsByName(String call, MethodSignature signature) {
    return signature.outputNames().stream()
        .map(output -> "(" + call + ").\"" + output.replace("\"", "\"\"") + "\"")
        .collect(Collectors.joining(", "));
  }

  private List<List<Object>> rowFields(String query) throws SQLException {
    return ResultRows.rowFields(statement, query + " ORDER BY row_id");
  }

  private List<List<Object>> columns(String query) throws SQLException {
    return ResultRows.columns(statement, query + " ORDER BY row_id");
  }
}
