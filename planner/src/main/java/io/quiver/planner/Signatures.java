package io.quiver.planner;

import io.quiver.catalog.QuiverException;
import org.apache.calcite.jdbc.CalcitePrepare.CalciteSignature;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.runtime.Bindable;

/** Adjusts the signatures Calcite prepares. */
final class Signatures {
  private Signatures() {}

  /**
   * The same statement, whose execution reports an error in a constant expression (Calcite
   * evaluates those while loading the statement's code, {@code SELECT 1/0} for one) as a SQL error
   * rather than as a Java {@link ExceptionInInitializerError}, and whose failures while rows are
   * fetched reach the client as SQLExceptions ({@link FetchErrors}).
   */
  static <T> CalciteSignature<T> reportingErrors(CalciteSignature<T> signature) {
    Bindable<T> guarded =
        dataContext -> {
          Enumerable<T> rows = signature.enumerable(dataContext);
          return new AbstractEnumerable<T>() {
            @Override
            public Enumerator<T> enumerator() {
              try {
                return new FetchErrors<>(rows.enumerator());
              } catch (ExceptionInInitializerError e) {
                throw constantError(e);
              }
            }
          };
        };
    return new CalciteSignature<>(
        signature.sql,
        signature.parameters,
        signature.internalParameters,
        signature.rowType,
        signature.columns,
        signature.cursorFactory,
        signature.rootSchema,
        signature.getCollationList(),
        -1,
        guarded,
        signature.statementType);
  }

  private static QuiverException constantError(ExceptionInInitializerError error) {
    Throwable cause = error.getCause() == null ? error : error.getCause();
    return new QuiverException(
        QuiverException.Category.INVALID_ARGUMENT,
        "The statement cannot be evaluated: " + describe(cause),
        cause);
  }

  private static String describe(Throwable cause) {
    if (cause instanceof ArithmeticException && "/ by zero".equals(cause.getMessage())) {
      return "division by zero";
    }
    return String.valueOf(cause.getMessage());
  }
}
