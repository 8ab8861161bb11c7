package io.quiver.planner;

import io.quiver.catalog.QuiverException;
import io.quiver.catalog.Session;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.Programs;

/**
 * Prepares a query with the session's name resolution and Quiver's planner program, which first
 * checks the session's privileges on the tables the query reads and changes.
 */
final class QuiverPreparingStmt extends CalcitePrepareImpl.CalcitePreparingStmt {
  private final StatementPrivileges privileges;

  QuiverPreparingStmt(
      CalcitePrepareImpl prepare,
      CalcitePrepare.Context context,
      Prepare.CatalogReader catalogReader,
      RelDataTypeFactory typeFactory,
      CalciteSchema schema,
      EnumerableRel.Prefer prefer,
      RelOptCluster cluster,
      Convention resultConvention,
      SqlRexConvertletTable convertletTable,
      StatementPrivileges privileges) {
    super(
        prepare,
        context,
        catalogReader,
        typeFactory,
        schema,
        prefer,
        cluster,
        resultConvention,
        convertletTable);
    this.privileges = privileges;
  }

  /**
   * Validates with this statement's session-aware reader, whichever reader is passed in, and with
   * the implicit casts of {@link ModelCallCoercion}.
   */
  @Override
  protected SqlValidator createSqlValidator(
      Prepare.CatalogReader ignored, UnaryOperator<SqlValidator.Config> configTransform) {
    UnaryOperator<SqlValidator.Config> withCoercion =
        config -> configTransform.apply(config).withTypeCoercionFactory(ModelCallCoercion::new);
    return super.createSqlValidator(catalogReader, withCoercion);
  }

  /**
   * Rewrites and checks the statement's model calls (see {@link ModelOutputFields} and {@link
   * ModelCallChecks}) on the tree that Calcite then validates.
   */
  @Override
  public PreparedResult prepareSql(
      SqlNode statement,
      Class runtimeContextClass,
      SqlValidator validator,
      boolean needsValidation) {
    ModelOutputFields.rewrite(statement);
    List<ModelCallChecks.CheckedCall> calls =
        ModelCallChecks.check(statement, QuiverPrepare.session(context), privileges);
    try {
      return super.prepareSql(statement, runtimeContextClass, validator, needsValidation);
    } catch (CalciteContextException e) {
      QuiverException noMatch = ModelCallChecks.noMatch(e, calls);
      throw noMatch == null ? e : noMatch;
    }
  }

  @Override
  protected Program getProgram() {
    Session session = QuiverPrepare.session(context);
    return Programs.sequence(
        new TablePrivilegeProgram(privileges),
        new ModelTableCallProgram(),
        super.getProgram(),
        new ModelCallProgram(
            ModelCallDefaults.sessionBatchSize(session), ModelCallDefaults.threads(session)));
  }
}
