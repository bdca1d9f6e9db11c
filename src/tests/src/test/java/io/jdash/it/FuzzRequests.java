package io.jdash.it;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The whole-request generator of {@link HttpFuzzIT}: seeded, so a seed names a run. Mutated
 * {@code _dash-update-component} bodies, the jobs endpoint with garbage ids and cursors, every route with odd
 * methods and mutated paths (encodings, dot segments, overlong, unicode), the gallery, runtime and vendor files,
 * and raw requests the HTTP client refuses to send (bad escapes, raw bytes, TRACE, Content-Length mismatches).
 */
final class FuzzRequests {

    /** How a valid-shaped write carries the page's CSRF token: as the page gave it, not at all, or wrong. */
    enum Csrf { PAGE, NONE, WRONG }

    /**
     * One generated request. {@code path} is sent as it is (raw requests: byte for byte, as ISO-8859-1);
     * {@code declaredLength}, when not -1, is a Content-Length that differs from the body's.
     */
    record Request(int index, String kind, String method, String path, Map<String, String> headers, byte[] body,
                   boolean raw, Csrf csrf, int declaredLength) {
        String describe() {
            String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            if (text.length() > 300) {
                text = text.substring(0, 300) + "…(" + body.length + " bytes)";
            }
            String shownPath = path.length() > 300 ? path.substring(0, 300) + "…(" + path.length() + ")" : path;
            return "#" + index + " " + kind + (raw ? " raw " : " ") + method + " " + shownPath + " " + headers
                    + " csrf=" + csrf + " " + text;
        }
    }

    /** A callback the generator may call: app, output, inputs and states as {id, property, sample JSON}. */
    record Target(String app, String output, List<String[]> inputs, List<String[]> states) {
    }

    /** Only callbacks that never fail on their own, so a 500 always means JDash failed. */
    static final List<Target> TARGETS = List.of(
            new Target("hello", "my-output.children", List.<String[]>of(new String[]{"my-input", "value", "\"typed\""}), List.of()),
            new Target("hello", "my-length.children", List.<String[]>of(new String[]{"my-output", "children", "\"Output: x\""}), List.of()),
            new Target("probe", "prevent-out.children", List.<String[]>of(new String[]{"prevent", "n_clicks", "1"}), List.of()),
            new Target("probe", "..left.children...right.children..", List.<String[]>of(new String[]{"both", "n_clicks", "2"}), List.of()),
            new Target("probe", "ctx-out.children", List.<String[]>of(new String[]{"both", "n_clicks", "3"}),
                    List.<String[]>of(new String[]{"word", "value", "\"kept\""})),
            new Target("noop", "local-out.children", List.<String[]>of(new String[]{"local", "n_clicks", "4"}), List.of()));

    static final List<String> APPS = List.of("hello", "probe", "noop", "simple", "progress-bar", "set-props");
    private static final String[] FIELDS = {"output", "outputs", "inputs", "state", "changedPropIds", "previousJob"};
    private static final int MIB = 1 << 20;

    private final Random random;

