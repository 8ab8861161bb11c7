package io.quiver.jdbc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptSplitterTest {
  @Test
  void semicolonsEndStatementsAndTheLastNeedsNone() {
    List<ScriptStatement> statements = ScriptSplitter.split("SELECT 1;\nSELECT 2;  SELECT 3");

    assertThat(statements)
        .containsExactly(
            ScriptStatement.of(1, "SELECT 1"),
            ScriptStatement.of(2, "SELECT 2"),
            ScriptStatement.of(2, "SELECT 3"));
  }

  @Test
  void semicolonsInsideStringsAndQuotedIdentifiersDoNotEndStatements() {
    String script = "SELECT 'a;b', 'it''s; here' AS \"x;\"\"y\";\nSELECT 2;";

    List<ScriptStatement> statements = ScriptSplitter.split(script);

    assertThat(statements)
        .extracting(ScriptStatement::sql)
        .containsExactly("SELECT 'a;b', 'it''s; here' AS \"x;\"\"y\"", "SELECT 2");
  }

  @Test
  void commentsBeforeAStatementAreLeftOutAndItsLineIsWhereItsTextStarts() {
    String script =
        "-- header; not a statement\n"
            + "/* a block;\n   comment */\n"
            + "\n"
            + "SELECT 1 -- trailing; comment\n"
            + "  , 2 /* inside; */;\n"
            + "-- only a comment at the end;\n";

    List<ScriptStatement> statements = ScriptSplitter.split(script);

    assertThat(statements)
        .containsExactly(
            ScriptStatement.of(5, "SELECT 1 -- trailing; comment\n  , 2 /* inside; */"));
  }

  @Test
  void linesCountInsideStringsAndComments() {
    String script = "SELECT 'one\ntwo';\n/* x\ny\nz */ SELECT\n3;";

    List<ScriptStatement> statements = ScriptSplitter.split(script);

    assertThat(statements).extracting(ScriptStatement::line).containsExactly(1, 5);
  }

  @Test
  void blankAndEmptyStatementsAreSkipped() {
    assertThat(ScriptSplitter.split(" ;\n;; -- nothing\n/* nor this */ ;")).isEmpty();
    assertThat(ScriptSplitter.split("")).isEmpty();
  }

  @Test
  void anUnclosedStringIsReportedWithTheLineItStartsOn() {
    List<ScriptStatement> statements = ScriptSplitter.split("SELECT 1;\nSELECT 'open;\nSELECT 3;");

    assertThat(statements).hasSize(2);
    assertThat(statements.get(0).unreadable()).isEmpty();
    ScriptStatement unclosed = statements.get(1);
    assertThat(unclosed.line()).isEqualTo(2);
    assertThat(unclosed.unreadable())
        .hasValue("The string that starts on line 2 is never closed; close it with '");
  }

  @Test
  void anUnclosedQuotedIdentifierOrCommentIsReported() {
    assertThat(ScriptSplitter.split("SELECT 1 AS \"x").get(0).unreadable())
        .hasValue("The quoted identifier that starts on line 1 is never closed; close it with \"");
    assertThat(ScriptSplitter.split("SELECT 1;\n\n/* never closed; SELECT 2;").get(1))
        .extracting(ScriptStatement::line, ScriptStatement::problem)
        .containsExactly(3, "The comment that starts on line 3 is never closed; close it with */");
  }

  @Test
  void windowsLineEndsCountOnce() {
    List<ScriptStatement> statements = ScriptSplitter.split("SELECT 1;\r\n\r\nSELECT 2;\r\n");

    assertThat(statements)
        .containsExactly(ScriptStatement.of(1, "SELECT 1"), ScriptStatement.of(3, "SELECT 2"));
  }
}
