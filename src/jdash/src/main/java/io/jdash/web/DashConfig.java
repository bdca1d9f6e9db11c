package io.jdash.web;

import io.jdash.app.MountedApp;
import io.jdash.config.JDashConfig;
import io.jdash.layout.Component;
import io.jdash.push.DashSocket;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The page's {@code <script id="_dash-config" type="application/json">}, which Dash's renderer reads before
 * anything else: where the app's endpoints are ({@code requests_pathname_prefix}), production mode (no dev tools
 * UI, no prop checks), the {@code children_props} of every suite, and where the CSRF token is (the
 * {@code jdash-csrf} cookie, sent back in the {@code X-JDash-CSRF} header).
 */
@JsonbPropertyOrder({"urlBasePathname", "requestsPathnamePrefix", "ui", "propsCheck", "showUndoRedo",
        "suppressCallbackExceptions", "validationLayout", "updateTitle", "serveLocally", "childrenProps",
        "csrfTokenName", "csrfHeaderName", "hotReload", "websocket"})
public record DashConfig(
        @JsonbProperty("url_base_pathname") String urlBasePathname,
        @JsonbProperty("requests_pathname_prefix") String requestsPathnamePrefix,
        boolean ui,
        @JsonbProperty("props_check") boolean propsCheck,
        @JsonbProperty("show_undo_redo") boolean showUndoRedo,
        @JsonbProperty("suppress_callback_exceptions") boolean suppressCallbackExceptions,
        @JsonbProperty("validation_layout") Component validationLayout,
        @JsonbProperty("update_title") String updateTitle,
        @JsonbProperty("serve_locally") boolean serveLocally,
        @JsonbProperty("children_props") Map<String, Map<String, List<String>>> childrenProps,
        @JsonbProperty("csrf_token_name") String csrfTokenName,
        @JsonbProperty("csrf_header_name") String csrfHeaderName,
        @JsonbProperty("hot_reload") HotReload hotReload,
        Map<String, Object> websocket) {

    /** Dash's {@code hot_reload}: how often the page asks {@code _reload-hash} whether the app changed. */
    public record HotReload(int interval, @JsonbProperty("max_retry") int maxRetry) {
    }

    /**
     * The settings for {@code app}, served at {@code appPath} (ends with {@code /}): production, or with
     * {@code jdash.debug} Dash's debug mode (dev tools UI, prop checks, hot reload every 3 s).
     */
    static DashConfig of(MountedApp app, String appPath, Map<String, Map<String, List<String>>> childrenProps) {
        boolean debug = JDashConfig.current().debug();
        return new DashConfig(appPath, appPath, debug, debug, false, app.app().suppressCallbackExceptions(),
                app.validationLayout(), "Updating...", true, childrenProps, CsrfGuard.COOKIE, CsrfGuard.HEADER,
                debug ? new HotReload(3000, 8) : null, DashSocket.configFor(app, appPath,
                appPath + SuiteFiles.url("dash/dash-renderer/build/dash-ws-worker.js")));
    }
}
