package io.jdash.it;

import io.jdash.background.BackgroundManager;
import jakarta.enterprise.context.ApplicationScoped;

/** {@link BgTestApp} on the production manager: JMS worker queue, single-consumer MDB, Jakarta Batch job. */
@ApplicationScoped
public class BgJmsApp extends BgTestApp {

    @Override
    public String slug() {
        return "bg-jms";
    }

    @Override
    public String title() {
        return "Background test app (JMS + Batch)";
    }

    @Override
    BackgroundManager manager() {
        return managers.production();
    }
}
