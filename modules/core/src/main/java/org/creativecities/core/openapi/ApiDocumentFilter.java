package org.creativecities.core.openapi;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.creativecities.core.plugin.PluginRoutesOpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * The one OASFilter of the application ({@code mp.openapi.filter}): turns what Payara generates from the
 * annotations into a complete, valid OpenAPI 3 document. Each step closes one class of gap for every operation at
 * once, so a new resource is documented correctly without repeating the same annotations:
 * <ol>
 * <li>the plugin routes get real paths with declared parameters ({@link PluginRoutesOpenApiFilter}), and the
 * contexts' paths served outside JAX-RS are added ({@link ApiPaths});</li>
 * <li>request bodies are required and every error answer is a problem document: 400 everywhere, 401 on secured
 * operations, 403 where rights are checked, 404 with path parameters, 413/415 where a body is taken
 * ({@link StandardResponses});</li>
 * <li>query and path parameters are typed ({@link ParameterTypes});</li>
 * <li>body schemas are written from their records, with their Bean Validation constraints ({@link RecordSchemas});</li>
 * <li>{@code List<T>} and {@code Page<T>} answers get their schemas ({@link PageSchemas});</li>
 * <li>operationIds are unique ({@link OperationIds}), tags are listed once, Payara's defaults are removed from
 * inline schemas ({@link InlineSchemas}), schemas nothing refers to (internal classes the scanner saw) are dropped
 * ({@link UnusedSchemas}), and so is Payara's non-standard {@code endpoints} root key.</li>
 * </ol>
 */
public class ApiDocumentFilter implements OASFilter {

    private static final Logger LOG = Logger.getLogger(ApiDocumentFilter.class.getName());

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        new PluginRoutesOpenApiFilter().filterOpenAPI(openAPI);
        addContextPaths(openAPI);
        StandardResponses.apply(openAPI);
        PageSchemas.apply(openAPI);
        ParameterTypes.apply(openAPI);
        RecordSchemas.apply(openAPI);
        OperationIds.apply(openAPI);
        dedupeTags(openAPI);
        InlineSchemas.clean(openAPI);
        UnusedSchemas.remove(openAPI);
        removeEndpoints(openAPI);
    }

    /** The paths the contexts serve outside JAX-RS, each context's {@link ApiPaths} (a Java service). */
    private static void addContextPaths(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            openAPI.setPaths(OASFactory.createPaths());
        }
        for (ApiPaths context : ServiceLoader.load(ApiPaths.class, ApiDocumentFilter.class.getClassLoader())) {
            context.paths().forEach(openAPI.getPaths()::addPathItem);
        }
    }

    private static void dedupeTags(OpenAPI openAPI) {
        if (openAPI.getTags() == null) {
            return;
        }
        Map<String, Tag> byName = new LinkedHashMap<>();
        for (Tag tag : openAPI.getTags()) {
            Tag kept = byName.putIfAbsent(tag.getName(), tag);
            if (kept != null && kept.getDescription() == null && tag.getDescription() != null) {
                kept.setDescription(tag.getDescription());
            }
        }
        openAPI.setTags(List.copyOf(byName.values()));
    }

    /**
     * Payara adds an {@code endpoints} map at the root of the document (not part of OpenAPI); its serialiser
     * leaves out empty maps, so emptying it removes the key.
     */
    private static void removeEndpoints(OpenAPI openAPI) {
        try {
            Method getter = openAPI.getClass().getMethod("getEndpoints");
            if (getter.invoke(openAPI) instanceof Map<?, ?> endpoints) {
                endpoints.clear();
            }
        } catch (NoSuchMethodException e) {
            // Another implementation: no such key to remove.
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "Could not remove the endpoints key of the OpenAPI document", e);
        }
    }
}
