package io.jdash.background.defaults;

import io.jdash.background.BackgroundManager;
import io.jdash.background.jms.JmsBatchManager;
import io.jdash.background.jobs.ManagerLookup;
import io.jdash.background.local.LocalManager;
import io.jdash.config.JDashConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * The two managers, and the choice between them that the examples make the way Dash's do (Celery when
 * REDIS_URL is set, DiskCache otherwise): {@link #productionIfConfigured()} is the JMS + Batch manager when
 * the server has the BackgroundCallbacks queue, and the local one when it does not. The setting
 * {@code jdash.manager} ({@code jms} or {@code local}) forces either. That choice is also the injectable
 * {@link BackgroundManager}: {@code @Inject BackgroundManager manager;} in an app gets it.
 */
@ApplicationScoped
public class Managers implements ManagerLookup {

    private static final Logger LOG = Logger.getLogger(Managers.class.getName());

    @Inject
    JmsBatchManager jms;

    @Inject
    LocalManager local;

    public BackgroundManager production() {
        return jms;
    }

    public BackgroundManager local() {
        return local;
    }

    /** The default manager, also what {@code @Inject BackgroundManager} gets: {@link #productionIfConfigured()}. */
    @Produces
    @Override
    public BackgroundManager defaultManager() {
        return productionIfConfigured();
    }

    /** The JMS + Batch manager where the queue is configured (or forced), else the local one. */
    public BackgroundManager productionIfConfigured() {
        String forced = JDashConfig.current().manager().orElse("");
        if (forced.equals("local")) {
            return local;
        }
        if (forced.equals("jms") || jms.isConfigured()) {
            return jms;
        }
        LOG.fine("no BackgroundCallbacks queue on this server: background callbacks use the local manager");
        return local;
    }

    @Override
    public BackgroundManager byName(String name) {
        return jms.name().equals(name) ? jms : local;
    }
}
