package io.quiver.catalog.model;

import static io.quiver.catalog.model.SharedModels.IRIS_FOREST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quiver.catalog.ObjectName;
import io.quiver.catalog.QuiverException;
import io.quiver.catalog.Session;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.DataContexts;
import org.apache.calcite.jdbc.CalciteConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tags: CREATE and DROP TAG, SHOW TAGS, SET and UNSET TAG on models, SYSTEM$GET_TAG. */
class TagTest {
  private static final ObjectName CHURN = new ObjectName("QUIVER", "PUBLIC", "CHURN");

  private ModelSql sql;

  @BeforeEach
  void open() {
    sql = ModelSql.inMemory();
    sql.run("CREATE MODEL churn FROM " + SharedModels.literal(IRIS_FOREST));
  }

  @AfterEach
  void close() {
    sql.close();
  }

  private static ObjectName tag(String name) {
    return new ObjectName("QUIVER", "PUBLIC", name);
  }

  private Map<ObjectName, String> churnTags() {
    return sql.registry().tags().modelTags(CHURN);
  }

  @Test
  void setsAndUnsetsSeveralTagsAtOnce() {
    sql.run("CREATE TAG stage");
    sql.run("CREATE TAG team");

    sql.run("ALTER MODEL churn SET TAG stage = 'prod', team = 'risk'");
    assertThat(churnTags())
        .containsOnly(Map.entry(tag("STAGE"), "prod"), Map.entry(tag("TEAM"), "risk"));

    sql.run("ALTER MODEL churn SET TAG stage = 'staging'");
    assertThat(churnTags()).containsEntry(tag("STAGE"), "staging");

    sql.run("ALTER MODEL churn UNSET TAG stage, team");
    assertThat(churnTags()).isEmpty();
  }

  @Test
  void setsTagsOfOtherSchemasByQualifiedName() {
    sql.store().catalog().createSchema("QUIVER", "GOVERNANCE", false, false);
    sql.run("CREATE TAG governance.owner_team");

    sql.run("ALTER MODEL churn SET TAG quiver.governance.owner_team = 'risk'");

    assertThat(churnTags())
        .containsOnly(Map.entry(new ObjectName("QUIVER", "GOVERNANCE", "OWNER_TEAM"), "risk"));
    sql.run("ALTER MODEL churn UNSET TAG governance.owner_team");
    assertThat(churnTags()).isEmpty();
  }

  @Test
  void tagValuesAreLimitedTo256Characters() {
    sql.run("CREATE TAG note");

    sql.run("ALTER MODEL churn SET TAG note = '" + "x".repeat(256) + "'");
    QuiverException error = sql.fails("ALTER MODEL churn SET TAG note = '" + "x".repeat(257) + "'");

    assertThat(error.category()).isEqualTo(QuiverException.Category.LIMIT_EXCEEDED);
    assertThat(error)
        .hasMessage(
            "A value of tag QUIVER.PUBLIC.NOTE has 257 characters; tag values are limited to 256");
    assertThat(churnTags().get(tag("NOTE"))).hasSize(256);
  }

  @Test
  void allowedValuesRestrictTheValues() {
    sql.run("CREATE TAG stage ALLOWED_VALUES 'dev', 'prod'");

    sql.run("ALTER MODEL churn SET TAG stage = 'prod'");

    assertThat(sql.fails("ALTER MODEL churn SET TAG stage = 'test'"))
        .hasMessage(
            "Value 'test' is not allowed for tag QUIVER.PUBLIC.STAGE; allowed values are 'dev',"
                + " 'prod'");
    assertThat(churnTags()).containsEntry(tag("STAGE"), "prod");
  }

  @Test
  void settingTagsIsAllOrNothing() {
    sql.run("CREATE TAG stage");

    QuiverException error = sql.fails("ALTER MODEL churn SET TAG stage = 'prod', missing = 'x'");

    assertThat(error)
        .hasMessage(
            "Tag QUIVER.PUBLIC.MISSING does not exist; tags of QUIVER.PUBLIC are STAGE. Create it"
                + " with CREATE TAG QUIVER.PUBLIC.MISSING");
    assertThat(churnTags()).isEmpty();
  }

