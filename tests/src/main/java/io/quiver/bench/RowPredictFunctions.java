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
 * model calls would write them: ROW_PREDICT_GBDT and ROW_PREDICT_MLP take the 20 features and run
 * the model on a [1,20] tensor. They are registered on a connection as Calcite functions and run
 * where SQL calls them.
 *
 * <p>Each model has two: one on a session set up as Quiver sets up its own (all graph
 * optimizations, one thread inside each run), the fair comparison of batching with not batching,
 * and one on a session with ONNX Runtime's default options, ..._WITH_DEFAULTS, as code that opens a
 * session without options has it.
 */
public final class RowPredictFunctions {
  /** How a function's session is set up. */
  enum SessionSetup {
    QUIVER_SETTINGS("", ""),
    ONNX_RUNTIME_DEFAULTS("_WITH_DEFAULTS", "WithDefaults");

    private final String functionSuffix;
    private final String methodSuffix;

    SessionSetup(String functionSuffix, String methodSuffix) {
      this.functionSuffix = functionSuffix;
      this.methodSuffix = methodSuffix;
    }
  }

  private static final String PREFIX = "ROW_PREDICT_";
  private static final OrtEnvironment ENVIRONMENT = OnnxEnvironment.get();
  private static final Map<String, OrtSession> SESSIONS = new ConcurrentHashMap<>();
  private static final Map<String, String> INPUT_NAMES = new ConcurrentHashMap<>();

  private RowPredictFunctions() {}

  /**
   * Opens a session of the model and registers its function in the connection's root schema.
   *
   * @return the function's name, e.g. ROW_PREDICT_MLP
   */
  static String register(Connection connection, BenchmarkModel model, SessionSetup setup)
      throws SQLException, OrtException {
    String function = PREFIX + model.name().toUpperCase(Locale.ROOT) + setup.functionSuffix;
    if (!SESSIONS.containsKey(function)) {
      SESSIONS.put(function, openSession(model, setup));
      INPUT_NAMES.put(function, model.inputName());
    }

    String method = model.name().toLowerCase(Locale.ROOT) + setup.methodSuffix;
    connection
        .unwrap(CalciteConnection.class)
        .getRootSchema()
        .add(function, ScalarFunctionImpl.create(RowPredictFunctions.class, method));
    return function;
  }

  private static OrtSession openSession(BenchmarkModel model, SessionSetup setup)
      throws OrtException {
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      if (setup == SessionSetup.QUIVER_SETTINGS) {
        options.setOptimizationLevel(OptLevel.ALL_OPT);
        options.setIntraOpNumThreads(1);
      }
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
        "ROW_PREDICT_GBDT",
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
        "ROW_PREDICT_MLP",
        new float[][] {
          {
            f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19,
            f20
          }
        });
  }

  /** ROW_PREDICT_GBDT_WITH_DEFAULTS: as ROW_PREDICT_GBDT, on a session with the defaults. */
  public static float gbdtWithDefaults(
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
        "ROW_PREDICT_GBDT_WITH_DEFAULTS",
        new float[][] {
          {
            f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19,
            f20
          }
        });
  }

  /** ROW_PREDICT_MLP_WITH_DEFAULTS: as ROW_PREDICT_MLP, on a session with the defaults. */
  public static float mlpWithDefaults(
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
        "ROW_PREDICT_MLP_WITH_DEFAULTS",
        new float[][] {
          {
            f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19,
            f20
          }
        });
  }

  private static float predict(String function, float[][] features) throws OrtException {
    OrtSession session = SESSIONS.get(function);
    try (OnnxTensor input = OnnxTensor.createTensor(ENVIRONMENT, features);
        OrtSession.Result result = session.run(Map.of(INPUT_NAMES.get(function), input))) {
      return ((float[][]) result.get(0).getValue())[0][0];
    }
  }
}
