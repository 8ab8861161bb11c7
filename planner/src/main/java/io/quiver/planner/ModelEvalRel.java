package io.quiver.planner;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.BlockBuilder;
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
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calls a model method on every input row, in batches run in parallel, and appends its result (a
 * ROW of the model's outputs) to the row. Rows come out in input order.
 */
public final class ModelEvalRel extends SingleRel implements EnumerableRel {
  private final ModelCallSpec spec;
  private final RelDataType resultType;

  ModelEvalRel(
      RelOptCluster cluster,
      RelTraitSet traits,
      RelNode input,
      ModelCallSpec spec,
      RelDataType resultType) {
    super(cluster, traits, input);
    this.spec = requireNonNull(spec, "spec is null");
    this.resultType = requireNonNull(resultType, "resultType is null");
  }

  public ModelCallSpec spec() {
    return spec;
  }

  @Override
  protected RelDataType deriveRowType() {
    return getCluster()
        .getTypeFactory()
        .builder()
        .addAll(getInput().getRowType().getFieldList())
        .add("$model" + getInput().getRowType().getFieldCount(), resultType)
        .build();
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
    PhysType physType =
        PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, false);
    return implementor.result(physType, builder.toBlock());
  }
}
