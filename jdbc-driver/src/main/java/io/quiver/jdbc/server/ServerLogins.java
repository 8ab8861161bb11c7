package io.quiver.jdbc.server;

import static java.util.Objects.requireNonNull;

import io.quiver.catalog.security.Identity;
import io.quiver.catalog.security.Security;
import java.security.Principal;
import java.util.Optional;
import javax.security.auth.Subject;
import javax.servlet.ServletRequest;
import org.eclipse.jetty.security.DefaultIdentityService;
import org.eclipse.jetty.security.IdentityService;
import org.eclipse.jetty.security.LoginService;
import org.eclipse.jetty.server.UserIdentity;
import org.eclipse.jetty.util.security.Constraint;

/**
 * Checks the HTTP BASIC credentials of each request against the store's users. A request whose user
 * or password is wrong, or that has none, gets HTTP 401 without saying which part was wrong. Every
 * request carries the credentials again, so a dropped user or a changed password takes effect at
 * the next request.
 */
final class ServerLogins implements LoginService {
  /** The realm the server names when it asks a client for credentials. */
  static final String REALM = "Quiver";

  /** The one role every user who logged in has, as the HTTP layer sees it. */
  static final String[] ROLES = {Constraint.ANY_AUTH};

  private final Security security;
  private volatile IdentityService identityService = new DefaultIdentityService();

  ServerLogins(Security security) {
    this.security = requireNonNull(security, "security is null");
  }

  @Override
  public String getName() {
    return REALM;
  }

  @Override
  public UserIdentity login(String username, Object credentials, ServletRequest request) {
    if (!(credentials instanceof String password)) {
      return null;
    }
    Optional<Identity> identity = security.authenticate(username, password);
    if (identity.isEmpty()) {
      return null;
    }
    UserPrincipal principal = new UserPrincipal(identity.get());
    Subject subject = new Subject();
    subject.getPrincipals().add(principal);
    subject.setReadOnly();
    return identityService.newUserIdentity(subject, principal, new String[0]);
  }

  @Override
  public boolean validate(UserIdentity user) {
    return false;
  }

  @Override
  public IdentityService getIdentityService() {
    return identityService;
  }

  @Override
  public void setIdentityService(IdentityService service) {
    this.identityService = requireNonNull(service, "service is null");
  }

  @Override
  public void logout(UserIdentity user) {
    // Nothing to undo: each request logs in again with its own credentials.
  }

  /** The user a request logged in as, with the identity its connections act for. */
  record UserPrincipal(Identity identity) implements Principal {
    UserPrincipal {
      requireNonNull(identity, "identity is null");
    }

    @Override
    public String getName() {
      return identity.user();
    }
  }
}
