package io.quiver.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions.OptLevel;
import io.quiver.runtime.session.OnnxEnvironment;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;

/**
 * Scalar functions that score one row per call on ONNX Runtime, as an application without Quiver's
 * model calls would write them: ROW_PREDICT_GBDT and ROW_PREDICT_MLP, taking the 20 features. They
 * are registered on a connection as Calcite functions and run where SQL calls them.
 */
public final class RowPredictFunctions {
  private static final OrtEnvironment ENVIRONMENT = OnnxEnvironment.get();
  private static final Map<String, OrtSession> SESSIONS = new ConcurrentHashMap<>();
  private static final Map<String, String> INPUT_NAMES = new ConcurrentHashMap<>();

  private RowPredictFunctions() {}

  /**
   * Opens the model's session and registers its function, ROW_PREDICT_ + the model's name, in the
   * connection's root schema.
   *
   * @return the function's name
   */
  static String register(Connection connection, BenchmarkModel model)
      throws SQLException, OrtException {
    String name = model.name().toLowerCase(Locale.ROOT);
    if (!SESSIONS.containsKey(name)) {
      SESSIONS.put(name, openSession(model));
      INPUT_NAMES.put(name, model.inputName());
    }
    String function = "ROW_PREDICT_" + name.toUpperCase(Locale.ROOT);
    connection
        .unwrap(CalciteConnection.class)
        .getRootSchema()
        .add(function, ScalarFunctionImpl.create(RowPredictFunctions.class, name));
    return function;
  }

  private static OrtSession openSession(BenchmarkModel model) throws OrtException {
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setOptimizationLevel(OptLevel.ALL_OPT);
      options.setIntraOpNumThreads(1);
      return ENVIRONMENT.createSession(model.file().toString(), options);
    }
  }

  /** Closes the sessions. */
  static void closeAll() throws OrtException {
    for (OrtSession session : SESSIONS.values()) {
      session.close();
    }
    SESSIONS.clear();
  }

  /** ROW_PREDICT_GBDT: the gradient-boosted trees' score of one row. */
  public static float gbdt(
      float f1,
      float f2,
      float f3,
      float f4,
      float f5,
      float f6,
      float f7,
      float f8,
      float f9,
      float f10,
      float f11,
      float f12,
      float f13,
      float f14,
      float f15,
      float f16,
      float f17,
      float f18,
      float f19,
      float f20)
      throws OrtException {
    return predict(
        "gbdt",
        new float[][] {
          {
            f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19,
            f20
          }
        });
  }

  /** ROW_PREDICT_MLP: the multi-layer perceptron's score of one row. */
  public static float mlp(
      float f1,
      float f2,
      float f3,
      float f4,
      float f5,
      float f6,
      float f7,
      float f8,
      float f9,
      float f10,
      float f11,
      float f12,
      float f13,
      float f14,
      float f15,
      float f16,
      float f17,
      float f18,
      float f19,
      float f20)
      throws OrtException {
    return predict(
        "mlp",
        new float[][] {
          {
            f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19,
            f20
          }
        });
  }

  private static float predict(String model, float[][] features) throws OrtException {
    OrtSession session = SESSIONS.get(model);
    try (OnnxTensor input = OnnxTensor.createTensor(ENVIRONMENT, features);
        OrtSession.Result result = session.run(Map.of(INPUT_NAMES.get(model), input))) {
      return ((float[][]) result.get(0).getValue())[0][0];
    }
  }
}
