package io.jdash.callback;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry of {@code _dash-dependencies} as Dash's renderer reads it: the callback's {@code output} id (how the
 * renderer names it in {@code _dash-update-component}), the props that fire it and those it reads (a dict id as its
 * stringified JSON, wildcards as {@code ["MATCH"]}, which the renderer parses back), and its options. Fields the
 * renderer reads but JDash does not use yet are sent as Dash sends them when unset.
 * <p>
 * A background callback is declared by the page's {@link RendererTransport}: over the socket as a websocket callback
 * beside the {@link SocketCallbacks}; over HTTP as Dash declares it ({@code background} with its poll interval)
 * beside one cancel callback per cancel input. On both, the renderer sets the {@code running} values as it sends
 * the request, and the server resets them with the job's end.
 */
@JsonbPropertyOrder({"output", "inputs", "state", "clientsideFunction", "preventInitialCall", "background",
        "dynamicCreator", "noOutput", "hidden", "websocket", "persistent", "running"})
public record DashDependency(
        String output,
        List<Prop> inputs,
        List<Prop> state,
        @JsonbNillable @JsonbProperty("clientside_function") Object clientsideFunction,
        @JsonbProperty("prevent_initial_call") boolean preventInitialCall,
        Object background,
        @JsonbProperty("dynamic_creator") boolean dynamicCreator,
        @JsonbProperty("no_output") boolean noOutput,
        Boolean hidden,
        boolean websocket,
        boolean persistent,
        RunningValues running) {

    /** How often a page on the HTTP transport asks for a job's news, in milliseconds. */
    public static final int POLL_INTERVAL_MILLIS = 200;

    /** An input or state: {@code {"id", "property"}}. */
    public record Prop(String id, String property) {
        static Prop of(Dependency dependency) {
            return new Prop(ComponentIds.stringify(dependency.id()), dependency.property());
        }
    }

    /** Dash's {@code background} entry: the poll interval. */
    public record Polling(int interval) {
    }

    /**
     * Dash's {@code running}: {@code {"running": {"id.prop": during}, "runningOff": {"id.prop": after}}}, with
     * {@code runningOff} empty: the server sends the "after" values in the job's last answer, with its outputs, so
     * that the page shows them in one render (the renderer would reset them a render before the outputs) and only
     * for the job they belong to.
     */
    public record RunningValues(Map<String, Object> running, @JsonbProperty("runningOff") Map<String, Object> runningOff) {
        static RunningValues of(List<Running> running) {
            if (running.isEmpty()) {
                return null;
            }
            var during = new LinkedHashMap<String, Object>();
            for (Running r : running) {
                String key = r.output().propId();
                during.put(key, r.during());
            }
            return new RunningValues(during, Map.of());
        }
    }

    /** The dependencies of these callbacks for a page on the socket, in declaration order. */
    public static List<DashDependency> of(List<Callback> callbacks) {
        return of(callbacks, RendererTransport.SOCKET);
    }

    /** The dependencies of these callbacks for a page on {@code transport}, in declaration order. */
    public static List<DashDependency> of(List<Callback> callbacks, RendererTransport transport) {
        boolean socket = transport == RendererTransport.SOCKET;
        var all = new ArrayList<DashDependency>();
        for (Callback cb : callbacks) {
            boolean background = cb.isBackground();
            all.add(new DashDependency(cb.id(), cb.inputs().stream().map(Prop::of).toList(),
                    cb.states().stream().map(Prop::of).toList(),
                    cb.function() instanceof ClientsideFunction clientside ? clientside : null, cb.preventInitialCall(),
                    background && !socket ? new Polling(POLL_INTERVAL_MILLIS) : null,
                    false, cb.outputs().isEmpty(), null, socket && (cb.websocket() || background), false,
                    background ? RunningValues.of(cb.background().running()) : null));
        }
        if (callbacks.stream().anyMatch(Callback::isBackground)) {
            if (socket) {
                all.add(new DashDependency(SocketCallbacks.HELLO, List.of(), List.of(), null, false, null, false, true,
                        null, true, true, null));
            }
            for (Input cancel : SocketCallbacks.cancelInputs(callbacks)) {
                all.add(new DashDependency(SocketCallbacks.cancelIdOf(cancel), List.of(Prop.of(cancel)), List.of(), null,
                        true, null, false, true, null, socket, false, null));
            }
        }
        return all;
    }
}
