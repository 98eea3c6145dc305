package org.creativecities.testplugins.good;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.creativecities.plugin.api.CommonsModule;
import org.creativecities.plugin.api.ModuleContext;
import org.creativecities.plugin.api.ModuleInfo;
import org.creativecities.plugin.api.Permission;
import org.creativecities.plugin.api.SettingDefinition;
import org.creativecities.plugin.api.hook.HookResult;
import org.creativecities.plugin.api.hook.JoinHook;
import org.creativecities.plugin.api.hook.MessageHook;
import org.creativecities.plugin.api.StorageConflictException;
import org.creativecities.plugin.api.StoragePage;
import org.creativecities.plugin.api.StorageScope;
import org.creativecities.plugin.api.StoredEntry;
import org.creativecities.plugin.api.hook.CommonsEvent;
import org.creativecities.plugin.api.hook.EventListener;
import org.creativecities.plugin.api.http.HttpHandler;
import org.creativecities.plugin.api.http.HttpRequest;
import org.creativecities.plugin.api.http.HttpResponse;
import org.creativecities.plugin.api.http.Routes;
import org.pf4j.Extension;

/** The well-behaved test plugin: it exercises every service a plugin may use. */
@Extension
public class GoodModule implements CommonsModule {

    /** What {@code GET /hello} answers. */
    public record Hello(String plugin, String version, String greeting, String city, Long caller, List<String> tags) {
    }

    /** A stored entry as the routes show it. */
    public record Entry(String key, String value, long version, String expiresAt) {
    }

    private volatile ModuleContext context;
    private final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public ModuleInfo info() {
        return ModuleInfo.builder("Good test plugin")
                .description("Exercises routes, settings, storage, events and UI assets.")
                .icon("ui/icon.svg")
                .fields("film", "music")
                .roomKind("echo-room", "Echo room", "Repeats what you say.")
                .permissions(Permission.STORAGE, Permission.CITIES_READ, Permission.MEMBERS_READ,
                        Permission.HTTP_ROUTES, Permission.EVENTS, Permission.HOOKS)
                .setting(SettingDefinition.string("greeting", "Hello", "How the plugin greets.").withRange(1, 40))
                .setting(SettingDefinition.integer("maxItems", 10, "Largest listing.").withRange(1, 100))
                .setting(SettingDefinition.choice("mode", "simple", "Display mode.", "simple", "fancy"))
                .setting(SettingDefinition.list("tags", List.of(), "Tags.").withPattern("[a-z]+"))
                .setting(SettingDefinition.bool("loud", false, "Shout."))
                .setting(SettingDefinition.string("apiKey", null, "A secret key.").asSecret())
                .uiModule("ui/good.js")
                .build();
    }

    @Override
    public void start(ModuleContext ctx) {
        this.context = ctx;
        ctx.logger().info("good plugin started");
    }

    @Override
    public void stop() {
        context = null;
    }

    /** Refuses anyone whose display name starts with "Blocked", so tests can see a veto. */
    @Override
    public Optional<JoinHook> joinHook() {
        return Optional.of(attempt -> attempt.displayName().startsWith("Blocked")
                ? HookResult.<JoinHook.JoinAttempt>veto("the test plugin refuses names starting with 'Blocked'")
                : HookResult.<JoinHook.JoinAttempt>allow());
    }

    /** Refuses messages containing "#veto" and masks the word "darn", so tests can see both outcomes. */
    @Override
    public Optional<MessageHook> messageHook() {
        return Optional.of(draft -> draft.text().contains("#slow") ? slowly()
                : draft.text().contains("#veto")
                ? HookResult.<MessageHook.MessageDraft>veto("the test plugin refuses #veto")
                : draft.text().contains("darn")
                ? HookResult.replace(new MessageHook.MessageDraft(draft.roomId(), draft.citySlug(), draft.authorId(),
                        draft.type(), draft.text().replace("darn", "d**n")))
                : HookResult.<MessageHook.MessageDraft>allow());
    }

