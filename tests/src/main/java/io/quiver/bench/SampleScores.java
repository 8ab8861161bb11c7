package io.quiver.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Struct;

/** Scores bench.json's sample inputs through SQL: a SAMPLES table and a model call on it. */
final class SampleScores {
  private static final String TABLE = "SAMPLES";

  private SampleScores() {}

  /** The model's score of each sample input, in bench.json's order. */
  static float[] of(Connection connection, BenchmarkModel model) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE OR REPLACE TABLE "
              + TABLE
              + " (id INTEGER, "
              + FeatureTable.columns().replace(",", " REAL,")
              + " REAL)");
      for (int sample = 0; sample < model.sampleInputs().size(); sample++) {
        statement.execute("INSERT INTO " + TABLE + " VALUES (" + values(model, sample) + ")");
      }

      float[] scores = read(statement, model);
      statement.execute("DROP TABLE " + TABLE);
      return scores;
    }
  }

  private static String values(BenchmarkModel model, int sample) {
    StringBuilder values = new StringBuilder(Integer.toString(sample));
    for (float feature : model.sampleInputs().get(sample)) {
      values.append(", ").append(feature);
    }
    return values.toString();
  }

  private static float[] read(Statement statement, BenchmarkModel model) throws SQLException {
    float[] scores = new float[model.sampleInputs().size()];
    String select =
        "SELECT id, "
            + model.name()
            + "!predict("
            + FeatureTable.columns()
            + ") FROM "
            + TABLE
            + " ORDER BY id";
    try (ResultSet result = statement.executeQuery(select)) {
      while (result.next()) {
        Struct call = (Struct) result.getObject(2);
        scores[result.getInt(1)] = ((Number) call.getAttributes()[0]).floatValue();
      }
    }
    return scores;
  }
}
