package io.jdash.web;

import io.jdash.app.MountedApp;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The role an app may require ({@link io.jdash.app.DashApp#requiredRole()}). The container checks it first (the
 * constraint {@link JDashMount} puts on the app's paths, with the WAR's login); this refuses, as well, a request that
 * reached the app's paths some other way without the role.
 */
final class AppAccess {

    private AppAccess() {
    }

    /** @throws HttpError 403 naming the role when the app requires one the request's user lacks */
    static void check(MountedApp app, HttpServletRequest request) {
        String role = app.app().requiredRole();
        if (role != null && !request.isUserInRole(role)) {
            throw new HttpError(403, "app " + app.slug() + " is for users with the role '" + role + "'");
        }
    }
}
