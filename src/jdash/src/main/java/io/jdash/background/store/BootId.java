package io.jdash.background.store;

import io.jdash.config.JDashConfig;
/**
 * This JVM run of the application, and the node it runs on. A job record claimed under another boot id of
 * the same node was in the hands of a server that is gone.
 */
public final class BootId {

    private static final String CURRENT = JobIds.next();

    private BootId() {
    }

    public static String current() {
        return CURRENT;
    }

    /** WildFly's node name ({@code jboss.node.name}, the host name by default), or "local" outside a server. */
    public static String node() {
        return JDashConfig.current().nodeName();
    }
}
