package io.quiver.planner;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.rex.RexShuttle;

/** What the planning steps that rewrite calculations do to their programs. */
final class RexPrograms {
  private RexPrograms() {}

  /** The program's projections and then its condition, if any, each as a whole expression. */
  static List<RexNode> expressions(RexProgram program) {
    List<RexNode> expressions = new ArrayList<>(program.expandList(program.getProjectList()));
    if (program.getCondition() != null) {
      expressions.add(program.expandLocalRef(program.getCondition()));
    }
    return expressions;
  }

  /**
   * The program over another input, its projections and condition rewritten by the shuttle, its
   * output named as before.
   */
  static RexProgram rewrite(
      RexProgram program, RelDataType inputRowType, RexShuttle shuttle, RexBuilder rexBuilder) {
    List<RexNode> projects = new ArrayList<>();
    for (RexNode project : program.expandList(program.getProjectList())) {
      projects.add(project.accept(shuttle));
    }
    RexNode condition =
        program.getCondition() == null
            ? null
            : program.expandLocalRef(program.getCondition()).accept(shuttle);
    return RexProgram.create(
        inputRowType, projects, condition, program.getOutputRowType().getFieldNames(), rexBuilder);
  }
}
