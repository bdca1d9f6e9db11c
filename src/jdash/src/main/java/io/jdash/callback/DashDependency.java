package io.jdash.callback;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/**
 * One entry of {@code _dash-dependencies} as Dash's renderer reads it: the callback's {@code output} id (how the
 * renderer names it in {@code _dash-update-component}), the props that fire it and those it reads (a dict id as its
 * stringified JSON, wildcards as {@code ["MATCH"]}, which the renderer parses back), and its options. Fields the
 * renderer reads but JDash does not use yet are sent as Dash sends them when unset.
 */
@JsonbPropertyOrder({"output", "inputs", "state", "clientsideFunction", "preventInitialCall", "background",
        "dynamicCreator", "noOutput", "hidden", "websocket"})
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
        boolean websocket) {

    /** An input or state: {@code {"id", "property"}}. */
    public record Prop(String id, String property) {
        static Prop of(Dependency dependency) {
            return new Prop(ComponentIds.stringify(dependency.id()), dependency.property());
        }
    }

    /** The dependencies of these callbacks, in declaration order. */
    public static List<DashDependency> of(List<Callback> callbacks) {
        return callbacks.stream()
                .map(cb -> new DashDependency(cb.id(), cb.inputs().stream().map(Prop::of).toList(),
                        cb.states().stream().map(Prop::of).toList(),
                        cb.function() instanceof ClientsideFunction clientside ? clientside : null, cb.preventInitialCall(), null,
                        false, cb.outputs().isEmpty(), null, cb.websocket()))
                .toList();
    }
}
