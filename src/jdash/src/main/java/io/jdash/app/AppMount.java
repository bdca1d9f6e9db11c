package io.jdash.app;

import io.jdash.background.BackgroundManager;
import io.jdash.callback.InvalidCallbacks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Mounting every app of a deployment, each on its own: an app whose slug is not usable or taken, whose declaration
 * is refused ({@link InvalidCallbacks}), whose own code throws while building its layout or callbacks, or one of
 * whose background callbacks its manager cannot run on this server (no such worker queue) is not mounted and is
 * kept as a {@link BrokenApp}; the others are mounted as if it were not there. An app that is not
 * {@link DashApp#enabled() enabled} is left out without a word.
 */
public record AppMount(Map<String, MountedApp> mounted, List<BrokenApp> broken) {

    private static final Logger LOG = Logger.getLogger(AppMount.class.getName());
    static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]*");

    /**
     * Mounts {@code apps} in the order of their titles; a background callback that names no manager gets
     * {@code defaultManager}, and one whose manager cannot run it here leaves its app unmounted.
     */
    public static AppMount of(Collection<? extends DashApp> apps, BackgroundManager defaultManager) {
        var mounted = new LinkedHashMap<String, MountedApp>();
        var broken = new ArrayList<BrokenApp>();
        apps.stream().filter(DashApp::enabled).sorted(Comparator.comparing(DashApp::title)).forEach(app -> {
            String problem = problemOf(app, mounted, defaultManager);
            if (problem != null) {
                broken.add(new BrokenApp(app.slug(), app.title(), problem));
            }
        });
        return new AppMount(Collections.unmodifiableMap(mounted), List.copyOf(broken));
    }

    private static String problemOf(DashApp app, Map<String, MountedApp> mounted, BackgroundManager defaultManager) {
        String slug = app.slug();
        String problem;
        if (slug == null || !SLUG.matcher(slug).matches()) {
            problem = "app slug '" + slug + "' must match " + SLUG;
        } else if (mounted.containsKey(slug)) {
            problem = "app " + app.getClass().getName() + " has the slug " + slug + ", already taken by "
                    + mounted.get(slug).app().getClass().getName();
        } else {
            try {
                MountedApp ready = MountedApp.mount(app);
                problem = ready.unrunnableCallback(defaultManager).orElse(null);
                if (problem == null) {
                    mounted.put(slug, ready);
                    return null;
                }
            } catch (InvalidCallbacks refused) {
                problem = refused.getMessage();
            } catch (RuntimeException thrown) { // the app's own layout() or callbacks() code
                LOG.log(Level.WARNING, "JDash app " + slug + " not mounted: its code threw", thrown);
                return "its layout or callbacks threw " + thrown;
            }
        }
        String reason = problem;
        LOG.warning(() -> "JDash app " + slug + " not mounted: " + reason);
        return problem;
    }
}
