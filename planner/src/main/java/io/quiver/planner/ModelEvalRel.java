package io.quiver.planner;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calls a model method on every input row, in batches run in parallel, and appends its result (a
 * ROW of the model's outputs) to the input fields it forwards. Rows come out in input order.
 *
 * <p>When its input is a scan of H2 tables, the batches are filled column by column straight from
 * H2's result set ({@link ScannedModelCall}), without a row object per input row.
 */
public final class ModelEvalRel extends SingleRel implements EnumerableRel {
  private final ModelCallSpec spec;
  private final RelDataType resultType;

  /** The H2 query the call reads itself, or null when it reads its input's rows. */
  private final @Nullable JdbcScan scan;

  ModelEvalRel(
      RelOptCluster cluster,
      RelTraitSet traits,
      RelNode input,
      ModelCallSpec spec,
      RelDataType resultType) {
    super(cluster, traits, input);
    this.spec = requireNonNull(spec, "spec is null");
    this.resultType = requireNonNull(resultType, "resultType is null");
    this.scan = JdbcScan.of(input, spec);
  }

  public ModelCallSpec spec() {
    return spec;
  }

  /** The same call forwarding other input fields. */
  ModelEvalRel forwarding(int[] fields) {
    return new ModelEvalRel(
        getCluster(), getTraitSet(), getInput(), spec.forwarding(fields), resultType);
  }

  @Override
  protected RelDataType deriveRowType() {
    RelDataTypeFactory.Builder builder = getCluster().getTypeFactory().builder();
    List<RelDataTypeField> inputFields = getInput().getRowType().getFieldList();
    for (int field : spec.forwardedFields()) {
      builder.add(inputFields.get(field));
    }
    return builder.add("$model", resultType).uniquify().build();
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new ModelEvalRel(getCluster(), traitSet, sole(inputs), spec, resultType);
  }

  @Override
  public RelWriter explainTerms(RelWriter writer) {
    ModelCallTarget target = spec.target();
    return super.explainTerms(writer)
        .item("model", target.model())
        .item("version", target.version())
        .item("method", target.signature().method())
        .item("arguments", Arrays.toString(spec.argumentFields()))
        .itemIf(
            "forwarded",
            Arrays.toString(spec.forwardedFields()),
            spec.forwardedFields().length < getInput().getRowType().getFieldCount())
        .itemIf("input", "columns read from H2", scan != null)
        .item("batchSize", spec.batchSize())
        .item("threads", spec.threads());
  }

  @Override
  public @Nullable RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery metadata) {
    double rows = metadata.getRowCount(getInput());
    return planner.getCostFactory().makeCost(rows, rows, 0);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer preference) {
    PhysType physType =
        PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, false);
    if (scan != null) {
      Expression call =
          Expressions.call(
              ModelCallRuntime.class,
              "evaluateScan",
              JdbcScan.dataSource(getInput()),
              implementor.stash(scan, JdbcScan.class),
              implementor.stash(spec, ModelCallSpec.class),
              DataContext.ROOT);
      return implementor.result(physType, Blocks.toBlock(call));
    }

    Result input = implementor.visitChild(this, 0, (EnumerableRel) getInput(), Prefer.ARRAY);
    BlockBuilder builder = new BlockBuilder();
    Expression rows = builder.append("rows", input.block);
    Expression arrays = input.physType.convertTo(rows, JavaRowFormat.ARRAY);
    Expression call =
        Expressions.call(
            ModelCallRuntime.class,
            "evaluate",
            arrays,
            implementor.stash(spec, ModelCallSpec.class));
    builder.add(Expressions.return_(null, call));
    return implementor.result(physType, builder.toBlock());
  }
}
