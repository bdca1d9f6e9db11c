package io.jdash.background.jobs;

import io.jdash.background.BackgroundManager;

/**
 * How the job machinery finds a manager without knowing the backends: the default one (for callbacks and apps that
 * name none) and a manager by its {@link BackgroundManager#name()} (to cancel a job where it runs). Implemented in
 * {@code io.jdash.background.defaults}, which knows both backends.
 */
public interface ManagerLookup {

    BackgroundManager defaultManager();

    BackgroundManager byName(String name);
}
