package io.jdash.it;

import io.jdash.background.BackgroundManager;
import jakarta.enterprise.context.ApplicationScoped;

/** {@link BgTestApp} on the JMS + Batch manager, on a queue its WAR gives {@value #WORKERS} workers. */
@ApplicationScoped
public class BgJmsPoolApp extends BgTestApp {

    /** The pool queue's workers in the background tests' WAR (its microprofile-config.properties: BackgroundDeployments). */
    static final int WORKERS = 2;

    @Override
    public String slug() {
        return "bg-jms-pool";
    }

    @Override
    public String title() {
        return "Background test app (JMS + Batch, a pool of " + WORKERS + " workers)";
    }

    @Override
    public String backgroundQueue() {
        return POOL_QUEUE;
    }

    @Override
    BackgroundManager manager() {
        return managers.production();
    }
}
