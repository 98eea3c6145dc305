package org.creativecities.testplugins.timers;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.creativecities.plugin.api.CommonsModule;
import org.creativecities.plugin.api.ModuleContext;
import org.creativecities.plugin.api.ModuleInfo;
import org.creativecities.plugin.api.Permission;
import org.creativecities.plugin.api.PluginStorage;
import org.creativecities.plugin.api.StorageConflictException;
import org.creativecities.plugin.api.StorageScope;
import org.creativecities.plugin.api.http.HttpHandler;
import org.creativecities.plugin.api.http.HttpRequest;
import org.creativecities.plugin.api.http.HttpResponse;
import org.creativecities.plugin.api.http.Routes;
import org.creativecities.plugin.api.timer.DurableTimer;
import org.creativecities.plugin.api.timer.PluginTimers;
import org.creativecities.plugin.api.timer.TimerHandle;
import org.pf4j.Extension;

/**
 * Schedules timers when its routes are called and counts every firing in its storage (global scope), so that the
 * tests see what fired even across a stop or a restart:
 * <ul>
 *   <li>{@code POST /once/{name}?ms=N}: a one-shot that adds one to {@code count:<name>};</li>
 *   <li>{@code POST /repeat/{name}?ms=N}: the same at a fixed rate of N ms;</li>
 *   <li>{@code POST /throw/{name}?ms=N}: a one-shot that adds one, then throws;</li>
 *   <li>{@code POST /cancel/{name}}: cancels the in-memory timer of that name;</li>
 *   <li>{@code POST /durable/{name}?ms=N} with a JSON body: a durable timer; its delivery adds one to
 *       {@code count:delivered-<name>} and writes {@code durable:<name>} = attempt, the start that took it, and the
 *       payload;</li>
 *   <li>{@code GET /count/{name}}, {@code GET /durable/{name}} (the delivery, or 404), {@code GET /start} (this
 *       start's id) and {@code GET /pending/{name}} (whether the durable timer is still stored).</li>
 * </ul>
 */
@Extension
public class TimersModule implements CommonsModule {

    private static final StorageScope SCOPE = StorageScope.global();

    private final Map<String, TimerHandle> handles = new ConcurrentHashMap<>();
    private final String startId = UUID.randomUUID().toString();
    private volatile ModuleContext context;

    @Override
    public ModuleInfo info() {
        return ModuleInfo.builder("Timers test plugin")
                .description("Schedules timers on request and counts their firings.")
                .permissions(Permission.STORAGE, Permission.HTTP_ROUTES)
                .build();
    }

    @Override
    public void start(ModuleContext ctx) {
        context = ctx;
        ctx.timers().onDurable(this::delivered);
    }

    @Override
    public void stop() {
        handles.clear();
        context = null;
    }

    private PluginTimers timers() {
        return context.timers();
    }

    private PluginStorage storage() {
        return context.storage();
    }

    /** Adds one to a counter, exactly, whoever else is counting. */
    private void count(String name) {
        String key = "count:" + name;
        while (true) {
            var current = storage().get(SCOPE, key);
            long next = current.map(e -> Long.parseLong(e.value())).orElse(0L) + 1;
            try {
                storage().compareAndSet(SCOPE, key, current.map(e -> e.version()).orElse(0L), Long.toString(next),
                        null);
                return;
            } catch (StorageConflictException e) {
                Thread.onSpinWait();
            }
        }
    }

    private void delivered(DurableTimer timer) {
        count("delivered-" + timer.name());
        storage().put(SCOPE, "durable:" + timer.name(), timer.attempt() + " " + startId + " " + timer.payload());
    }

    @Override
    public Optional<HttpHandler> http() {
        return Optional.of(Routes.builder()
                .post("/once/{name}", r -> keep(r, timers().schedule(ms(r), () -> count(name(r)))))
                .post("/repeat/{name}", r -> keep(r, timers().scheduleAtFixedRate(ms(r), ms(r),
                        () -> count(name(r)))))
                .post("/throw/{name}", r -> keep(r, timers().schedule(ms(r), () -> {
                    count(name(r));
                    throw new IllegalStateException("timer task fails on purpose");
                })))
                .post("/cancel/{name}", r -> HttpResponse.ok(Map.of("cancelled",
                        Optional.ofNullable(handles.remove(name(r))).map(TimerHandle::cancel).orElse(false))))
                .post("/durable/{name}", r -> {
                    timers().scheduleDurable(name(r), ms(r), r.bodyText());
                    return HttpResponse.ok(Map.of("scheduled", name(r)));
                })
                .get("/count/{name}", r -> HttpResponse.ok(Map.of("count", storage().get(SCOPE, "count:" + name(r))
                        .map(e -> Long.parseLong(e.value())).orElse(0L))))
                .get("/durable/{name}", r -> storage().get(SCOPE, "durable:" + name(r))
                        .map(e -> HttpResponse.text(200, e.value()))
                        .orElseGet(() -> HttpResponse.problem(404, "Not delivered", "No delivery yet.")))
                .get("/pending/{name}", r -> HttpResponse.ok(Map.of("pending",
                        timers().findDurable(name(r)).isPresent())))
                .get("/start", r -> HttpResponse.text(200, startId))
                .build());
    }

    private HttpResponse keep(HttpRequest r, TimerHandle handle) {
        handles.put(name(r), handle);
        return HttpResponse.ok(Map.of("scheduled", name(r)));
    }

    private static String name(HttpRequest r) {
        return r.pathParam("name").orElseThrow();
    }

    private static Duration ms(HttpRequest r) {
        return Duration.ofMillis(Long.parseLong(r.queryParam("ms").orElse("1000")));
    }
}
