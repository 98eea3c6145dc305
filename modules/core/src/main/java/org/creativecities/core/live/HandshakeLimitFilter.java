package org.creativecities.core.live;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.creativecities.core.identity.AttemptLimit;
import org.creativecities.core.identity.RateLimits;
import org.creativecities.core.platform.AppConfig;
import org.creativecities.core.platform.web.ClientAddress;
import org.creativecities.core.platform.web.ServletProblems;

/**
 * Limits the WebSocket handshakes on {@code /ws} that an anonymous client can repeat: at most
 * {@code ccc.live.handshakes-per-minute} per client address (a token bucket; the address as {@link ClientAddress}
 * resolves it, believing {@code X-Forwarded-For} from trusted proxies only). Past it, the handshake is answered 429
 * with {@code Retry-After} and a problem document before the upgrade: no session, no credential lookup.
 *
 * <p>Every handshake counts except one that carries a live ticket ({@link LiveTickets#isLive}, a look in memory that
 * does not use the ticket up): visitors, handshakes with an {@code Authorization} header (scripts and tools; browsers
 * cannot send one) and tickets that open nothing. Live tickets are limited per account already
 * ({@code ccc.live.tickets-per-minute}), each opens one connection, and people signed in behind one shared address (a
 * school, a library) must not be refused because of visitors or a flood from that address. Mapped in web.xml on
 * {@code /ws}, before the frame limit's filter; requests that are not handshakes pass untouched.
 */
public class HandshakeLimitFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient AppConfig config;

    @Inject
    private transient LiveTickets tickets;

    @Inject
    private transient RateLimits limits;

    private transient AttemptLimit perAddress;

    @Override
    public void init() {
        perAddress = limits.shared("live-handshakes", config.liveHandshakesPerMinute(), Duration.ofMinutes(1));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long started = System.nanoTime();
        if (!"websocket".equalsIgnoreCase(request.getHeader("Upgrade"))
                || tickets.isLive(request.getParameter("ticket"))) {
            chain.doFilter(request, response);
            return;
        }
        String address = ClientAddress.resolve(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"),
                config.trustedProxies());
        Optional<Duration> wait = perAddress.tryAcquire(address);
        if (wait.isPresent()) {
            ServletProblems.tooManyRequests(request, response, "Too many live connection handshakes from your "
                    + "address without a live ticket; wait before connecting again, or sign in.", wait.get(), started);
            return;
        }
        chain.doFilter(request, response);
    }
}
