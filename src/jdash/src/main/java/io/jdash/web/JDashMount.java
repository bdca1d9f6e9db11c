package io.jdash.web;

import io.jdash.app.AppCatalog;
import io.jdash.config.JDashConfig;
import io.jdash.push.DashSocket;
import io.jdash.push.Renderers;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.HttpConstraintElement;
import jakarta.servlet.ServletSecurityElement;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import java.util.EnumSet;
import java.util.logging.Logger;

/**
 * Mounts JDash in the WAR that has the jar, under {@code jdash.mount-path} ({@code /apps} unless configured, e.g. in
 * the WAR's {@code META-INF/microprofile-config.properties}): {@link AppServlet} at {@code <mount>/*}, Dash's
 * renderer's socket at {@code <mount>/<slug>/_dash-ws}, and the security-headers filter (declared by the jar's
 * web-fragment.xml) on the mount; a WAR that maps that filter on {@code /*} itself keeps that. An app that requires a
 * role ({@link io.jdash.app.DashApp#requiredRole()}) gets a servlet of its own at {@code <mount>/<slug>/*} with the
 * container's security constraint, so the server's login (the WAR's {@code login-config}) comes before anything of it,
 * its socket's handshake included; the role itself is checked by {@link AppAccess} and the socket.
 */
@WebListener
public class JDashMount implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(JDashMount.class.getName());
    /** The Servlet spec's role name for "any authenticated user". */
    private static final String ANY_USER = "**";

    @Inject
    AppCatalog catalog;

    @Inject
    Renderers renderers;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        String mount = JDashConfig.current().mountPath();
        var apps = context.addServlet("jdash-apps", AppServlet.class);
        apps.setAsyncSupported(true); // request bodies are read without holding a thread (AsyncRequestBody)
        apps.addMapping(mount + "/*");
        catalog.all().stream().filter(app -> app.app().requiredRole() != null).forEach(app -> {
            // the container's own constraint: a logged-in user (the WAR's login-config), socket included; AppAccess
            // and DashSocket then check the role, so a user without it hears which role it lacks
            var servlet = context.addServlet("jdash-app-" + app.slug(), AppServlet.class);
            servlet.setAsyncSupported(true);
            servlet.addMapping(mount + "/" + app.slug() + "/*");
            servlet.setServletSecurity(new ServletSecurityElement(new HttpConstraintElement(
                    ServletSecurity.TransportGuarantee.NONE, ANY_USER)));
        });
        FilterRegistration headers = context.getFilterRegistration(SecurityHeadersFilter.NAME);
        if (headers != null && !headers.getUrlPatternMappings().contains("/*")) {
            headers.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, mount + "/*");
        }
        var sockets = (ServerContainer) context.getAttribute(ServerContainer.class.getName());
        try {
            sockets.addEndpoint(DashSocket.config(mount, catalog, renderers));
        } catch (DeploymentException e) {
            throw new IllegalStateException("Dash's socket could not be deployed at " + mount, e);
        }
        LOG.info(() -> "JDash mounted at " + context.getContextPath() + mount + "/<slug>/");
    }
}
