package org.creativecities.core.live;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.websocket.server.ServerContainer;
import java.util.logging.Logger;

/**
 * Sets the WebSocket container's default idle timeout once, at start-up: none (0). {@link LiveEngine} pings every
 * connection and closes those that stay silent itself ({@code ccc.live.idle-timeout}). Not per session in
 * {@code @OnOpen}: Tyrus closes about one session in 5,000 early when the timeout is changed there, racing the timer
 * armed with the old value (LiveIdleSwarmIT; docs/architecture.md).
 */
@WebListener
public class LiveContainerSetup implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(LiveContainerSetup.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Object container = event.getServletContext().getAttribute(ServerContainer.class.getName());
        if (container instanceof ServerContainer websockets) {
            websockets.setDefaultMaxSessionIdleTimeout(0);
        } else {
            LOG.warning("No WebSocket container: live rooms are not available");
        }
    }
}
