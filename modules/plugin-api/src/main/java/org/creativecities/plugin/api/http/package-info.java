/**
 * A plugin's REST side: {@link org.creativecities.plugin.api.http.HttpHandler} takes a core-built
 * {@link org.creativecities.plugin.api.http.HttpRequest} and returns an
 * {@link org.creativecities.plugin.api.http.HttpResponse}; {@link org.creativecities.plugin.api.http.Routes}
 * matches methods and path templates. Plugins never hand JAX-RS classes to the server, so that unloading a
 * plugin releases its classes.
 */
package org.creativecities.plugin.api.http;
