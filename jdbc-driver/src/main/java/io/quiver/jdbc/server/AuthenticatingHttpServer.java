package io.quiver.jdbc.server;

import static java.util.Objects.requireNonNull;

import java.io.File;
import java.util.concurrent.Callable;
import org.apache.calcite.avatica.remote.AuthenticationType;
import org.apache.calcite.avatica.server.AvaticaHandler;
import org.apache.calcite.avatica.server.AvaticaServerConfiguration;
import org.apache.calcite.avatica.server.HttpRequestRemoteUserExtractor;
import org.apache.calcite.avatica.server.HttpServer;
import org.apache.calcite.avatica.server.RemoteUserExtractor;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.eclipse.jetty.security.ConstraintSecurityHandler;
import org.eclipse.jetty.security.LoginService;
import org.eclipse.jetty.security.authentication.BasicAuthenticator;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.security.Constraint;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Avatica's HTTP server with HTTP BASIC authentication against Quiver's users, listening on one
 * address. Avatica's own BASIC authentication reads users from a properties file; this server hands
 * Jetty a login service backed by the store instead. BASIC sends the password with every request,
 * so a server that other machines reach should use TLS.
 */
final class AuthenticatingHttpServer extends HttpServer {
  private final String host;
  private final LoginService logins;

  AuthenticatingHttpServer(
      int port,
      AvaticaHandler handler,
      String host,
      LoginService logins,
      SslContextFactory.@Nullable Server tls) {
    super(port, handler, new BasicConfiguration(), null, tls);
    this.host = requireNonNull(host, "host is null");
    this.logins = requireNonNull(logins, "logins is null");
  }

  @Override
  protected ServerConnector getServerConnector() {
    ServerConnector connector = super.getServerConnector();
    connector.setHost(host);
    return connector;
  }

  @Override
  protected ConstraintSecurityHandler configureBasicAuthentication(
      Server server, AvaticaServerConfiguration config) {
    server.addBean(logins);
    return configureCommonAuthentication(
        Constraint.__BASIC_AUTH,
        ServerLogins.ROLES,
        new BasicAuthenticator(),
        ServerLogins.REALM,
        logins);
  }

  /** The configuration that makes Avatica put its handler behind BASIC authentication. */
  private static final class BasicConfiguration implements AvaticaServerConfiguration {
    @Override
    public AuthenticationType getAuthenticationType() {
      return AuthenticationType.BASIC;
    }

    @Override
    public String[] getAllowedRoles() {
      return ServerLogins.ROLES;
    }

    @Override
    public String getHashLoginServiceRealm() {
      return ServerLogins.REALM;
    }

    @Override
    public @Nullable String getHashLoginServiceProperties() {
      return null;
    }

    @Override
    public boolean supportsImpersonation() {
      return false;
    }

    @Override
    public <T> T doAsRemoteUser(String remoteUserName, String remoteAddress, Callable<T> action)
        throws Exception {
      return action.call();
    }

    @Override
    public RemoteUserExtractor getRemoteUserExtractor() {
      return new HttpRequestRemoteUserExtractor();
    }

    @Override
    public @Nullable String getKerberosRealm() {
      return null;
    }

    @Override
    public @Nullable String getKerberosServiceName() {
      return null;
    }

    @Override
    public @Nullable String getKerberosHostName() {
      return null;
    }

    @Override
    public @Nullable String getKerberosPrincipal() {
      return null;
    }

    @Override
    public @Nullable File getKerberosKeytab() {
      return null;
    }
  }
}
