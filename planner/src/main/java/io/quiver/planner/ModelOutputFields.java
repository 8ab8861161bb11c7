package io.quiver.planner;

import static java.util.Objects.requireNonNull;

import io.quiver.parser.ModelCalls;
import io.quiver.parser.SqlModelCall;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.SqlRexContext;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * How a query selects one output of a model call. {@code m!predict(...):field} parses as {@code
 * ITEM(call, 'FIELD')}, which finds the field whatever its case and which becomes a field access of
 * the call's ROW when converted. {@code (m!predict(...)).field} parses as Calcite's DOT, whose
 * field name ORDER BY mistakes for a column, so it is rewritten to the first form before
 * validation.
 */
final class ModelOutputFields {
  private ModelOutputFields() {}

  /**
   * The convertlets, with ITEM of a ROW by a field name converted to a field access, and ITEM of a
   * MAP by a number cast to the map's key type. Calcite's own ITEM finds a field by name at run
   * time, which fails on the rows its generated code holds, and looks a key up as it was given, so
   * that {@code probabilities[0]} of a map keyed by BIGINT finds nothing.
   */
  static SqlRexConvertletTable convertlets(SqlRexConvertletTable next) {
    return call -> {
      if (call.getKind() != SqlKind.ITEM) {
        return next.get(call);
      }
      return (context, item) -> {
        RexNode converted = convertItem(context, item);
        if (converted != null) {
          return converted;
        }
        return requireNonNull(next.get(item), "ITEM has no convertlet").convertCall(context, item);
      };
    };
  }

  private static @Nullable RexNode convertItem(SqlRexContext context, SqlCall item) {
    SqlValidator validator = context.getValidator();
    RexBuilder rexBuilder = context.getRexBuilder();
    SqlNode target = item.operand(0);
    SqlNode key = item.operand(1);
    RelDataType targetType = validator.getValidatedNodeType(target);
    if (targetType.isStruct() && key instanceof SqlCharStringLiteral) {
      String field = ((SqlLiteral) key).getValueAs(String.class);
      return rexBuilder.makeFieldAccess(context.convertExpression(target), field, false);
    }

    RelDataType keyType = validator.getValidatedNodeType(key);
    RelDataType mapKeyType = targetType.getKeyType();
    boolean numbers =
        mapKeyType != null && SqlTypeUtil.isNumeric(mapKeyType) && SqlTypeUtil.isNumeric(keyType);
    if (!numbers || keyType.equals(mapKeyType)) {
      return null;
    }
    RexNode typedKey = rexBuilder.makeCast(mapKeyType, context.convertExpression(key));
    return rexBuilder.makeCall(
        validator.getValidatedNodeType(item),
        SqlStdOperatorTable.ITEM,
        List.of(context.convertExpression(target), typedKey));
  }

  static void rewrite(SqlNode statement) {
    statement.accept(
        new SqlBasicVisitor<Void>() {
          @Override
          public Void visit(SqlCall call) {
            if (call instanceof SqlBasicCall) {
              for (int operand = 0; operand < call.operandCount(); operand++) {
                SqlNode item = asItem(call.operand(operand));
                if (item != null) {
                  call.setOperand(operand, item);
                }
              }
            }
            return super.visit(call);
          }

          @Override
          public Void visit(SqlNodeList list) {
            for (int index = 0; index < list.size(); index++) {
              SqlNode item = asItem(list.get(index));
              if (item != null) {
                list.set(index, item);
              }
            }
            return super.visit(list);
          }
        });
  }

  private static @Nullable SqlNode asItem(@Nullable SqlNode node) {
    if (node == null || node.getKind() != SqlKind.DOT) {
      return null;
    }
    SqlCall dot = (SqlCall) node;
    if (!(dot.operand(0) instanceof SqlModelCall) || !(dot.operand(1) instanceof SqlIdentifier)) {
      return null;
    }
    return ModelCalls.output(dot.operand(0), dot.operand(1));
  }
}
