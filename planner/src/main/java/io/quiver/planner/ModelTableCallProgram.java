package io.quiver.planner;

import io.quiver.catalog.QuiverException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptLattice;
import org.apache.calcite.plan.RelOptMaterialization;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.logical.LogicalCorrelate;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalValues;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.InferTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.apache.calcite.sql.validate.SqlUserDefinedTableFunction;
import org.apache.calcite.tools.Program;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The first step of planning: turns each model method called in a FROM clause, {@code t,
 * TABLE(m!predict(t.a, t.b))}, into the method's scalar call beside the rows it reads. A method
 * gives one row for each row it is called on, so the lateral join of {@code t} with the call is a
 * projection of t's columns and of the fields of the call's result; and a projection's model call
 * runs in batches (see {@link ModelCallProgram}), where the join would call the model row by row. A
 * call that reads no table becomes a projection of one empty row.
 */
final class ModelTableCallProgram implements Program {
  @Override
  public RelNode run(
      RelOptPlanner planner,
      RelNode rel,
      RelTraitSet requiredOutputTraits,
      List<RelOptMaterialization> materializations,
      List<RelOptLattice> lattices) {
    return rel.accept(
        new RelShuttleImpl() {
          @Override
          public RelNode visit(LogicalCorrelate correlate) {
            ModelTableCall call = ModelTableCall.of(correlate.getRight());
            boolean oneRowEach =
                correlate.getJoinType() == JoinRelType.INNER
                    || correlate.getJoinType() == JoinRelType.LEFT;
            if (call == null || !oneRowEach) {
              return super.visit(correlate);
            }
            RelNode rows = correlate.getLeft().accept(this);
            return call.project(rows, true, correlate.getCorrelationId(), correlate.getRowType());
          }

          @Override
          public RelNode visit(RelNode other) {
            ModelTableCall call = ModelTableCall.of(other);
            if (!(other instanceof TableFunctionScan)
                || call == null
                || RexUtil.containsCorrelation(((TableFunctionScan) other).getCall())) {
              return super.visit(other);
            }
            RelNode oneRow = LogicalValues.createOneRow(other.getCluster());
            return call.project(oneRow, false, null, other.getRowType());
          }
        });
  }

  /**
   * {@code TABLE(m!predict(...))} in a plan: the scan of the call, and the projections and filters
   * above it, which pick and rename its columns and test them.
   */
  private static final class ModelTableCall {
    private final TableFunctionScan scan;
    private final List<RelNode> above;
    private final ModelTableFunction function;

    private ModelTableCall(
        TableFunctionScan scan, List<RelNode> above, ModelTableFunction function) {
      this.scan = scan;
      this.above = above;
      this.function = function;
    }

    /** The model table call that a plan is, or null when it is something else. */
    static @Nullable ModelTableCall of(RelNode rel) {
      List<RelNode> above = new ArrayList<>();
      RelNode current = rel;
      while (current instanceof LogicalProject || current instanceof LogicalFilter) {
        above.add(0, current);
        current = current.getInput(0);
      }
      if (!(current instanceof TableFunctionScan) || !current.getInputs().isEmpty()) {
        return null;
      }
      TableFunctionScan scan = (TableFunctionScan) current;
      if (!(scan.getCall() instanceof RexCall)
          || !(((RexCall) scan.getCall()).getOperator() instanceof SqlUserDefinedTableFunction)) {
        return null;
      }
      SqlUserDefinedTableFunction operator =
          (SqlUserDefinedTableFunction) ((RexCall) scan.getCall()).getOperator();
      if (!(operator.getFunction() instanceof ModelTableFunction)) {
        return null;
      }
      return new ModelTableCall(scan, above, (ModelTableFunction) operator.getFunction());
    }

