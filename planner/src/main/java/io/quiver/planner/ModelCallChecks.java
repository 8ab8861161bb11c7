package io.quiver.planner;

import io.quiver.catalog.Names;
import io.quiver.catalog.ObjectName;
import io.quiver.catalog.QuiverException;
import io.quiver.catalog.Session;
import io.quiver.catalog.model.ResolvedModelVersion;
import io.quiver.parser.SqlModelCall;
import io.quiver.runtime.ModelInvocationException;
import io.quiver.runtime.signature.ArgumentLayout;
import io.quiver.runtime.signature.ElementType;
import io.quiver.runtime.signature.ExpectedArgument;
import io.quiver.runtime.signature.MethodSignature;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Checks every model call of a statement before Calcite validates it: the session must hold USAGE
 * on the model, and a missing model, version or method, a wrong number of arguments or an unknown
 * argument name fails with an error that names the model and says what exists, rather than
 * Calcite's "No match found for function signature". A model the session cannot see fails as one
 * that does not exist.
 *
 * <p>The checks also rewrite each call into what Calcite can validate. Named arguments, {@code
 * m!predict(features => ARRAY[a, b])}, match the method's argument names as other names do:
 * unquoted, whatever their case; quoted, exactly; the call then takes its arguments in the method's
 * order. JDBC parameters among the arguments are cast to the types of the inputs they fill.
 */
final class ModelCallChecks {
  private static final Pattern NO_MATCH =
      Pattern.compile("No match found for function signature [^(]*\\((.*)\\)");

  private ModelCallChecks() {}

  /** A model call that passed the checks: where it stands and what it takes. */
  record CheckedCall(SqlParserPos position, String description) {}

  static List<CheckedCall> check(
      SqlNode statement, Session session, StatementPrivileges privileges) {
    List<CheckedCall> checked = new ArrayList<>();
    statement.accept(
        new SqlBasicVisitor<Void>() {
          @Override
          public Void visit(SqlCall call) {
            if (call instanceof SqlModelCall) {
              checked.add(check((SqlModelCall) call, session, privileges));
            }
            return super.visit(call);
          }
        });
    return checked;
  }

  /**
   * Calcite's error for a call whose argument types match no overload, reworded for the model call
   * it is about; null when it is about no model call.
   */
  static @Nullable QuiverException noMatch(CalciteContextException e, List<CheckedCall> calls) {
    String message = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
    Matcher noMatch = NO_MATCH.matcher(String.valueOf(message));
    if (!noMatch.matches()) {
      return null;
    }
    for (CheckedCall call : calls) {
      SqlParserPos position = call.position();
      if (position.getLineNum() == e.getPosLine()
          && position.getColumnNum() <= e.getPosColumn()
          && e.getPosColumn() <= position.getEndColumnNum()) {
        return QuiverException.invalid(
            call.description()
                + "; the arguments given are "
                + noMatch.group(1).replace("<", "").replace(">", "")
                + " (line "
                + e.getPosLine()
                + ", column "
                + e.getPosColumn()
                + ")");
      }
    }
    return null;
  }

  private static CheckedCall check(
      SqlModelCall call, Session session, StatementPrivileges privileges) {
    ObjectName model = Names.object(call.model(), session);
    privileges.requireModel(model);
    String version = call.version() == null ? null : call.version().getSimple();
    ResolvedModelVersion resolved = session.store().models().resolve(model, version);
    MethodSignature method = resolved.method(call.method().getSimple());
    String where = ModelFunction.callOf(resolved) + " at " + call.getParserPosition() + ": ";
    ArgumentLayout layout;
    try {
      layout = ArgumentLayout.forArgumentCount(method, call.operandCount());
    } catch (ModelInvocationException e) {
      throw QuiverException.invalid(where + e.getMessage());
    }

    putNamedArgumentsInOrder(call, layout, where);
    typeParameters(call, layout);
    return new CheckedCall(call.getParserPosition(), ModelFunction.describeCall(resolved, layout));
  }