    /** A hook that takes its time (within the core's call limit), for the tests of what waits for a hook. */
    private static HookResult<MessageHook.MessageDraft> slowly() {
        try {
            Thread.sleep(1_500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return HookResult.allow();
    }

    @Override
    public Optional<HttpHandler> http() {
        return Optional.of(Routes.builder()
                .get("/hello", this::hello)
                .get("/kv", this::list)
                .get("/kv/{key}", this::read)
                .put("/kv/{key}", this::write)
                .get("/city", this::city)
                .get("/events", r -> HttpResponse.ok(List.copyOf(events)))
                .get("/boom", r -> {
                    throw new IllegalStateException("boom on purpose");
                })
                .build());
    }

    @Override
    public Optional<EventListener> events() {
        return Optional.of(this::record);
    }

    private void record(CommonsEvent event) {
        if (event instanceof CommonsEvent.MemberJoined j) {
            events.add("joined " + j.citySlug() + " " + j.accountId());
        } else if (event instanceof CommonsEvent.MemberLeft l) {
            events.add("left " + l.citySlug() + " " + l.accountId());
        } else if (event instanceof CommonsEvent.CityUpdated c) {
            events.add("city " + c.citySlug() + " " + c.change());
        } else if (event instanceof CommonsEvent.RoomOpened o) {
            events.add("room opened " + o.roomId() + " " + o.kind());
        } else if (event instanceof CommonsEvent.RoomClosed c) {
            events.add("room closed " + c.roomId());
        } else if (event instanceof CommonsEvent.MessagePosted m) {
            events.add("message " + m.roomId() + " " + m.sequence());
        }
    }

    private HttpResponse hello(HttpRequest r) {
        var settings = r.citySlug().map(c -> context.settings().forCity(c)).orElse(context.settings());
        return HttpResponse.ok(new Hello(context.pluginId(), context.pluginVersion(), settings.getString("greeting"),
                r.citySlug().orElse(null), r.caller().map(c -> c.accountId()).orElse(null), settings.getList("tags")));
    }

    private StorageScope scope(HttpRequest r) {
        return r.citySlug().map(StorageScope::city).orElse(StorageScope.global());
    }

    private HttpResponse read(HttpRequest r) {
        return context.storage().get(scope(r), r.pathParam("key").orElseThrow())
                .map(e -> HttpResponse.ok(entry(e)))
                .orElseGet(() -> HttpResponse.problem(404, "No such entry", "Nothing stored under that key."));
    }

    /** PUT /kv/{key}?expected=N&ttl=PT1S with the value as the body; without expected, an unconditional put. */
    private HttpResponse write(HttpRequest r) {
        String key = r.pathParam("key").orElseThrow();
        Duration ttl = r.queryParam("ttl").map(Duration::parse).orElse(null);
        try {
            StoredEntry e = r.queryParam("expected").isPresent()
                    ? context.storage().compareAndSet(scope(r), key, Long.parseLong(r.queryParam("expected").get()),
                            r.bodyText(), ttl)
                    : context.storage().put(scope(r), key, r.bodyText(), ttl);
            return HttpResponse.ok(entry(e));
        } catch (StorageConflictException e) {
            return HttpResponse.problem(409, "Version conflict", e.getMessage());
        }
    }

    private HttpResponse list(HttpRequest r) {
        int limit = Integer.parseInt(r.queryParam("limit").orElse("10"));
        StoragePage page = context.storage().list(scope(r), r.queryParam("prefix").orElse(""),
                r.queryParam("cursor").orElse(null), limit);
        return HttpResponse.ok(Map.of("keys", page.entries().stream().map(StoredEntry::key).toList(),
                "next", page.nextCursor().orElse("")));
    }

    private HttpResponse city(HttpRequest r) {
        String slug = r.citySlug().orElseThrow();
        var city = context.cities().find(slug).orElseThrow();
        boolean member = r.caller().map(c -> context.members().isMember(c.accountId(), slug)).orElse(false);
        return HttpResponse.ok(Map.of("name", city.name(), "country", city.countryCode(), "member", member));
    }

    private static Entry entry(StoredEntry e) {
        return new Entry(e.key(), e.value(), e.version(), e.expiresAt().map(Object::toString).orElse(null));
    }
}
