package io.jdash.app;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/** Every {@link DashApp} bean of the deployment, mounted once, by slug; listed in the order of their titles. */
@ApplicationScoped
public class AppCatalog {

    private static final Logger LOG = Logger.getLogger(AppCatalog.class.getName());
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]*");

    @Inject
    @Any
    Instance<DashApp> discovered;

    private Map<String, MountedApp> bySlug = Map.of();

    @PostConstruct
    void mountAll() {
        var mounted = new LinkedHashMap<String, MountedApp>();
        discovered.stream()
                .sorted(Comparator.comparing(DashApp::title))
                .forEach(app -> {
                    if (!SLUG.matcher(app.slug()).matches()) {
                        throw new IllegalStateException("app slug '" + app.slug() + "' must match " + SLUG);
                    }
                    if (mounted.containsKey(app.slug())) {
                        throw new IllegalStateException("two apps have the slug " + app.slug());
                    }
                    mounted.put(app.slug(), MountedApp.mount(app));
                });
        bySlug = Collections.unmodifiableMap(mounted);
        LOG.info(() -> "JDash apps mounted: " + bySlug.keySet());
    }

    public Optional<MountedApp> find(String slug) {
        return Optional.ofNullable(bySlug.get(slug));
    }

    public Collection<MountedApp> all() {
        return bySlug.values();
    }
}
