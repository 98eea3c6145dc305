package org.creativecities.core.openapi;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Writes the list and page schemas. Annotations cannot name a generic type, so a resource returning
 * {@code List<T>} documents its answer as a reference to {@code TList}, and one returning {@code Page<T>} as
 * {@code TPage}; this writes those schemas: an array of {@code T}, or the items of type {@code T} with the total
 * count, the page number and size, as {@link org.creativecities.core.platform.web.Page} serialises them.
 */
final class PageSchemas {

    private static final String PREFIX = "#/components/schemas/";
    private static final String SUFFIX = "Page";
    private static final String LIST = "List";

    private PageSchemas() {
    }

    static void apply(OpenAPI openAPI) {
        Set<String> pages = new HashSet<>();
        Operations.each(openAPI, (path, method, operation) -> {
            if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
                return;
            }
            operation.getResponses().getAPIResponses().values().forEach(response -> {
                if (response.getContent() != null && response.getContent().getMediaTypes() != null) {
                    response.getContent().getMediaTypes().values().forEach(media -> {
                        String ref = media.getSchema() == null ? null : media.getSchema().getRef();
                        if (ref != null && ref.startsWith(PREFIX) && (ref.endsWith(SUFFIX) || ref.endsWith(LIST))) {
                            pages.add(ref.substring(PREFIX.length()));
                        }
                    });
                }
            });
        });
        for (String page : pages) {
            if (openAPI.getComponents().getSchemas() == null || !openAPI.getComponents().getSchemas().containsKey(page)) {
                openAPI.getComponents().addSchema(page, page.endsWith(LIST)
                        ? OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(OASFactory.createSchema()
                                .ref(page.substring(0, page.length() - LIST.length())))
                        : page(page.substring(0, page.length() - SUFFIX.length())));
            }
        }
    }

    private static Schema page(String item) {
        return OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                .description("One page of a list, with the total number of matching items")
                .addProperty("items", OASFactory.createSchema().type(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref(item)))
                .addProperty("total", count(0))
                .addProperty("page", count(1))
                .addProperty("size", count(1))
                .required(List.of("items", "total", "page", "size"));
    }

    private static Schema count(int minimum) {
        return OASFactory.createSchema().type(Schema.SchemaType.INTEGER).minimum(BigDecimal.valueOf(minimum));
    }
}
