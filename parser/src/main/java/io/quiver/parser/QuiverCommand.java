package io.quiver.parser;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A statement Quiver adds to Calcite's grammar. Quiver runs these statements itself instead of
 * handing them to Calcite's planner; {@link #isDdl()} says whether one changes the catalog (and so
 * reports an update count) or answers with rows.
 */
public abstract class QuiverCommand extends SqlCall {
  private final SqlOperator operator;

  protected QuiverCommand(SqlParserPos pos, String name, SqlKind kind) {
    super(pos);
    this.operator = new SqlSpecialOperator(name, kind);
  }

  /** Whether the statement changes the catalog rather than returning rows. */
  public abstract boolean isDdl();

  /** The statement's operands, in the order it prints them; nulls are left out. */
  protected abstract List<@Nullable SqlNode> operands();

  @Override
  public SqlOperator getOperator() {
    return operator;
  }

  @Override
  public List<SqlNode> getOperandList() {
    List<SqlNode> present = new ArrayList<>();
    for (SqlNode operand : operands()) {
      if (operand != null) {
        present.add(operand);
      }
    }
    return Collections.unmodifiableList(present);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(operator.getName());
    for (SqlNode operand : getOperandList()) {
      operand.unparse(writer, 0, 0);
    }
  }
}
