package io.quiver.jdbc.server;

import io.quiver.catalog.security.Identity;
import java.io.IOException;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.calcite.avatica.metrics.noop.NoopMetricsSystem;
import org.apache.calcite.avatica.remote.Service;
import org.apache.calcite.avatica.server.AvaticaProtobufHandler;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.eclipse.jetty.server.Request;

/**
 * The identity of the user whose request the current thread serves: Avatica's protobuf handler,
 * which sets it from the request's login for the time it handles the request, so that the server's
 * connections act for that user and no other user can reach them.
 */
final class RequestIdentity extends AvaticaProtobufHandler {
  private static final ThreadLocal<Identity> CURRENT = new ThreadLocal<>();

  RequestIdentity(Service service) {
    super(service, NoopMetricsSystem.getInstance(), null);
  }

  /** The identity of the request this thread serves; null outside a request. */
  static @Nullable Identity current() {
    return CURRENT.get();
  }

  @Override
  public void handle(
      String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    if (!(request.getUserPrincipal() instanceof ServerLogins.UserPrincipal principal)) {
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      baseRequest.setHandled(true);
      return;
    }
    CURRENT.set(principal.identity());
    try {
      super.handle(target, baseRequest, request, response);
    } finally {
      CURRENT.remove();
    }
  }
}
