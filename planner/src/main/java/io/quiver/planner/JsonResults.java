package io.quiver.planner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Array;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.jdbc.CalcitePrepare.CalciteSignature;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Results whose ROW, MAP and ARRAY columns are JSON text, for the server's connections. Avatica's
 * wire protocol carries no ROW or MAP values, and its JDBC bridge fails on arrays of a model's
 * outputs, so a remote client gets these columns as Snowflake's JDBC driver gets OBJECT and ARRAY
 * values: JSON in a VARCHAR column whose type name is OBJECT or ARRAY.
 */
public final class JsonResults {
  /** The connection property, {@link Boolean#TRUE}, that asks for JSON text. */
  public static final String PROPERTY = "quiver.jsonResults";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonResults() {}

  /** The same statement with its structured columns as JSON text; itself when it has none. */
  static <T> CalciteSignature<T> of(CalciteSignature<T> signature, RelDataTypeFactory typeFactory) {
    List<RelDataTypeField> fields = signature.rowType.getFieldList();
    boolean structured = fields.stream().anyMatch(field -> isStructured(field.getType()));
    Meta.Style style = signature.cursorFactory.style;
    if (!structured || (style != Meta.Style.ARRAY && style != Meta.Style.OBJECT)) {
      return signature;
    }

    List<ColumnMetaData> columns = new ArrayList<>();
    RelDataTypeFactory.Builder rowType = typeFactory.builder();
    for (int column = 0; column < fields.size(); column++) {
      RelDataType type = fields.get(column).getType();
      ColumnMetaData original = signature.columns.get(column);
      columns.add(isStructured(type) ? asText(original, type) : original);
      rowType.add(
          fields.get(column).getName(), isStructured(type) ? text(typeFactory, type) : type);
    }
    Bindable<T> converted =
        dataContext -> {
          @SuppressWarnings("unchecked")
          Enumerable<Object> rows = (Enumerable<Object>) signature.enumerable(dataContext);
          @SuppressWarnings("unchecked")
          Enumerable<T> convertedRows =
              (Enumerable<T>) rows.select(row -> convertRow(row, fields, style));
          return convertedRows;
        };
    return new CalciteSignature<>(
        signature.sql,
        signature.parameters,
        signature.internalParameters,
        rowType.build(),
        columns,
        signature.cursorFactory,
        signature.rootSchema,
        signature.getCollationList(),
        -1,
        converted,
        signature.statementType);
  }

  private static boolean isStructured(RelDataType type) {
    return type.isStruct()
        || type.getSqlTypeName() == SqlTypeName.MAP
        || type.getSqlTypeName() == SqlTypeName.ARRAY
        || type.getSqlTypeName() == SqlTypeName.MULTISET;
  }

  private static RelDataType text(RelDataTypeFactory typeFactory, RelDataType type) {
    RelDataType varchar = typeFactory.createSqlType(SqlTypeName.VARCHAR);
    return typeFactory.createTypeWithNullability(varchar, type.isNullable());
  }

  private static ColumnMetaData asText(ColumnMetaData original, RelDataType type) {
    boolean array =
        type.getSqlTypeName() == SqlTypeName.ARRAY || type.getSqlTypeName() == SqlTypeName.MULTISET;
    return new ColumnMetaData(
        original.ordinal,
        original.autoIncrement,
        original.caseSensitive,
        original.searchable,
        original.currency,
        original.nullable,
        original.signed,
        original.displaySize,
        original.label,
        original.columnName,
        original.schemaName,
        original.precision,
        original.scale,
        original.tableName,
        original.catalogName,
        ColumnMetaData.scalar(Types.VARCHAR, array ? "ARRAY" : "OBJECT", ColumnMetaData.Rep.STRING),
        original.readOnly,
        original.writable,
        original.definitelyWritable,
        String.class.getName());
  }

  private static Object convertRow(Object row, List<RelDataTypeField> fields, Meta.Style style) {
    if (style == Meta.Style.OBJECT) {
      return convertValue(row, fields.get(0).getType());
    }
    Object[] values = ((Object[]) row).clone();
    for (int column = 0; column < values.length; column++) {
      values[column] = convertValue(values[column], fields.get(column).getType());
    }
    return values;
  }

  private static @Nullable Object convertValue(@Nullable Object value, RelDataType type) {
    if (value == null || !isStructured(type)) {
      return value;
    }
    try {
      return JSON.writeValueAsString(node(value, type));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a " + type + " value as JSON", e);
    }
  }

  /**
   * A value as JSON: a ROW as an object of its fields, a MAP as an object, an ARRAY as an array.
   */
  private static JsonNode node(@Nullable Object value, @Nullable RelDataType type) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (type != null && type.isStruct() && value instanceof Object[] fields) {
      ObjectNode object = NODES.objectNode();
      List<RelDataTypeField> fieldTypes = type.getFieldList();
      for (int field = 0; field < fieldTypes.size(); field++) {
        RelDataTypeField fieldType = fieldTypes.get(field);
        object.set(fieldType.getName(), node(fields[field], fieldType.getType()));
      }
      return object;
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = NODES.objectNode();
      RelDataType valueType = type == null ? null : type.getValueType();
      map.forEach((key, entry) -> object.set(String.valueOf(key), node(entry, valueType)));
      return object;
    }
    RelDataType elementType = type == null ? null : type.getComponentType();
    if (value instanceof List<?> list) {
      ArrayNode array = NODES.arrayNode();
      list.forEach(element -> array.add(node(element, elementType)));
      return array;
    }
    if (value.getClass().isArray()) {
      ArrayNode array = NODES.arrayNode();
      for (int index = 0; index < Array.getLength(value); index++) {
        array.add(node(Array.get(value, index), elementType));
      }
      return array;
    }
    return JSON.valueToTree(value);
  }
}
