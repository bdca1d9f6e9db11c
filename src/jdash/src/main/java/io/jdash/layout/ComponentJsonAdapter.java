package io.jdash.layout;

import jakarta.json.bind.adapter.JsonbAdapter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a {@link Component} in Dash's wire shape, {@code {"type", "namespace", "props": {"id", "children", …}}},
 * the shape of {@code _dash-layout} and of a component returned by a callback.
 */
public final class ComponentJsonAdapter implements JsonbAdapter<Component, Map<String, Object>> {

    @Override
    public Map<String, Object> adaptToJson(Component component) {
        var props = new LinkedHashMap<String, Object>();
        if (component.id() != null) {
            props.put("id", component.id());
        }
        props.putAll(component.props());
        if (component.hasChildrenProp()) {
            props.put("children", component.children());
        }
        var json = new LinkedHashMap<String, Object>();
        json.put("type", component.type());
        json.put("namespace", component.namespace());
        json.put("props", props);
        return json;
    }

    @Override
    public Component adaptFromJson(Map<String, Object> json) {
        throw new UnsupportedOperationException("components are only written, never read");
    }
}
