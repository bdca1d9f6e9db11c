package io.jdash.codegen.metadata;

import java.util.List;
import java.util.Optional;

/** One component of a suite: its name (the wire {@code type}), its description and its props in source order. */
public record ComponentDoc(String name, String description, List<Prop> props) {

    public ComponentDoc {
        props = List.copyOf(props);
    }

    public Optional<Prop> prop(String propName) {
        return props.stream().filter(p -> p.name().equals(propName)).findFirst();
    }

    public boolean hasChildren() {
        return prop("children").isPresent();
    }
}
