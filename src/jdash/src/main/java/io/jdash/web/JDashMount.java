package io.jdash.web;

import io.jdash.app.AppCatalog;
import io.jdash.background.jobs.BackgroundJobs;
import io.jdash.config.JDashConfig;
import io.jdash.push.PushEndpoint;
import io.jdash.push.DashSocket;
import io.jdash.push.PushHub;
import io.jdash.push.Renderers;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
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
 * the WAR's {@code META-INF/microprofile-config.properties}): {@link AppServlet} at {@code <mount>/*}, the push socket
 * at {@code <mount>/<slug>/_jdash-push}, and the security-headers filter on the mount (the jar's web-fragment.xml
 * maps it on {@code /runtime/*} and {@code /vendor/*}; a WAR that maps it on {@code /*} itself keeps that).
 */
@WebListener
public class JDashMount implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(JDashMount.class.getName());

    @Inject
    PushHub hub;

    @Inject
    BackgroundJobs jobs;

    @Inject
    AppCatalog catalog;

    @Inject
    Renderers renderers;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        String mount = JDashConfig.current().mountPath();
        context.addServlet("jdash-apps", AppServlet.class).addMapping(mount + "/*");
        FilterRegistration headers = context.getFilterRegistration(SecurityHeadersFilter.NAME);
        if (headers != null && !headers.getUrlPatternMappings().contains("/*")) {
            headers.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, mount + "/*");
        }
        var sockets = (ServerContainer) context.getAttribute(ServerContainer.class.getName());
        try {
            sockets.addEndpoint(PushEndpoint.config(mount, hub, jobs));
            sockets.addEndpoint(DashSocket.config(mount, catalog, renderers));
        } catch (DeploymentException e) {
            throw new IllegalStateException("the push socket could not be deployed at " + mount, e);
        }
        LOG.info(() -> "JDash mounted at " + context.getContextPath() + mount + "/<slug>/");
    }
}
