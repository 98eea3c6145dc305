package org.creativecities.plugins.music;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.creativecities.plugin.api.MemberLookup;
import org.creativecities.plugin.api.PluginFile;
import org.creativecities.plugin.api.PluginFiles;
import org.creativecities.plugin.api.PluginSettings;
import org.creativecities.plugin.api.http.HttpHandler;
import org.creativecities.plugin.api.http.HttpRequest;
import org.creativecities.plugin.api.http.HttpResponse;
import org.creativecities.plugin.api.http.RequestCaller;
import org.creativecities.plugin.api.http.Routes;

/**
 * The plugin's REST routes, all city-scoped ({@code /api/plugins/music/cities/{city}/...}; the core answers 404
 * for a city where the plugin is not enabled):
 * <ul>
 *   <li>{@code GET /rules}: anyone; what a track must be in the city: {@code allowedHosts},
 *       {@code maxTrackSeconds}, {@code maxQueue};</li>
 *   <li>{@code POST /uploads?name=} with the audio file as the body: members and coordinators of the city and
 *       administrators store a file through the media store (its type checks, the plugin's quota) and get
 *       {@code 201 {mediaId, url, contentType, fileName, durationMs}}, {@code durationMs} measured from a WAV file
 *       (null for other formats); the {@code add} action then queues it by its {@code mediaId}.</li>
 * </ul>
 * A refused file is the sender's bad input: the core answers 415, 413, 507, 429 or 400 as a problem.
 */
final class MusicRoutes {

    private final Supplier<PluginFiles> files;
    private final Supplier<MemberLookup> members;
    private final Function<String, PluginSettings> settings;
    private final FileDurations durations;

    MusicRoutes(Supplier<PluginFiles> files, Supplier<MemberLookup> members, Function<String, PluginSettings> settings,
                FileDurations durations) {
        this.files = files;
        this.members = members;
        this.settings = settings;
        this.durations = durations;
    }

    HttpHandler handler() {
        return Routes.builder()
                .get("/rules", r -> inCity(r, this::rules))
                .post("/uploads", r -> inCity(r, this::upload))
                .build();
    }

    private interface CityHandler {
        HttpResponse handle(HttpRequest request, String city);
    }

    private static HttpResponse inCity(HttpRequest r, CityHandler handler) {
        return r.citySlug().map(city -> handler.handle(r, city)).orElseGet(() -> HttpResponse.problem(404,
                "Not found", "Listening rooms belong to a city: use /api/plugins/music/cities/{city}" + r.path()
                        + "."));
    }

    private HttpResponse rules(HttpRequest r, String city) {
        PluginSettings s = settings.apply(city);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("allowedHosts", s.getList(MusicModule.ALLOWED_HOSTS));
        body.put("maxTrackSeconds", s.getInteger(MusicModule.MAX_TRACK_SECONDS));
        body.put("maxQueue", s.getInteger(MusicModule.MAX_QUEUE));
        return HttpResponse.ok(body);
    }

    private HttpResponse upload(HttpRequest r, String city) {
        Optional<RequestCaller> caller = r.caller();
        if (caller.isEmpty()) {
            return HttpResponse.problem(401, "Sign in", "Sign in to upload a track.");
        }
        long who = caller.get().accountId();
        MemberLookup m = members.get();
        if (!caller.get().admin() && !m.isMember(who, city) && !m.isCoordinator(who, city)) {
            return HttpResponse.problem(403, "Members only", "Only members of " + city + " upload tracks here.");
        }
        if (r.body().length == 0) {
            return HttpResponse.problem(400, "No file", "Send the audio file as the request's body.");
        }
        String declared = r.header("content-type").orElse("application/octet-stream");
        PluginFile file = files.get().store(r.queryParam("name").orElse(null), declared,
                new ByteArrayInputStream(r.body()));
        if (!"audio".equals(file.kind())) {
            files.get().delete(file.id());
            return HttpResponse.problem(415, "Not audio", "Only audio files can be queued; this one is "
                    + file.kind() + ".");
        }
        OptionalLong measured = WavDuration.of(r.body());
        measured.ifPresent(d -> durations.record(file.id(), d));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mediaId", file.id());
        body.put("url", file.url());
        body.put("contentType", file.contentType());
        body.put("fileName", file.fileName());
        body.put("durationMs", measured.isPresent() ? measured.getAsLong() : null);
        return HttpResponse.json(201, body);
    }
}
