package org.creativecities.benchfloor;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** The WebSocket endpoint: {@code /ws} echoes each text frame. */
@ServerEndpoint("/ws")
public class Echo {

    /** The same text back. */
    @OnMessage
    public String echo(String text) {
        return text;
    }
}
