package org.creativecities.core.live;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpUpgradeHandler;
import java.io.IOException;
import org.glassfish.tyrus.servlet.TyrusHttpUpgradeHandler;

/**
 * Puts the frame limit under the WebSocket endpoint: on a WebSocket handshake, the upgrade that Tyrus asks the
 * container for gets a {@link FrameLimitUpgradeHandler} instead of Tyrus's own handler. Mapped in web.xml, so it runs
 * before Tyrus's filter; any other request passes untouched. The handshake's response also gets a small output
 * buffer before it is committed ({@link UpgradeOutputBuffer}).
 */
public class FrameLimitFilter implements Filter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && "websocket".equalsIgnoreCase(http.getHeader("Upgrade"))) {
            UpgradeOutputBuffer.shrink(response);
            chain.doFilter(new LimitedUpgrade(http), response);
        } else {
            chain.doFilter(request, response);
        }
    }

    /** A handshake request whose upgrade to Tyrus's handler yields the limited one. */
    private static final class LimitedUpgrade extends HttpServletRequestWrapper {
        LimitedUpgrade(HttpServletRequest request) {
            super(request);
        }

        @Override
        public <T extends HttpUpgradeHandler> T upgrade(Class<T> handlerClass) throws IOException, ServletException {
            if (handlerClass == TyrusHttpUpgradeHandler.class) {
                return handlerClass.cast(super.upgrade(FrameLimitUpgradeHandler.class));
            }
            return super.upgrade(handlerClass);
        }
    }
}
