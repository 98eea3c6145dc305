package org.creativecities.plugin.testkit;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.creativecities.plugin.api.http.HttpResponse;

/**
 * A plugin's {@link HttpResponse} as a client would read it: the status, the body as text, and the JSON the core
 * would write (a JSON value through the codec, a problem as {@code {"title":…,"status":…,"detail":…}}).
 *
 * @param response the plugin's own response
 * @param codec    the codec that writes JSON values
 */
public record TestResponse(HttpResponse response, JsonpCodec codec) {

    public int status() {
        return response.status();
    }

    /** The body as text: the JSON written for a JSON value, the detail for a problem, the bytes otherwise. */
    public String text() {
        if (response.json().isPresent()) {
            return codec.toJson(response.json().get());
        }
        return response.bytes().map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
    }

    /** The JSON a client gets. */
    public JsonValue json() {
        if (response.problemTitle().isPresent()) {
            return Json.createObjectBuilder().add("title", response.problemTitle().get())
                    .add("status", response.status()).add("detail", text()).build();
        }
        try (var reader = Json.createReader(new StringReader(text()))) {
            return reader.readValue();
        }
    }

    /** The JSON a client gets, as an object. */
    public JsonObject object() {
        return json().asJsonObject();
    }

    /** A problem's title, if the plugin answered a problem. */
    public Optional<String> problemTitle() {
        return response.problemTitle();
    }

    /** A header the plugin set. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(response.headers().get(name));
    }
}
