package io.quiver.planner;

import static java.util.Objects.requireNonNull;

import io.quiver.catalog.security.Privilege;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptLattice;
import org.apache.calcite.plan.RelOptMaterialization;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.tools.Program;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Checks, before the plan is optimized, the privileges a statement needs on the tables it reads and
 * changes: SELECT for each table it scans, and INSERT, UPDATE or DELETE for the table it changes
 * (MERGE needs INSERT and UPDATE). The rows an UPDATE or DELETE reads from its own table need no
 * SELECT. Sub-queries inside expressions are walked as well. The plan itself is not changed.
 *
 * <p>{@code EXPLAIN PLAN WITHOUT IMPLEMENTATION} stops before this program runs, so it shows the
 * plan of a statement on tables the session sees but may not read or change.
 */
final class TablePrivilegeProgram implements Program {
  private final StatementPrivileges privileges;

  TablePrivilegeProgram(StatementPrivileges privileges) {
    this.privileges = requireNonNull(privileges, "privileges is null");
  }

  @Override
  public RelNode run(
      RelOptPlanner planner,
      RelNode rel,
      RelTraitSet requiredOutputTraits,
      List<RelOptMaterialization> materializations,
      List<RelOptLattice> lattices) {
    visit(rel, null);
    return rel;
  }

  /**
   * Checks a node and its inputs.
   *
   * @param changed the table an enclosing UPDATE or DELETE changes, whose scans need no SELECT
   */
  private void visit(RelNode node, @Nullable List<String> changed) {
    List<String> exempt = changed;
    if (node instanceof TableModify modify) {
      List<String> table = modify.getTable().getQualifiedName();
      for (Privilege privilege : privilegesOf(modify.getOperation())) {
        privileges.requireTable(table, privilege);
      }
      exempt = modify.getOperation() == TableModify.Operation.INSERT ? changed : table;
    } else if (node instanceof TableScan scan) {
      List<String> table = scan.getTable().getQualifiedName();
      if (!table.equals(changed)) {
        privileges.requireTable(table, Privilege.SELECT);
      }
    }
    visitSubQueries(node, exempt);
    for (RelNode input : node.getInputs()) {
      visit(input, exempt);
    }
  }

  private void visitSubQueries(RelNode node, @Nullable List<String> changed) {
    node.accept(
        new RexShuttle() {
          @Override
          public org.apache.calcite.rex.RexNode visitSubQuery(RexSubQuery subQuery) {
            visit(subQuery.rel, changed);
            return super.visitSubQuery(subQuery);
          }
        });
  }

  private static Set<Privilege> privilegesOf(TableModify.Operation operation) {
    return switch (operation) {
      case INSERT -> Set.of(Privilege.INSERT);
      case UPDATE -> Set.of(Privilege.UPDATE);
      case DELETE -> Set.of(Privilege.DELETE);
      case MERGE -> Set.of(Privilege.INSERT, Privilege.UPDATE);
    };
  }
}
