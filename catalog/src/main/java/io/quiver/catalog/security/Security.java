package io.quiver.catalog.security;

import static java.util.Objects.requireNonNull;

import io.quiver.catalog.QuiverException;
import io.quiver.catalog.Store;
import io.quiver.parser.ObjectKind;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The users, roles and privileges of a store: logins, the administrator a new store starts with,
 * and the {@link AccessControl} that checks each statement. The store makes one when it opens.
 */
public final class Security {
  private static final Logger LOG = LoggerFactory.getLogger(Security.class);

  /** The user a new store has, granted ACCOUNTADMIN. */
  public static final String ADMINISTRATOR = "ADMIN";

  /** The environment variable that gives the administrator's first password. */
  public static final String ADMINISTRATOR_PASSWORD_VARIABLE = "QUIVER_ADMIN_PASSWORD";

  /** The shortest password Quiver accepts. */
  public static final int MIN_PASSWORD_LENGTH = 8;

  /** Who granted what the store gave itself, such as the administrator's role. */
  static final String SYSTEM = "SYSTEM";

  private final Store store;
  private final AtomicLong epoch = new AtomicLong();
  private final PasswordHasher hasher = new PasswordHasher();
  private final Roles roles = new Roles(epoch);
  private final Users users = new Users(epoch);
  private final Grants grants = new Grants(epoch);
  private final AccessControl access;
  private final byte[] loginKey = new byte[32];
  private final Map<String, VerifiedLogin> verified = new ConcurrentHashMap<>();

  /**
   * A login that succeeded: the password hash it matched, and a keyed digest of the password, so
   * that the next login with the same password skips the slow hash without Quiver keeping the
   * password. A changed password changes the hash, which voids the entry.
   */
  private record VerifiedLogin(String passwordHash, byte[] digest) {}

  public Security(Store store) {
    this.store = requireNonNull(store, "store is null");
    this.access = new AccessControl(store, roles, users, grants, epoch);
    new SecureRandom().nextBytes(loginKey);
  }

  public AccessControl access() {
    return access;
  }

  // The store's first start.

  /**
   * Creates the roles ACCOUNTADMIN and PUBLIC and, on a store without users, the administrator
   * ADMIN; gives ACCOUNTADMIN the objects no role owns. Returns the administrator's password when
   * it was generated, so that whoever created the store can show it once.
   *
   * @param firstPassword the administrator's password for a new store; null to take it from {@value
   *     #ADMINISTRATOR_PASSWORD_VARIABLE} or, when that is unset, to generate one
   */
  public Optional<String> bootstrap(@Nullable String firstPassword) {
    return Optional.ofNullable(
        store.transaction(
            connection -> {
              long administrators = systemRole(connection, Roles.ACCOUNTADMIN);
              systemRole(connection, Roles.PUBLIC);
              String generated =
                  users.isEmpty(connection) ? createAdministrator(connection, firstPassword) : null;
              adoptOwnerless(connection, administrators);
              return generated;
            }));
  }

  private long systemRole(Connection connection, String name) throws SQLException {
    Optional<RoleInfo> role = roles.find(connection, name);
    return role.isPresent() ? role.get().id() : roles.create(connection, name, null);
  }

  /** Creates ADMIN; returns its password when it was generated. */
  private @Nullable String createAdministrator(Connection connection, @Nullable String given)
      throws SQLException {
    String environment = System.getenv(ADMINISTRATOR_PASSWORD_VARIABLE);
    String password = given;
    if (password == null && environment != null && !environment.isEmpty()) {
      password = environment;
    }
    boolean generated = password == null;
    if (generated) {
      password = hasher.randomSecret();
    }
    checkPassword(password);
    users.create(connection, ADMINISTRATOR, hasher.hash(password), Roles.ACCOUNTADMIN);
    RoleInfo administrators = roles.require(connection, Roles.ACCOUNTADMIN);
    users.grant(connection, administrators, users.require(connection, ADMINISTRATOR), SYSTEM);
    LOG.info(
        "Created the administrator {} with role {} and a {} password",
        ADMINISTRATOR,
        Roles.ACCOUNTADMIN,
        generated ? "generated" : "given");
    return generated ? password : null;
  }

