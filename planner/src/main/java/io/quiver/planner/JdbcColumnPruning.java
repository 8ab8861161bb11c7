package io.quiver.planner;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableCalc;
import org.apache.calcite.adapter.jdbc.JdbcRules;
import org.apache.calcite.adapter.jdbc.JdbcToEnumerableConverter;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexPermuteInputsShuttle;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.mapping.Mapping;
import org.apache.calcite.util.mapping.MappingType;
import org.apache.calcite.util.mapping.Mappings;

/**
 * Makes H2 read only the columns a calculation uses. A calculation that calls a model stays above
 * the JDBC part of the plan, since H2 cannot call models, and Calcite then merges away the
 * projection that would have narrowed the scan: a query that scores 4 columns of a 50-column table
 * would read all 50. This step puts that projection into the SQL sent to H2.
 */
final class JdbcColumnPruning {
  private JdbcColumnPruning() {}

  /** The calculation over a JDBC input that reads only the columns it uses. */
  static EnumerableCalc prune(EnumerableCalc calc) {
    if (!(calc.getInput() instanceof JdbcToEnumerableConverter converter)) {
      return calc;
    }
    RelNode jdbc = converter.getInput();
    if (jdbc instanceof Sort) {
      // A projection above ORDER BY would make the sort a subquery's, whose order SQL does not
      // keep.
      return calc;
    }
    int columns = jdbc.getRowType().getFieldCount();
    RexProgram program = calc.getProgram();
    ImmutableBitSet used = RelOptUtil.InputFinder.bits(RexPrograms.expressions(program), null);
    if (used.cardinality() == columns) {
      return calc;
    }
    ImmutableBitSet kept = used.isEmpty() ? ImmutableBitSet.of(0) : used;

    RexBuilder rexBuilder = calc.getCluster().getRexBuilder();
    List<RexNode> projects = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Mapping mapping = Mappings.create(MappingType.INVERSE_SURJECTION, columns, kept.cardinality());
    for (int column : kept) {
      mapping.set(column, projects.size());
      projects.add(rexBuilder.makeInputRef(jdbc, column));
      names.add(jdbc.getRowType().getFieldNames().get(column));
    }
    RelDataType rowType =
        RexUtil.createStructType(calc.getCluster().getTypeFactory(), projects, names, null);
    RelNode narrowed =
        new JdbcRules.JdbcProject(calc.getCluster(), jdbc.getTraitSet(), jdbc, projects, rowType);
    RelNode input = converter.copy(converter.getTraitSet(), List.of(narrowed));
    RexPermuteInputsShuttle remap = new RexPermuteInputsShuttle(mapping, input);
    return EnumerableCalc.create(
        input, RexPrograms.rewrite(program, input.getRowType(), remap, rexBuilder));
  }
}
