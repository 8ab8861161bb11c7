package io.quiver.catalog.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quiver.catalog.Store;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  private final PasswordHasher hasher = new PasswordHasher();

  @Test
  void aHashMatchesItsPasswordOnly() {
    String hash = hasher.hash("correct horse");

    assertThat(hasher.matches("correct horse", hash)).isTrue();
    assertThat(hasher.matches("correct horsE", hash)).isFalse();
    assertThat(hasher.matches("", hash)).isFalse();
  }

  @Test
  void eachHashHasItsOwnSaltAndRecordsItsIterations() {
    String first = hasher.hash("same password");
    String second = hasher.hash("same password");

    assertThat(first).isNotEqualTo(second).startsWith("pbkdf2-sha256$600000$");
    assertThat(first.split("\\$")).hasSize(4);
    assertThat(hasher.matches("same password", second)).isTrue();
  }

  @Test
  void hashesItCannotReadMatchNothing() {
    assertThat(hasher.matches("x", "plain text")).isFalse();
    assertThat(hasher.matches("x", "pbkdf2-sha256$many$salt$hash")).isFalse();
    assertThat(hasher.matches("x", "md5$1$c2FsdA==$aGFzaA==")).isFalse();
  }

  @Test
  void theCatalogKeepsOnlyTheHash() throws Exception {
    try (Store store = Store.openInMemory("administrator-secret")) {
      try (Connection connection = store.dataSource().getConnection();
          Statement statement = connection.createStatement();
          ResultSet rows =
              statement.executeQuery("SELECT NAME, PASSWORD_HASH FROM QUIVER_CATALOG.USERS")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).isEqualTo("ADMIN");
        assertThat(rows.getString(2))
            .startsWith("pbkdf2-sha256$")
            .doesNotContain("administrator-secret");
        assertThat(hasher.matches("administrator-secret", rows.getString(2))).isTrue();
      }
      assertThat(store.takeGeneratedAdministratorPassword()).isEmpty();
      assertThat(store.security().authenticate("ADMIN", "administrator-secret")).isPresent();
      assertThat(store.security().authenticate("admin", "administrator-secret")).isPresent();
      assertThat(store.security().authenticate("ADMIN", "administrator-Secret")).isEmpty();
    }
  }

  @Test
  void aGeneratedPasswordIsGivenOnce() {
    try (Store store = Store.openInMemory(null)) {
      String password = store.takeGeneratedAdministratorPassword().orElseThrow();

      assertThat(password).hasSize(20);
      assertThat(store.takeGeneratedAdministratorPassword()).isEmpty();
      assertThat(store.security().authenticate("ADMIN", password)).isPresent();
    }
  }
}