  private static void putNamedArgumentsInOrder(
      SqlModelCall call, ArgumentLayout layout, String where) {
    List<SqlCall> named = namedArguments(call);
    if (named.isEmpty()) {
      return;
    }
    if (named.size() != call.operandCount()) {
      throw QuiverException.invalid(
          where + "name every argument, as in " + example(layout) + ", or none");
    }
    SqlNode[] positional = new SqlNode[named.size()];
    for (SqlCall argument : named) {
      ExpectedArgument expected = match(argument.operand(1), layout, where);
      if (positional[expected.position() - 1] != null) {
        throw QuiverException.invalid(
            where + "argument " + expected.parameterName() + " is given more than once");
      }
      positional[expected.position() - 1] = argument.operand(0);
    }
    for (int position = 0; position < positional.length; position++) {
      call.setOperand(position, positional[position]);
    }
  }

  /**
   * Gives each JDBC parameter among the arguments, {@code m!predict(?, ?)} or {@code
   * m!predict(ARRAY[?, ?])}, the type of the input it fills. Calcite infers no type for a parameter
   * of a user-defined function and refuses it as an illegal use.
   */
  private static void typeParameters(SqlModelCall call, ArgumentLayout layout) {
    for (ExpectedArgument argument : layout.arguments()) {
      int index = argument.position() - 1;
      SqlNode operand = call.operand(index);
      SqlDataTypeSpec elementType = typeSpec(argument.type(), operand.getParserPosition());
      if (operand instanceof SqlDynamicParam && !argument.isArray()) {
        call.setOperand(index, cast(operand, elementType));
      } else if (operand.getKind() == SqlKind.ARRAY_VALUE_CONSTRUCTOR) {
        SqlCall array = (SqlCall) operand;
        for (int element = 0; element < array.operandCount(); element++) {
          if (array.operand(element) instanceof SqlDynamicParam) {
            array.setOperand(element, cast(array.operand(element), elementType));
          }
        }
      }
    }
  }

  private static SqlDataTypeSpec typeSpec(ElementType type, SqlParserPos pos) {
    SqlTypeName name = SqlTypeName.valueOf(type.sqlTypeName());
    return new SqlDataTypeSpec(new SqlBasicTypeNameSpec(name, pos), pos);
  }

  private static SqlNode cast(SqlNode value, SqlDataTypeSpec type) {
    return SqlStdOperatorTable.CAST.createCall(value.getParserPosition(), value, type);
  }

  private static List<SqlCall> namedArguments(SqlModelCall call) {
    List<SqlCall> named = new ArrayList<>();
    for (SqlNode operand : call.getOperandList()) {
      if (operand != null && operand.getKind() == SqlKind.ARGUMENT_ASSIGNMENT) {
        named.add((SqlCall) operand);
      }
    }
    return named;
  }

  /**
   * The argument a name stands for: its exact name or, for a name in upper case as unquoted names
   * are, its name in any case.
   */
  private static ExpectedArgument match(SqlIdentifier name, ArgumentLayout layout, String where) {
    String given = name.getSimple();
    for (ExpectedArgument argument : layout.arguments()) {
      if (argument.parameterName().equals(given)) {
        return argument;
      }
    }
    boolean foldedToUpperCase = given.equals(given.toUpperCase(Locale.ROOT));
    for (ExpectedArgument argument : layout.arguments()) {
      if (foldedToUpperCase && argument.parameterName().equalsIgnoreCase(given)) {
        return argument;
      }
    }
    throw QuiverException.invalid(
        where
            + "method "
            + layout.signature().method()
            + " has no argument named "
            + ObjectName.quote(given)
            + "; called with "
            + layout.arguments().size()
            + " arguments it takes "
            + example(layout));
  }

  /** The arguments by name, as in "PREDICT(X_1 => REAL, X_2 => REAL)". */
  private static String example(ArgumentLayout layout) {
    return layout.arguments().stream()
        .map(argument -> argument.parameterName() + " => " + argument.sqlTypeName())
        .collect(Collectors.joining(", ", layout.signature().method() + "(", ")"));
  }
}
