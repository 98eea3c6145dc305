package org.creativecities.core.live;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.WebConnection;
import jakarta.websocket.CloseReason;
import java.io.IOException;
import org.glassfish.tyrus.servlet.TyrusHttpUpgradeHandler;
import org.glassfish.tyrus.spi.Connection;
import org.glassfish.tyrus.spi.WebSocketEngine;
import org.glassfish.tyrus.spi.Writer;

/**
 * Tyrus's upgrade handler, with the frame limit applied to the raw bytes before Tyrus reads them.
 *
 * <p>Tyrus parses a frame only once all of its payload is buffered (up to its incoming buffer, about 4 MiB), and a
 * frame over that buffer ends in {@code TyrusWebSocketEngine.TyrusReadHandler#handle} with "Buffer overflow.", close
 * code 1011 and a stack trace in the log. Here an {@link InboundFrameScanner} reads each frame's header as it
 * arrives: a data message over {@link LiveEndpoint#MAX_FRAME} bytes closes the connection with 1009 (too big) from
 * its header, and its payload is never read. Frames before it are handed on as usual.
 */
public class FrameLimitUpgradeHandler extends TyrusHttpUpgradeHandler {

    private volatile Connection connection;

    @Override
    public void preInit(WebSocketEngine.UpgradeInfo upgradeInfo, Writer writer, boolean authenticated) {
        super.preInit(new WebSocketEngine.UpgradeInfo() {
            @Override
            public WebSocketEngine.UpgradeStatus getStatus() {
                return upgradeInfo.getStatus();
            }

            @Override
            public Connection createConnection(Writer w, Connection.CloseListener closeListener) {
                connection = upgradeInfo.createConnection(w, closeListener);
                return connection;
            }
        }, writer, authenticated);
    }

    @Override
    public void init(WebConnection webConnection) {
        super.init(new LimitedConnection(webConnection));
    }

    private void closeTooBig() {
        Connection c = connection;
        if (c != null) {
            c.close(new CloseReason(CloseReason.CloseCodes.TOO_BIG,
                    "message over " + LiveEndpoint.MAX_FRAME + " bytes"));
        }
    }

    /** The container's connection, whose input goes through the frame limit. */
    @SuppressWarnings("try") // close() throws what WebConnection.close() declares
    private final class LimitedConnection implements WebConnection {
        private final WebConnection delegate;
        private ServletInputStream input;

        LimitedConnection(WebConnection delegate) {
            this.delegate = delegate;
        }

        @Override
        public synchronized ServletInputStream getInputStream() throws IOException {
            if (input == null) {
                input = new FrameLimitInputStream(delegate.getInputStream(),
                        new InboundFrameScanner(LiveEndpoint.MAX_FRAME), FrameLimitUpgradeHandler.this::closeTooBig);
            }
            return input;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            return delegate.getOutputStream();
        }

        @Override
        public void close() throws Exception {
            delegate.close();
        }
    }
}
