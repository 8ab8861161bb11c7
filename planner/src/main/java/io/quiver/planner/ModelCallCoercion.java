package io.quiver.planner;

import io.quiver.catalog.QuiverException;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.apache.calcite.sql.validate.implicit.TypeCoercionImpl;

/**
 * Calcite's implicit casts, limited for model calls to the safe ones: a number to a number input,
 * an array of numbers to an array input, a string to a string input. Calcite would also cast a
 * string to a number input, failing on the first row that does not parse; a model call refuses it
 * when the statement is prepared, naming the model, the version and the signature.
 */
final class ModelCallCoercion extends TypeCoercionImpl {
  ModelCallCoercion(RelDataTypeFactory typeFactory, SqlValidator validator) {
    super(typeFactory, validator);
  }

  @Override
  public boolean userDefinedFunctionCoercion(
      SqlValidatorScope scope, SqlCall call, SqlFunction function) {
    if (function instanceof SqlUserDefinedFunction
        && ((SqlUserDefinedFunction) function).getFunction() instanceof ModelFunction) {
      ModelFunction model = (ModelFunction) ((SqlUserDefinedFunction) function).getFunction();
      List<RelDataType> parameters = model.parameterTypes(factory);
      for (int argument = 0; argument < call.operandCount(); argument++) {
        RelDataType given = validator.deriveType(scope, call.operand(argument));
        if (!isSafe(given, parameters.get(argument))) {
          throw QuiverException.invalid(
              model.describeCall()
                  + "; argument "
                  + (argument + 1)
                  + " is "
                  + typeName(given)
                  + ", which is not cast implicitly to "
                  + typeName(parameters.get(argument))
                  + "; cast it explicitly ("
                  + call.operand(argument).getParserPosition()
                  + ")");
        }
      }
    }
    return super.userDefinedFunctionCoercion(scope, call, function);
  }

  private static boolean isSafe(RelDataType given, RelDataType parameter) {
    if (given.getSqlTypeName() == SqlTypeName.NULL) {
      return true;
    }
    RelDataType givenElement = given.getComponentType();
    RelDataType parameterElement = parameter.getComponentType();
    if (givenElement != null && parameterElement != null) {
      return isSafe(givenElement, parameterElement);
    }
    if (givenElement != null || parameterElement != null) {
      return false;
    }
    if (SqlTypeUtil.isNumeric(parameter)) {
      return SqlTypeUtil.isNumeric(given);
    }
    return family(given) == family(parameter);
  }

  private static String typeName(RelDataType type) {
    return type.getFullTypeString().replace(" NOT NULL", "");
  }

  private static SqlTypeFamily family(RelDataType type) {
    return type.getSqlTypeName().getFamily();
  }
}
