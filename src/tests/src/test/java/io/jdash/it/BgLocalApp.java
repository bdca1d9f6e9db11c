package io.jdash.it;

import io.jdash.background.BackgroundManager;
import jakarta.enterprise.context.ApplicationScoped;

/** {@link BgTestApp} on the local manager: one in-process thread per worker queue. */
@ApplicationScoped
public class BgLocalApp extends BgTestApp {

    @Override
    public String slug() {
        return "bg-local";
    }

    @Override
    public String title() {
        return "Background test app (local)";
    }

    @Override
    BackgroundManager manager() {
        return managers.local();
    }
}
