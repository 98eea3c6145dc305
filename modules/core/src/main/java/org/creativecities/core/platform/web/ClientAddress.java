package org.creativecities.core.platform.web;

import java.util.List;

/** Works out the client's address, believing {@code X-Forwarded-For} only from trusted proxies. */
public final class ClientAddress {

    private ClientAddress() {
    }

    /**
     * The client's address: the peer's, or with trusted proxies the last address in {@code forwardedFor} that is
     * not one of them.
     */
    public static String resolve(String remote, String forwardedFor, List<String> trustedProxies) {
        if (forwardedFor == null || !trustedProxies.contains(remote)) {
            return remote;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return remote;
    }
}