  private void adoptOwnerless(Connection connection, long role) throws SQLException {
    int adopted = 0;
    for (ObjectKind kind : new ObjectKind[] {ObjectKind.DATABASE, ObjectKind.SCHEMA}) {
      adopted += grants.adoptOwnerless(connection, kind, role);
    }
    adopted += grants.adoptOwnerless(connection, ObjectKind.MODEL, role);
    adopted += grants.reconcileTables(connection, role);
    if (adopted > 0) {
      LOG.info("{} objects without an owner now belong to {}", adopted, Roles.ACCOUNTADMIN);
    }
  }

  // Logins.

  /**
   * The identity of a user whose password matches; empty otherwise, without saying whether the user
   * exists (a login for a user that does not exist takes as long). A user name that matches no user
   * as given is tried in upper case, as {@code CREATE USER alice} stores it.
   *
   * <p>Failed logins are not throttled beyond the cost of the hash: a server that untrusted clients
   * reach should sit behind a proxy that limits login attempts.
   */
  public Optional<Identity> authenticate(@Nullable String user, @Nullable String password) {
    if (user == null || user.isEmpty() || password == null) {
      return Optional.empty();
    }
    String name = storedName(user);
    Optional<String> hash = store.transaction(connection -> users.passwordHash(connection, name));
    if (hash.isEmpty()) {
      hasher.matchNothing(password);
      LOG.info("Login refused for user {}", printable(user));
      return Optional.empty();
    }
    byte[] digest = digest(password);
    VerifiedLogin known = verified.get(name);
    boolean remembered =
        known != null
            && known.passwordHash().equals(hash.get())
            && MessageDigest.isEqual(known.digest(), digest);
    if (!remembered && !hasher.matches(password, hash.get())) {
      LOG.info("Login refused for user {}", printable(user));
      return Optional.empty();
    }
    verified.put(name, new VerifiedLogin(hash.get(), digest));
    return Optional.of(identity(name));
  }

  /**
   * The name a login's user is stored under: as given when a user has it, else in upper case, as an
   * unquoted name in {@code CREATE USER alice} is stored.
   */
  private String storedName(String user) {
    String upper = user.toUpperCase(Locale.ROOT);
    return store.transaction(
        connection ->
            users.find(connection, user).isEmpty() && users.find(connection, upper).isPresent()
                ? upper
                : user);
  }

  /**
   * The administrator's identity, for a connection the process makes to a store it holds itself,
   * such as an in-memory store, without a login.
   */
  public Identity administrator() {
    return identity(ADMINISTRATOR);
  }

  /** A user's identity: the user's default role when the user holds it, else PUBLIC. */
  Identity identity(String user) {
    return store.transaction(
        connection -> {
          Optional<UserInfo> info = users.find(connection, user);
          String role = Roles.PUBLIC;
          if (info.isPresent() && info.get().defaultRole() != null) {
            String preferred = info.get().defaultRole();
            if (holds(connection, info.get(), preferred)) {
              role = preferred;
            }
          }
          return new Identity(user, role);
        });
  }

  /** Whether a user holds a role, directly, through other roles, or as PUBLIC. */
  boolean holds(Connection connection, UserInfo user, String role) throws SQLException {
    Optional<RoleInfo> info = roles.find(connection, role);
    if (info.isEmpty()) {
      return false;
    }
    Set<Long> held = new HashSet<>(users.directRoles(connection, user));
    held.add(roles.require(connection, Roles.PUBLIC).id());
    return roles.inherited(connection, held).contains(info.get().id());
  }

  private byte[] digest(String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(loginKey, "HmacSHA256"));
      return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The JDK has no HmacSHA256", e);
    }
  }

  /** A name from a login, safe to write into a log line. */
  static String printable(String name) {
    String shown = name.length() > 64 ? name.substring(0, 64) + "..." : name;
    return '"' + shown.replaceAll("\\p{Cntrl}", "?") + '"';
  }

  /** Fails when a password is too short to be set. */
  static void checkPassword(String password) {
    if (password.length() < MIN_PASSWORD_LENGTH) {
      throw QuiverException.invalid(
          "Passwords need at least " + MIN_PASSWORD_LENGTH + " characters; choose a longer one");
    }
  }

  // For the statements of access control.

  Store store() {
    return store;
  }

  Roles roles() {
    return roles;
  }

  Users users() {
    return users;
  }

  Grants grants() {
    return grants;
  }

  PasswordHasher hasher() {
    return hasher;
  }
}
