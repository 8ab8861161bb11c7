package io.quiver.catalog.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quiver.catalog.ObjectName;
import io.quiver.catalog.Session;
import io.quiver.catalog.Store;
import io.quiver.catalog.security.FileAccess;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Names written in strings, model locations, and generated version names. */
class NamesTest {
  @Test
  void readsQualifiedNamesUpperCasingUnquotedParts() {
    assertThat(IdentifierPath.parse("ml.public.churn")).containsExactly("ML", "PUBLIC", "CHURN");
    assertThat(IdentifierPath.parse("\"My.Db\".s.\"a\"\"b\""))
        .containsExactly("My.Db", "S", "a\"b");
    assertThatThrownBy(() -> IdentifierPath.parse("ml..churn"))
        .hasMessageStartingWith("Name 'ml..churn' is not valid: a part of the name is empty");
    assertThatThrownBy(() -> IdentifierPath.parse("\"open"))
        .hasMessageStartingWith("Name '\"open' is not valid: a double quote is not closed");
    assertThatThrownBy(() -> IdentifierPath.parse("\"a\"b"))
        .hasMessageStartingWith("Name '\"a\"b' is not valid: unexpected 'b'");
  }

  @Test
  void readsModelLocations() {
    try (Store store = Store.openInMemory()) {
      Session session =
          new Session(
              store,
              store.security().administrator(),
              FileAccess.unrestricted(),
              "QUIVER",
              "PUBLIC");

      ModelLocation location =
          ModelLocation.parse("snow://model/ml.\"a/b\"/versions/V1/model.onnx", session);
      assertThat(location)
          .isEqualTo(new ModelLocation(new ObjectName("QUIVER", "ML", "a/b"), "V1", "model.onnx"));
      assertThat(ModelLocation.parse("SNOW://MODEL/churn/VERSIONS/\"v 1\"", session))
          .isEqualTo(new ModelLocation(new ObjectName("QUIVER", "PUBLIC", "CHURN"), "v 1", ""));
      assertThatThrownBy(() -> ModelLocation.parse("snow://model/churn/versions//", session))
          .hasMessageStartingWith("Location 'snow://model/churn/versions//' does not name");
    }
  }

  @Test
  void generatedVersionNamesAvoidTakenNames() {
    String first = VersionNames.generate(Set.of(), new Random(7));

    String second = VersionNames.generate(Set.of(first), new Random(7));

    assertThat(List.of(first, second)).allMatch(name -> name.matches("[A-Z]+_[A-Z]+_[1-9]"));
    assertThat(second).isNotEqualTo(first);
  }
}
