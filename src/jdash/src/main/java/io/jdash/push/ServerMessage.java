package io.jdash.push;

import java.util.Map;

/**
 * What the server sends Dash's renderer on its socket (dash-renderer 3.4's protocol; the SharedWorker routes each
 * message to the page load named by {@code rendererId}). Several messages sent as one JSON array are applied by the
 * page in one batch, its {@code set_props} first.
 */
public sealed interface ServerMessage {

    /** {@code {"type":"set_props","rendererId","payload":{"componentId","props"}}}: new prop values for one component. */
    record SetProps(String type, String rendererId, Target payload) implements ServerMessage {
        public static SetProps of(String rendererId, String componentId, Map<String, Object> props) {
            return new SetProps("set_props", rendererId, new Target(componentId, props));
        }
    }

    /** A component (its id as Dash's renderer writes it: a dict id as sorted JSON) and its new props. */
    record Target(String componentId, Map<String, Object> props) {
    }

    /** The answer to one {@code callback_request}, matched by its {@code requestId}. */
    record CallbackResponse(String type, String rendererId, String requestId, Outcome payload) implements ServerMessage {
        public static CallbackResponse of(String rendererId, String requestId, Outcome outcome) {
            return new CallbackResponse("callback_response", rendererId, requestId, outcome);
        }
    }

    /**
     * How a callback went: {@code ok} with Dash's {@code {multi, response}} in {@code data}, {@code prevent_update}
     * (nothing changes), or {@code error} with its {@code message}.
     */
    record Outcome(String status, Object data, String message) {
        public static Outcome ok(Object data) {
            return new Outcome("ok", data, null);
        }

        public static Outcome preventUpdate() {
            return new Outcome("prevent_update", null, null);
        }

        public static Outcome error(String message) {
            return new Outcome("error", null, message);
        }
    }

    /** The answer to the worker's {@code heartbeat}. */
    record HeartbeatAck(String type) implements ServerMessage {
        public static final HeartbeatAck INSTANCE = new HeartbeatAck("heartbeat_ack");
    }
}