    /**
     * The call's columns over the rows, after the rows' own columns if {@code keepRows}, with the
     * projections and filters that were above the call now above them. What read the correlation
     * variable reads the rows' columns instead.
     */
    RelNode project(
        RelNode rows, boolean keepRows, @Nullable CorrelationId correlation, RelDataType rowType) {
      RexBuilder rexBuilder = rows.getCluster().getRexBuilder();
      CorrelationToInput toInput = new CorrelationToInput(correlation);
      int rowColumns = keepRows ? rows.getRowType().getFieldCount() : 0;
      RexNode result = scalarCall(rexBuilder, toInput);
      List<RexNode> columns = new ArrayList<>();
      for (int output = 0; output < result.getType().getFieldCount(); output++) {
        columns.add(rexBuilder.makeFieldAccess(result, output));
      }
      RelNode current = withColumns(rows, rowColumns, columns, scan.getRowType());

      for (RelNode rel : above) {
        if (rel instanceof LogicalFilter) {
          RexNode condition = ((LogicalFilter) rel).getCondition();
          current =
              LogicalFilter.create(current, RexUtil.shift(condition, rowColumns).accept(toInput));
        } else {
          List<RexNode> projects = new ArrayList<>();
          for (RexNode project : ((LogicalProject) rel).getProjects()) {
            projects.add(RexUtil.shift(project, rowColumns).accept(toInput));
          }
          current = withColumns(current, rowColumns, projects, rel.getRowType());
        }
      }
      return RelOptUtil.createCastRel(current, rowType, true);
    }

    /** The first {@code rowColumns} columns of the input, then the given ones. */
    private static RelNode withColumns(
        RelNode input, int rowColumns, List<RexNode> columns, RelDataType columnsType) {
      RexBuilder rexBuilder = input.getCluster().getRexBuilder();
      List<RexNode> projects = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (int column = 0; column < rowColumns; column++) {
        projects.add(rexBuilder.makeInputRef(input, column));
        names.add(input.getRowType().getFieldNames().get(column));
      }
      projects.addAll(columns);
      names.addAll(columnsType.getFieldNames());
      return LogicalProject.create(input, List.of(), projects, names, Set.of());
    }

    private RexNode scalarCall(RexBuilder rexBuilder, CorrelationToInput toInput) {
      RexCall tableCall = (RexCall) scan.getCall();
      List<RexNode> arguments = new ArrayList<>();
      for (RexNode operand : tableCall.getOperands()) {
        RexNode argument = operand.accept(toInput);
        if (RexUtil.containsCorrelation(argument)) {
          throw QuiverException.invalid(
              "The arguments of TABLE("
                  + function.scalar()
                  + "(...)) may name columns of the tables before it in the same FROM clause, "
                  + "but not of an enclosing query");
        }
        arguments.add(argument);
      }

      RelDataType returnType = function.scalar().getReturnType(rexBuilder.getTypeFactory());
      List<RelDataType> argumentTypes = new ArrayList<>();
      for (RexNode argument : arguments) {
        argumentTypes.add(argument.getType());
      }
      SqlUserDefinedFunction operator =
          new SqlUserDefinedFunction(
              ((SqlUserDefinedTableFunction) tableCall.getOperator()).getNameAsId(),
              SqlKind.OTHER_FUNCTION,
              ReturnTypes.explicit(returnType),
              InferTypes.explicit(argumentTypes),
              null,
              function.scalar());
      return rexBuilder.makeCall(returnType, operator, arguments);
    }
  }

  /** Replaces each field of a correlation variable with the input column it stands for. */
  private static final class CorrelationToInput extends RexShuttle {
    private final @Nullable CorrelationId correlation;

    CorrelationToInput(@Nullable CorrelationId correlation) {
      this.correlation = correlation;
    }

    @Override
    public RexNode visitFieldAccess(RexFieldAccess fieldAccess) {
      RexNode reference = fieldAccess.getReferenceExpr();
      if (reference instanceof RexCorrelVariable
          && ((RexCorrelVariable) reference).id.equals(correlation)) {
        return new RexInputRef(fieldAccess.getField().getIndex(), fieldAccess.getType());
      }
      return super.visitFieldAccess(fieldAccess);
    }
  }
}
