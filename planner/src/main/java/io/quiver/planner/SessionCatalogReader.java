package io.quiver.planner;

import io.quiver.catalog.Session;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.validate.SqlNameMatchers;

/**
 * Resolves names the way Snowflake does: {@code t} in the current schema, {@code s.t} in the
 * current database, {@code d.s.t} from the root.
 */
final class SessionCatalogReader extends CalciteCatalogReader {
  private SessionCatalogReader(
      CalciteSchema rootSchema,
      List<List<String>> schemaPaths,
      RelDataTypeFactory typeFactory,
      CalciteConnectionConfig config) {
    super(
        rootSchema,
        SqlNameMatchers.withCaseSensitive(config.caseSensitive()),
        schemaPaths,
        typeFactory,
        config);
  }

  static SessionCatalogReader of(
      CalciteSchema rootSchema,
      Session session,
      RelDataTypeFactory typeFactory,
      CalciteConnectionConfig config) {
    List<List<String>> paths = new ArrayList<>();
    session
        .database()
        .ifPresent(
            database -> {
              session.schema().ifPresent(schema -> paths.add(List.of(database, schema)));
              paths.add(List.of(database));
            });
    paths.add(List.of());
    return new SessionCatalogReader(rootSchema, paths, typeFactory, config);
  }
}
