package io.quiver.catalog.security;

import static java.util.Objects.requireNonNull;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Turns passwords into salted, slow hashes and checks passwords against them.
 *
 * <p>Quiver uses PBKDF2 with HMAC-SHA256 because the JDK implements it (no native library, no extra
 * dependency in the driver jar), it is approved by NIST SP 800-132 and recommended by OWASP, and
 * its cost is tunable: 600,000 iterations, OWASP's 2023 figure for this function, take a few
 * hundred milliseconds, which makes guessing from a stolen catalog slow. Each password gets its own
 * 16-byte random salt, so equal passwords hash differently. The encoded hash records its iteration
 * count, so hashes made with another count keep verifying. A memory-hard function (scrypt, Argon2)
 * resists GPUs better but is not in the JDK.
 */
final class PasswordHasher {
  /** The iterations of new hashes. */
  static final int ITERATIONS = 600_000;

  private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
  private static final String SCHEME = "pbkdf2-sha256";
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;

  private final SecureRandom random = new SecureRandom();

  /**
   * A hash that no password matches, checked when a user does not exist so that a failed login
   * takes as long whether the user exists or not; made on first use.
   */
  private volatile String unmatchable;

  /** The encoded hash of a password: {@code pbkdf2-sha256$iterations$salt$hash}. */
  String hash(String password) {
    requireNonNull(password, "password is null");
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] hash = derive(password, salt, ITERATIONS);
    Base64.Encoder base64 = Base64.getEncoder();
    return SCHEME
        + "$"
        + ITERATIONS
        + "$"
        + base64.encodeToString(salt)
        + "$"
        + base64.encodeToString(hash);
  }

  /** Whether a password matches an encoded hash; false for a hash it cannot read. */
  boolean matches(String password, String encoded) {
    requireNonNull(password, "password is null");
    requireNonNull(encoded, "encoded is null");
    String[] parts = encoded.split("\\$");
    if (parts.length != 4 || !parts[0].equals(SCHEME)) {
      return false;
    }
    try {
      int iterations = Integer.parseInt(parts[1]);
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] expected = Base64.getDecoder().decode(parts[3]);
      return MessageDigest.isEqual(derive(password, salt, iterations), expected);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Spends the time of a check, for a login whose user does not exist. */
  void matchNothing(String password) {
    String hash = unmatchable;
    if (hash == null) {
      hash = hash(randomSecret());
      unmatchable = hash;
    }
    matches(password, hash);
  }

  /** A random password of 20 characters from an alphabet without look-alike characters. */
  String randomSecret() {
    String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    StringBuilder secret = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      secret.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return secret.toString();
  }

  private static byte[] derive(String password, byte[] salt, int iterations) {
    char[] characters = password.toCharArray();
    PBEKeySpec spec = new PBEKeySpec(characters, salt, iterations, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("The JDK has no " + ALGORITHM, e);
    } finally {
      spec.clearPassword();
      Arrays.fill(characters, '\0');
    }
  }
}