  @Test
  void createAndDropTagFollowTheUsualModes() {
    sql.run("CREATE TAG stage COMMENT = 'life cycle stage'");
    sql.run("ALTER MODEL churn SET TAG stage = 'prod'");

    assertThat(sql.fails("CREATE TAG stage"))
        .hasMessage(
            "Tag QUIVER.PUBLIC.STAGE already exists; use CREATE OR REPLACE TAG to replace it");
    sql.run("CREATE TAG IF NOT EXISTS stage");
    assertThat(churnTags()).containsEntry(tag("STAGE"), "prod");

    sql.run("CREATE OR REPLACE TAG stage ALLOWED_VALUES 'dev'");
    assertThat(churnTags()).isEmpty();
    assertThat(sql.registry().tags().tag(tag("STAGE")).orElseThrow().allowedValues())
        .containsExactly("dev");

    sql.run("DROP TAG stage");
    sql.run("DROP TAG IF EXISTS stage");
    assertThat(sql.fails("DROP TAG stage").getMessage())
        .startsWith("Tag QUIVER.PUBLIC.STAGE does not exist; tags of QUIVER.PUBLIC are none.");
  }

  @Test
  void droppingATagRemovesItsValues() {
    sql.run("CREATE TAG stage");
    sql.run("ALTER MODEL churn SET TAG stage = 'prod'");

    sql.run("DROP TAG stage");
    sql.run("CREATE TAG stage");

    assertThat(churnTags()).isEmpty();
  }

  @Test
  void showTagsHasSnowflakesColumns() {
    sql.store().catalog().createSchema("QUIVER", "GOVERNANCE", false, false);
    sql.run("CREATE TAG stage ALLOWED_VALUES 'dev', 'prod' COMMENT = 'stage'");
    sql.run("CREATE TAG governance.team");

    ModelSql.Result result = sql.run("SHOW TAGS");

    assertThat(result.columnNames())
        .containsExactly(
            "created_on",
            "name",
            "database_name",
            "schema_name",
            "owner",
            "comment",
            "allowed_values",
            "owner_role_type");
    assertThat(result.column("name")).containsExactly("TEAM", "STAGE");
    assertThat(result.column("allowed_values")).containsExactly(null, "[\"dev\",\"prod\"]");
    assertThat(result.column("comment")).containsExactly(null, "stage");
    assertThat(sql.run("SHOW TAGS LIKE 'st%' IN SCHEMA public").column("name"))
        .containsExactly("STAGE");
    assertThat(sql.run("SHOW TAGS IN SCHEMA governance").column("name")).containsExactly("TEAM");
  }

  @Test
  void getTagReadsTheValueOfATagOnAModel() throws Exception {
    sql.run("CREATE TAG stage");
    sql.run("CREATE TAG team");
    sql.run("ALTER MODEL churn SET TAG stage = 'prod'");

    try (Connection connection = DriverManager.getConnection("jdbc:calcite:")) {
      CalciteConnection calcite = connection.unwrap(CalciteConnection.class);
      Session.attach(calcite, sql.session());
      DataContext context = DataContexts.of(calcite, calcite.getRootSchema());

      assertThat(SystemFunctions.getTag(context, "stage", "churn", "MODULE")).isEqualTo("prod");
      assertThat(SystemFunctions.getTag(context, "quiver.public.stage", "public.churn", "module"))
          .isEqualTo("prod");
      assertThat(SystemFunctions.getTag(context, "team", "\"CHURN\"", "MODULE")).isNull();
      assertThatThrownBy(() -> SystemFunctions.getTag(context, "stage", "churn", "TABLE"))
          .hasMessage(
              "SYSTEM$GET_TAG does not support domain 'TABLE'; tags are read from models with"
                  + " domain 'MODULE'");
      assertThatThrownBy(() -> SystemFunctions.getTag(context, "stage", "missing", "MODULE"))
          .hasMessageStartingWith("Model QUIVER.PUBLIC.MISSING does not exist");
    }
  }

  @Test
  void unsettingATagThatIsNotSetChangesNothingAndTagsNeedASchema() {
    sql.run("CREATE TAG stage");

    sql.run("ALTER MODEL churn UNSET TAG stage");

    assertThat(churnTags()).isEmpty();
    assertThat(sql.fails("CREATE TAG nowhere.stage"))
        .hasMessage("Schema QUIVER.NOWHERE does not exist or not authorized");
    assertThat(sql.fails("ALTER MODEL missing SET TAG stage = 'x'").getMessage())
        .startsWith("Model QUIVER.PUBLIC.MISSING does not exist");
  }
}
