package io.jdash.web;

import io.jdash.callback.CallbackSpec;
import io.jdash.layout.Component;
import java.util.List;

/**
 * What a page embeds for the browser runtime, so it needs no request before its first callback:
 * where its endpoints are, its layout and its callbacks.
 */
public record PageConfig(String appPath, Component layout, List<CallbackSpec> dependencies) {
}
