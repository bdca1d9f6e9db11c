package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;

/** What the job admin view's tests do: give a server a user, and click a Cancel or Remove button of the view. */
final class AdminViewClient {

    static final String VIEW = "jdash-admin";

    private AdminViewClient() {
    }

    /**
     * A user of the ApplicationRealm with {@code role}, as {@code add-user.sh -a} writes it into the server's
     * {@code configuration} directory (read at boot, or on the realm's {@code load}).
     */
    static void addUser(Path configuration, String user, String password, String role) throws Exception {
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                .digest((user + ":ApplicationRealm:" + password).getBytes(StandardCharsets.UTF_8)));
        addLine(configuration.resolve("application-users.properties"), user + "=" + digest);
        addLine(configuration.resolve("application-roles.properties"), user + "=" + role);
    }

    private static void addLine(Path file, String line) throws Exception {
        if (!Files.readAllLines(file).contains(line)) {
            Files.writeString(file, System.lineSeparator() + line + System.lineSeparator(), StandardOpenOption.APPEND);
        }
    }

    /** Clicks the view's {@code type} button of {@code job} (the only one drawn); returns the view's message. */
    static String act(TestClient admin, String type, String job) throws Exception {
        JsonArrayBuilder clicked = Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("id", Json.createObjectBuilder().add("job", job).add("type", type)).add("property", "n_clicks")
                .add("value", 1));
        JsonArrayBuilder ids = Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("id", Json.createObjectBuilder().add("job", job).add("type", type)).add("property", "id")
                .add("value", Json.createObjectBuilder().add("job", job).add("type", type)));
        String other = type.endsWith("cancel") ? "jdash-admin-remove" : "jdash-admin-cancel";
        var inputs = Json.createArrayBuilder();
        var state = Json.createArrayBuilder();
        if (type.endsWith("cancel")) {
            inputs.add(clicked).add(Json.createArrayBuilder());
            state.add(ids).add(Json.createArrayBuilder());
        } else {
            inputs.add(Json.createArrayBuilder()).add(clicked);
            state.add(Json.createArrayBuilder()).add(ids);
        }
        String changed = "{\"job\":\"" + job + "\",\"type\":\"" + type + "\"}.n_clicks";
        String body = Json.createObjectBuilder().add("output", "jdash-admin-message.children").add("inputs", inputs)
                .add("state", state).add("changedPropIds", Json.createArrayBuilder().add(changed)).build().toString();
        HttpResponse<String> answer = admin.postJson("apps/" + VIEW + "/_dash-update-component", body);
        assertEquals(200, answer.statusCode(), answer.body() + " (the other kind: " + other + ")");
        return TestClient.object(answer).getJsonObject("response").getJsonObject("jdash-admin-message")
                .getString("children");
    }
}