    FuzzRequests(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    Request next(int index) {
        int roll = random.nextInt(100);
        if (roll < 45) {
            return update(index);
        } else if (roll < 58) {
            return job(index);
        } else if (roll < 82) {
            return route(index);
        }
        return raw(index);
    }

    // ---- _dash-update-component

    static String validBody(Target target, String firstValue) {
        var inputs = new ArrayList<String>();
        for (int i = 0; i < target.inputs().size(); i++) {
            String[] in = target.inputs().get(i);
            inputs.add(propValue(in[0], in[1], i == 0 ? firstValue : in[2]));
        }
        var states = target.states().stream().map(s -> propValue(s[0], s[1], s[2])).toList();
        String[] first = target.inputs().get(0);
        return "{\"output\":" + quote(target.output()) + ",\"outputs\":{\"id\":\"x\",\"property\":\"children\"},"
                + "\"inputs\":[" + String.join(",", inputs) + "],\"state\":[" + String.join(",", states)
                + "],\"changedPropIds\":[" + quote(first[0] + "." + first[1]) + "]}";
    }

    static String propValue(String id, String property, String valueJson) {
        return "{\"id\":" + quote(id) + ",\"property\":" + quote(property) + ",\"value\":" + valueJson + "}";
    }

    private Request update(int index) {
        Target target = pick(TARGETS.toArray(new Target[0]));
        String path = "/apps/" + target.app() + "/_dash-update-component";
        var headers = new LinkedHashMap<String, String>();
        headers.put("Content-Type", "application/json");
        String kind;
        String body;
        switch (random.nextInt(16)) {
            case 0, 1 -> {
                kind = "valid-random-value";
                body = validBody(target, randomJson(0));
            }
            case 2 -> {
                kind = "field-wrong-type";
                body = replaceField(validBody(target, "1"), pick(FIELDS), randomJson(0));
            }
            case 3 -> {
                kind = "field-missing";
                body = replaceField(validBody(target, "1"), pick(FIELDS), null);
            }
            case 4 -> {
                kind = "duplicated-key";
                body = "{" + quote(pick(FIELDS)) + ":" + randomJson(0) + "," + validBody(target, "1").substring(1);
            }
            case 5 -> {
                kind = "truncated";
                String valid = validBody(target, randomJson(0));
                body = valid.substring(0, random.nextInt(valid.length()));
            }
            case 6 -> {
                kind = "byte-mutated";
                body = mutateChars(validBody(target, "\"v\""));
            }
            case 7 -> {
                kind = "wrong-id-or-unknown-prop";
                body = validBody(target, "1").replace("\"id\":\"", "\"id\":\"" + pick("x", "", "../", "my-input ", "\u00e9"))
                        .replace("\"property\":\"", "\"property\":\"" + pick("", "x", "__proto__", "n_clicks."));
            }
            case 8 -> {
                kind = "unknown-output";
                body = replaceField(validBody(target, "1"), "output", quote(randomString()));
            }
            case 9 -> {
                kind = "inputs-of-another-callback";
                Target other = pick(TARGETS.toArray(new Target[0]));
                body = replaceField(validBody(other, "1"), "output", quote(target.output()));
            }
            case 10 -> {
                kind = "previousJob-garbage";
                body = replaceField(validBody(target, "5"), "previousJob",
                        random.nextBoolean() ? quote(randomString()) : randomJson(0));
            }
            case 11 -> {
                kind = "wrong-content-type";
                body = validBody(target, "\"x\"");
                String type = pick(null, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data",
                        "application/jsonx", "application/json; charset=bogus", "APPLICATION/JSON", "", ";;;",
                        "application/json; charset=utf-16", "text/json");
                if (type == null) {
                    headers.remove("Content-Type");
                } else {
                    headers.put("Content-Type", type);
                }
            }
            case 12 -> {
                kind = "deep-nesting";
                int depth = pick(10, 100, 255, 257, 1000, 5000, 20_000);
                String open = random.nextBoolean() ? "[" : "{\"a\":";
                String close = open.equals("[") ? "]" : "}";
                body = validBody(target, open.repeat(depth) + "1" + close.repeat(depth));
            }
            case 13 -> {
                kind = "huge-number";
                body = validBody(target, pick("1e999999999", "-1e-999999999", "1e99999999999", "9".repeat(5000),
                        "0." + "1".repeat(5000), "-0", "1E+2147483647", "123456789012345678901234567890", "NaN",
                        "Infinity", "0x10", "1.7976931348623157E309", "-9223372036854775809", "2147483648"));
            }
            case 14 -> {
                kind = "oversized";
                int size = random.nextInt(4) == 0 ? pick(MIB - 200, MIB + 1, 2 * MIB) : pick(4096, 65_536);
                body = validBody(target, quote("x".repeat(size)));
            }
            default -> {
                kind = "not-a-request";
                body = pick("", " ", "null", "[]", "{}", "true", "1", "\"s\"", "{\"output\":null}", "{\"output\":\"\"}",
                        "{\"output\":\"   \"}", "\uFEFF{}", "{\"output\":{}}", randomJson(0));
            }
        }
        if (random.nextInt(8) == 0) {
            headers.put("Origin", pick("http://evil.example", "null", "http://", "::::", "file://", "http://[::1",
                    "http://localhost:1", "https://" + encode(randomString())));
            kind += "+origin";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(30) == 0 && bytes.length > 0) {
            bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x80));
            kind += "+invalid-utf8";
        }
        return new Request(index, "update/" + kind, "POST", path, headers, bytes, false, csrf(), -1);
    }

    // ---- _jdash-jobs/<id>

    private Request job(int index) {
        String id = pick("", "x", "AAAAAAAAAAAAAAAAAAAAAA", "..%2F..%2Fetc%2Fpasswd", "%00", "%2F", "%25", "null", "a/b/c",
                "_dash-layout", "%E2%80%AE", "%F0%9F%98%80", "x".repeat(2000), encode(randomString()));
        String path = "/apps/" + pick(APPS.toArray(new String[0])) + "/_jdash-jobs/" + id;
        if (random.nextBoolean()) {
            path += "?after=" + encode(pick("", "-1", "0", "99999999999999999999", "1e3", "abc", "-", " ",
                    "9223372036854775807", "-9223372036854775808", randomString()));
        }
        String method = pick("GET", "DELETE", "DELETE", "PUT", "POST", "PATCH", "OPTIONS", "HEAD");
        var headers = new LinkedHashMap<String, String>();
        byte[] body = null;
        if (method.equals("PUT") || method.equals("POST") || method.equals("PATCH")) {
            headers.put("Content-Type", "application/json");
            body = randomJson(0).getBytes(StandardCharsets.UTF_8);
        }
        if (random.nextInt(5) == 0) {
            headers.put("Origin", "http://evil.example");
        }
        return new Request(index, "jobs", method, path, headers, body, false, csrf(), -1);
    }

    // ---- every route, odd methods, mutated paths

    private Request route(int index) {
        String app = pick(APPS.toArray(new String[0]));
        String route = pick("", "_dash-layout", "_dash-dependencies", "_dash-update-component", "_jdash-jobs/x",
                "_jdash-source", "_dash-ws", "_reload-hash", "_dash-component-suites/dash/dcc/async-dropdown.js",
                "_dash-component-suites/dash/dcc/dash_core_components.v000000000000.js", "_dash-component-suites/",
                "_dash-component-suites/../WEB-INF/web.xml", "assets/", "assets/x.css", "assets/../WEB-INF/web.xml");
        String path = switch (random.nextInt(12)) {
            case 0 -> "/";
            case 1 -> "/" + pick("runtime/app.js", "runtime/jdash.css", "runtime/nope.js", "vendor/preact/dist/preact.module.js",
                    "vendor/htm/dist/htm.module.js", "vendor/nope", "WEB-INF/web.xml", "META-INF/MANIFEST.MF", "index.html",
                    "favicon.ico", "runtime/", "vendor/");
            case 2 -> "/apps/" + pick("%2e%2e", "%2E%2E/%2e%2e", "..%2f..", ".%2e", "%2e") + "/" + pick(app, "runtime/app.js", route);
            case 3 -> "/apps/" + app + "/" + pick("%2e%2e/", "./", ".%2e/", "%2e/", "x/%2e%2e/", "%2e%2e/%2e%2e/runtime/") + route;
            case 4 -> "/" + pick("runtime", "vendor", "x") + "/%2e%2e/apps/" + app + "/" + route;
            case 5 -> "/apps/" + pick(app.toUpperCase(java.util.Locale.ROOT), "", "%20", app + "%2F", "h%C3%A9llo",
                    "%F0%9F%98%80", "%C0%AE%C0%AE", "%EF%BC%8E%EF%BC%8E", "x".repeat(pick(300, 3000, 9000))) + "/" + route;
            case 6 -> "/apps/" + app + "/" + route + pick("/extra", "//", "%00", "%20", "?x=%ff", "?" + "a=1&".repeat(2000),
                    "#frag", ".json", "/" + "y".repeat(5000));
            case 7 -> "/apps/" + app + "/" + encode(randomString());
            case 8 -> "/apps/" + app;
            case 9 -> "/apps/" + encode(randomString()) + "/" + route;
            case 10 -> "/" + encode(randomString());
            default -> "/apps/" + app + "/" + route;
        };
        String method = pick("GET", "GET", "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "PROPFIND", "FOO");
        var headers = new LinkedHashMap<String, String>();
        byte[] body = null;
        if (!method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS") && random.nextBoolean()) {
            headers.put("Content-Type", pick("application/json", "text/plain"));
            body = randomJson(0).getBytes(StandardCharsets.UTF_8);
        }
        return new Request(index, "route", method, path, headers, body, false, csrf(), -1);
    }

    // ---- raw requests: what HttpClient refuses

    private Request raw(int index) {
        String app = pick(APPS.toArray(new String[0]));
        var headers = new LinkedHashMap<String, String>();
        String method = "GET";
        byte[] body = null;
        int declared = -1;
        String kind;
        String path;
        switch (random.nextInt(8)) {
            case 0 -> {
                kind = "bad-escape";
                path = "/apps/" + app + "/" + pick("%zz", "%", "%u0041", "_dash-layout?%", "_jdash-jobs/x?after=%zz",
                        "%%32%65", "_dash-layout?a=%G0");
            }
            case 1 -> {
                kind = "raw-dot-segments";
                path = pick("/apps/../x", "/apps/" + app + "/../../", "/../../etc/passwd", "/apps/./" + app + "/",
                        "/apps/" + app + "/_dash-layout/..", "/runtime/../apps/" + app + "/", "/apps/" + app + "/\\..\\");
            }
            case 2 -> {
                kind = "raw-bytes";
                path = "/apps/" + pick(app, "h\u00e9llo", "\u00ff\u00fe", "x\u0001y", "a b", "a\"b", "<x>")
                        + "/" + pick("", "_dash-layout", "\u00c3\u00a9", "\u0080");
            }
            case 3 -> {
                kind = "trace-connect";
                method = pick("TRACE", "TRACK", "CONNECT");
                path = pick("/", "/apps/" + app + "/", "/runtime/app.js");
            }
            case 4 -> {
                kind = "length-mismatch";
                method = "POST";
                path = "/apps/" + pick(TARGETS.toArray(new Target[0])).app() + "/_dash-update-component";
                Target target = pick(TARGETS.toArray(new Target[0]));
                body = validBody(target, "1").getBytes(StandardCharsets.UTF_8);
                declared = pick(0, 1, body.length - 1, body.length + 1, body.length + 1000, Integer.MAX_VALUE);
                headers.put("Content-Type", "application/json");
            }
            case 5 -> {
                kind = "overlong";
                path = "/apps/" + app + "/" + "a".repeat(pick(10_000, 70_000, 70_000, 1_100_000));
            }
            case 6 -> {
                kind = "odd-headers";
                path = "/apps/" + app + "/" + pick("", "_dash-layout");
                headers.put(pick("Cookie", "Origin", "Host", "Content-Type", "X-JDash-CSRF"),
                        pick("", " ", "\u00ff", "JSESSIONID=" + "x".repeat(5000), "a=b; ; ;=;", "localhost:99999"));
            }
            default -> {
                kind = "http-version";
                path = "/apps/" + app + "/ HTTP/1.0\r\nX: y";
            }
        }
        return new Request(index, "raw/" + kind, method, path, headers, body, true, csrf(), declared);
    }

    // ---- values

    private Csrf csrf() {
        int roll = random.nextInt(10);
        return roll < 8 ? Csrf.PAGE : roll == 8 ? Csrf.NONE : Csrf.WRONG;
    }

    /** A random JSON value (sometimes not quite JSON), a few levels deep at most. */
    String randomJson(int depth) {
        return switch (random.nextInt(depth > 3 ? 8 : 11)) {
            case 0 -> "null";
            case 1 -> random.nextBoolean() ? "true" : "false";
            case 2 -> Long.toString(random.nextLong());
            case 3 -> Double.toString(random.nextGaussian() * Math.pow(10, random.nextInt(600) - 300));
            case 4, 5 -> quote(randomString());
            case 6 -> pick("1e400", "-0.0", "1e-400", "\"\\ud800\"", "\"\\u0000\"", "\"\\\"\"", "''", "undefined",
                    "[,]", "{,}", "{\"a\"}", "01", "+1", ".5", "\"\\x\"");
            case 7 -> "\"" + "\u00e9\u4e2d\ud83d\ude00\u202e".repeat(1 + random.nextInt(20)) + "\\u0000\"";
            case 8 -> {
                var items = new ArrayList<String>();
                for (int n = random.nextInt(4); n > 0; n--) {
                    items.add(randomJson(depth + 1));
                }
                yield "[" + String.join(",", items) + "]";
            }
            default -> {
                var members = new ArrayList<String>();
                for (int n = random.nextInt(4); n > 0; n--) {
                    String key = random.nextBoolean() ? pick(FIELDS) : pick("id", "property", "value", "type", "job");
                    members.add(quote(key) + ":" + randomJson(depth + 1));
                }
                yield "{" + String.join(",", members) + "}";
            }
        };
    }

    String randomString() {
        var text = new StringBuilder();
        for (int n = random.nextInt(24); n > 0; n--) {
            text.append(randomChar());
        }
        return text.toString();
    }

    private char randomChar() {
        return switch (random.nextInt(6)) {
            case 0 -> (char) random.nextInt(0x20);
            case 1 -> "{}[]\":,\\/.<>'&%?#".charAt(random.nextInt(17));
            case 2 -> (char) (0x80 + random.nextInt(0x780));
            case 3 -> (char) (0xd800 + random.nextInt(0x800)); // lone surrogates
            case 4 -> (char) random.nextInt(0x10000);
            default -> (char) (0x20 + random.nextInt(0x5f));
        };
    }

    private String mutateChars(String text) {
        var chars = new StringBuilder(text);
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            int at = random.nextInt(chars.length());
            switch (random.nextInt(3)) {
                case 0 -> chars.deleteCharAt(at);
                case 1 -> chars.insert(at, randomChar());
                default -> chars.setCharAt(at, randomChar());
            }
        }
        return chars.toString();
    }

    /** Replaces (or, with {@code json == null}, removes) a top-level field of a body {@link #validBody} wrote. */
    static String replaceField(String body, String field, String json) {
        String key = quote(field) + ":";
        int at = body.indexOf(key);
        if (at < 0) {
            return json == null ? body : "{" + key + json + "," + body.substring(1);
        }
        int end = endOfValue(body, at + key.length());
        String before = body.substring(0, at);
        String after = body.substring(end);
        if (json != null) {
            return before + key + json + after;
        }
        if (after.startsWith(",")) {
            return before + after.substring(1);
        }
        return before.endsWith(",") ? before.substring(0, before.length() - 1) + after : before + after;
    }

    private static int endOfValue(String body, int from) {
        int depth = 0;
        boolean inString = false;
        for (int i = from; i < body.length(); i++) {
            char c = body.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                return i;
            }
        }
        return body.length();
    }

    static String quote(String text) {
        var out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @SafeVarargs
    final <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
