package org.creativecities.core.openapi;

import java.util.Map;
import org.eclipse.microprofile.openapi.models.PathItem;

/**
 * Extension point: the paths a context beside the core serves outside JAX-RS (a plain servlet, such as the works'
 * Atom feeds), which Payara's scanner cannot see. A context describes them here and registers its implementation
 * as a Java service ({@code META-INF/services/org.creativecities.core.openapi.ApiPaths}); the document's filter
 * ({@link ApiDocumentFilter}) runs outside CDI. The operations are completed like the scanned ones: each error
 * answer without content becomes a problem document, 400 and (with path parameters) 404 are added, and
 * operationIds are made unique.
 */
public interface ApiPaths {

    /** The path items by template, from the server's root, e.g. {@code /feeds/cities/{slug}.atom}. */
    Map<String, PathItem> paths();
}
