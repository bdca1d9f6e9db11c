package io.jdash.web;

import java.util.List;
import java.util.UUID;

/**
 * Dash's {@code _reload-hash}, for debug mode's hot reload: the page asks every few seconds and reloads itself when
 * the answer changes. The hash is this deployment's: a redeployment (an edit in the {@code -Pdev} loop) is a new
 * one, and {@code hard} makes the page load again rather than try to swap stylesheets.
 */
public record ReloadHash(String reloadHash, boolean hard, List<Object> packages, List<Object> files) {

    private static final String DEPLOYMENT = UUID.randomUUID().toString();

    static final String PATH = "_reload-hash";

    public static ReloadHash current() {
        return new ReloadHash(DEPLOYMENT, true, List.of(), List.of());
    }
}
