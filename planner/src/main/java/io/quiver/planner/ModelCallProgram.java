package io.quiver.planner;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexPermuteInputsShuttle;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.rex.RexVisitorImpl;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.apache.calcite.tools.Program;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.Mapping;
import org.apache.calcite.util.mapping.MappingType;
import org.apache.calcite.util.mapping.Mappings;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The last step of planning: takes model calls out of every calculation ({@link EnumerableCalc})
 * and runs each in a {@link ModelEvalRel} beneath it, so that a model sees batches of rows rather
 * than one row at a time. Nested calls are taken out innermost first.
 */
final class ModelCallProgram implements Program {
  private final OptionalInt batchSize;
  private final int threads;

  /**
   * @param batchSize the session's batch size; absent to size each call's batches by its rows'
   *     width
   * @param threads batches each call runs at once
   */
  ModelCallProgram(OptionalInt batchSize, int threads) {
    this.batchSize = batchSize;
    this.threads = threads;
  }

  @Override
  public RelNode run(
      RelOptPlanner planner,
      RelNode rel,
      RelTraitSet requiredOutputTraits,
      List<org.apache.calcite.plan.RelOptMaterialization> materializations,
      List<org.apache.calcite.plan.RelOptLattice> lattices) {
    return rel.accept(
        new RelShuttleImpl() {
          @Override
          public RelNode visit(RelNode other) {
            RelNode visited = super.visit(other);
            return visited instanceof EnumerableCalc ? extract((EnumerableCalc) visited) : visited;
          }
        });
  }

  /** Rewrites a calculation until none of its expressions calls a model. */
  private RelNode extract(EnumerableCalc calc) {
    if (innermostCall(calc.getProgram()) == null) {
      return calc;
    }
    EnumerableCalc current = JdbcColumnPruning.prune(calc);
    RexCall call;
    while ((call = innermostCall(current.getProgram())) != null) {
      current = split(current, call);
    }
    return current;
  }

  private EnumerableCalc split(EnumerableCalc calc, RexCall call) {
    RelNode input = calc.getInput();
    List<RexNode> computed = new ArrayList<>();
    int[] argumentFields = new int[call.getOperands().size()];
    for (int i = 0; i < argumentFields.length; i++) {
      RexNode operand = call.getOperands().get(i);
      if (operand instanceof RexInputRef) {
        argumentFields[i] = ((RexInputRef) operand).getIndex();
      } else {
        argumentFields[i] = input.getRowType().getFieldCount() + computed.size();
        computed.add(operand);
      }
    }

    RelNode withArguments = computed.isEmpty() ? input : appendColumns(input, computed);
    int inputFields = withArguments.getRowType().getFieldCount();
    int[] allFields = IntStream.range(0, inputFields).toArray();
    ModelCallTarget target = modelFunction(call).target();
    int rowsPerBatch = batchSize.orElseGet(() -> ModelCallDefaults.batchSize(target));
    ModelCallSpec spec =
        new ModelCallSpec(target, argumentFields, allFields, rowsPerBatch, threads);
    ModelEvalRel evaluation =
        new ModelEvalRel(
            calc.getCluster(), withArguments.getTraitSet(), withArguments, spec, call.getType());
    return forwardOnlyUsedFields(replaceCall(calc, call, evaluation, inputFields));
  }

  /**
   * The calculation over an evaluation that forwards only the input fields the calculation reads: a
   * query that only scores the columns it reads copies none of them into its rows.
   */
  private static EnumerableCalc forwardOnlyUsedFields(EnumerableCalc calc) {
    ModelEvalRel evaluation = (ModelEvalRel) calc.getInput();
    int resultField = evaluation.getRowType().getFieldCount() - 1;
    ImmutableBitSet used =
        RelOptUtil.InputFinder.bits(RexPrograms.expressions(calc.getProgram()), null);
    int[] forwarded = used.clear(resultField).toArray();
    if (forwarded.length == resultField) {
      return calc;
    }

    ModelEvalRel narrowed = evaluation.forwarding(forwarded);
    Mapping mapping =
        Mappings.create(MappingType.INVERSE_SURJECTION, resultField + 1, forwarded.length + 1);
    for (int i = 0; i < forwarded.length; i++) {
      mapping.set(forwarded[i], i);
    }
    mapping.set(resultField, forwarded.length);
    RexPermuteInputsShuttle remap = new RexPermuteInputsShuttle(mapping, narrowed);
    RexBuilder rexBuilder = calc.getCluster().getRexBuilder();
    return EnumerableCalc.create(
        narrowed, RexPrograms.rewrite(calc.getProgram(), narrowed.getRowType(), remap, rexBuilder));
  }

  /** The input with the arguments that are expressions computed as columns after its own. */
  private static RelNode appendColumns(RelNode input, List<RexNode> columns) {
    RexBuilder rexBuilder = input.getCluster().getRexBuilder();
    List<RexNode> projects = new ArrayList<>(rexBuilder.identityProjects(input.getRowType()));
    projects.addAll(columns);
    RelDataType rowType =
        RexUtil.createStructType(input.getCluster().getTypeFactory(), projects, null, null);
    RexProgram program = RexProgram.create(input.getRowType(), projects, null, rowType, rexBuilder);
    return EnumerableCalc.create(input, program);
  }

  /** The calculation above the evaluation, reading the call's result from its column. */
  private static EnumerableCalc replaceCall(
      EnumerableCalc calc, RexCall call, RelNode evaluation, int resultField) {
    RexProgram program = calc.getProgram();
    RexInputRef result = new RexInputRef(resultField, call.getType());
    RexShuttle replacer =
        new RexShuttle() {
          @Override
          public RexNode visitCall(RexCall other) {
            return other.equals(call) ? result : super.visitCall(other);
          }
        };
    RexProgram rewritten =
        RexPrograms.rewrite(
            program, evaluation.getRowType(), replacer, calc.getCluster().getRexBuilder());
    return EnumerableCalc.create(evaluation, rewritten);
  }

  /** A model call of the program whose arguments call no model, or null when there is none. */
  private static @Nullable RexCall innermostCall(RexProgram program) {
    for (RexNode expression : RexPrograms.expressions(program)) {
      RexCall found = expression.accept(new InnermostCallFinder());
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  static boolean isModelCall(RexNode node) {
    return node instanceof RexCall
        && ((RexCall) node).getOperator() instanceof SqlUserDefinedFunction
        && ((SqlUserDefinedFunction) ((RexCall) node).getOperator()).getFunction()
            instanceof ModelFunction;
  }

  private static ModelFunction modelFunction(RexCall call) {
    return (ModelFunction) ((SqlUserDefinedFunction) call.getOperator()).getFunction();
  }

  /** Finds a model call none of whose operands contains another model call. */
  private static final class InnermostCallFinder extends RexVisitorImpl<@Nullable RexCall> {
    InnermostCallFinder() {
      super(true);
    }

    @Override
    public @Nullable RexCall visitCall(RexCall call) {
      for (RexNode operand : call.getOperands()) {
        RexCall inner = operand.accept(this);
        if (inner != null) {
          return inner;
        }
      }
      return isModelCall(call) ? call : null;
    }
  }
}
