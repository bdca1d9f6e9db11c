package io.jdash.app;

import io.jdash.background.BackgroundManager;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Every {@link DashApp} bean of the deployment, mounted by slug when the deployment starts (so a broken app is
 * reported in the deployment's log, not at its first request); listed in the order of their titles. An app that
 * cannot be mounted is listed in {@link #broken()} and serves nothing; the others serve as usual.
 */
@ApplicationScoped
public class AppCatalog {

    private static final Logger LOG = Logger.getLogger(AppCatalog.class.getName());

    @Inject
    @Any
    Instance<DashApp> discovered;

    /** The manager of the background callbacks that name none (io.jdash.background.defaults produces it). */
    @Inject
    BackgroundManager defaultManager;

    private AppMount mount = new AppMount(Map.of(), List.of());

    @PostConstruct
    void mountAll() {
        mount = AppMount.of(discovered.stream().toList(), defaultManager);
        LOG.info(() -> "JDash apps mounted: " + mount.mounted().keySet()
                + (mount.broken().isEmpty() ? "" : "; not mounted: " + mount.broken().stream().map(BrokenApp::slug).toList()));
    }

    /** Mounts the apps as the deployment starts. */
    void atDeployment(@Observes @Initialized(ApplicationScoped.class) Object started) {
        all();
    }

    public Optional<MountedApp> find(String slug) {
        return Optional.ofNullable(mount.mounted().get(slug));
    }

    public Collection<MountedApp> all() {
        return mount.mounted().values();
    }

    /** The apps that could not be mounted, with the reason. */
    public List<BrokenApp> broken() {
        return mount.broken();
    }
}
