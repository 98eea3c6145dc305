package org.creativecities.core.live;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creativecities.core.identity.AccountService;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.AppConfig;

/**
 * Checks the handshake of {@code /ws}: the {@code Origin} (browsers always send it; a present Origin must be
 * one of {@code ccc.http.allowed-origins}, and {@code null} never is) and the credentials: a single-use
 * {@code ?ticket=} from {@code POST /api/live/tickets}, or an {@code Authorization: Bearer} header. No
 * credentials make a visitor; bad ones are refused when the connection opens (close 1008).
 */
public class LiveHandshake extends ServerEndpointConfig.Configurator {

    static final String IDENTITY = "ccc.live.identity";
    static final String REFUSED = "ccc.live.refused";
    /** The handshake's {@code X-Forwarded-For}, for the client's address (see {@link LiveEngine}). */
    static final String FORWARDED_FOR = "ccc.live.forwarded-for";

    @Override
    public boolean checkOrigin(String origin) {
        if (origin == null || origin.isEmpty()) {
            return true;
        }
        return !"null".equals(origin) && CDI.current().select(AppConfig.class).get().allowedOrigins().contains(origin);
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        Map<String, Object> properties = config.getUserProperties();
        properties.remove(IDENTITY);
        properties.remove(REFUSED);
        properties.remove(FORWARDED_FOR);
        first(request.getHeaders(), "X-Forwarded-For").ifPresent(h -> properties.put(FORWARDED_FOR, h));
        Optional<String> ticket = first(request.getParameterMap(), "ticket");
        Optional<String> bearer = first(request.getHeaders(), "Authorization")
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7)).map(h -> h.substring(7).trim());
        Optional<Caller.Identity> who = Optional.empty();
        if (ticket.isPresent()) {
            who = CDI.current().select(LiveTickets.class).get().redeem(ticket.get());
        } else if (bearer.isPresent()) {
            who = CDI.current().select(AccountService.class).get().authenticate(bearer.get());
        } else {
            return;
        }
        if (who.isPresent()) {
            properties.put(IDENTITY, who.get());
        } else {
            properties.put(REFUSED, ticket.isPresent() ? "invalid or expired ticket" : "invalid token");
        }
    }

    private static Optional<String> first(Map<String, List<String>> values, String name) {
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && e.getValue() != null && !e.getValue().isEmpty()) {
                return Optional.of(e.getValue().get(0));
            }
        }
        return Optional.empty();
    }
}
