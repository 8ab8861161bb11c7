package io.quiver.catalog.model;

import io.quiver.catalog.Names;
import io.quiver.catalog.ObjectName;
import io.quiver.catalog.Session;
import java.util.Locale;
import org.apache.calcite.DataContext;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/** The registry's system functions, callable from SQL. */
public final class SystemFunctions {
  /** The domain Snowflake gives models in tag functions: models were once called modules. */
  public static final String MODEL_DOMAIN = "MODULE";

  private SystemFunctions() {}

  /**
   * {@code SYSTEM$GET_TAG('tag', 'model', 'MODULE')}: the value of a tag on a model, or NULL when
   * the tag is not set on it. Both names may be qualified and resolve against the session; a model
   * the session cannot see fails as one that does not exist.
   */
  public static @Nullable String getTag(
      DataContext context, String tag, String object, String domain) {
    if (!MODEL_DOMAIN.equals(domain.trim().toUpperCase(Locale.ROOT))) {
      throw ModelErrors.invalid(
          "SYSTEM$GET_TAG does not support domain '"
              + domain
              + "'; tags are read from models with domain '"
              + MODEL_DOMAIN
              + "'");
    }
    Session session = Session.of(context);
    ObjectName tagName = objectName(tag, session);
    ObjectName model = objectName(object, session);
    session.store().security().access().model(session, model);
    return session.store().models().tags().tagValue(model, tagName).orElse(null);
  }

  private static ObjectName objectName(String text, Session session) {
    SqlIdentifier identifier = new SqlIdentifier(IdentifierPath.parse(text), SqlParserPos.ZERO);
    return Names.object(identifier, session);
  }
}
