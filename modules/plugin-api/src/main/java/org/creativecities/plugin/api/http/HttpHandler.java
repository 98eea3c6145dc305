package org.creativecities.plugin.api.http;

/**
 * Serves a plugin's REST requests. The core owns the JAX-RS side: it matches
 * {@code /api/plugins/{pluginId}/**}, checks that the plugin runs (and, for the city form, that it is
 * enabled in that city), builds an {@link HttpRequest} and writes the returned {@link HttpResponse}.
 *
 * <p><b>Lifecycle.</b> Obtained once from {@link org.creativecities.plugin.api.CommonsModule#http()} after
 * {@code start}; used until {@code stop}.
 *
 * <p><b>Threading.</b> Called concurrently from the supervisor's worker threads, with a time limit
 * (2 s by default; the client then gets 504). An exception becomes a 502 problem for the client and a
 * failure on the plugin's health; to answer an expected error, return {@link HttpResponse#problem}.
 */
@FunctionalInterface
public interface HttpHandler {

    HttpResponse handle(HttpRequest request) throws Exception;
}
