package org.creativecities.works.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.creativecities.core.openapi.ApiPaths;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * The Atom feeds ({@link FeedServlet}) in the OpenAPI document: a servlet, which Payara's scanner does not see
 * (a Java service, see {@link ApiPaths}).
 */
public class FeedPaths implements ApiPaths {

    static final String CITY = "/feeds/cities/{slug}.atom";
    static final String FIELD = "/feeds/fields/{slug}.atom";

    @Override
    public Map<String, PathItem> paths() {
        Map<String, PathItem> paths = new LinkedHashMap<>();
        paths.put(CITY, item(operation("cityFeed", "Atom feed of a city's new public works",
                "The newest works published to everyone by the city's people or about the city (RFC 4287).",
                "No such city"), "The city's slug, e.g. lyon"));
        paths.put(FIELD, item(operation("fieldFeed", "Atom feed of a creative field's new public works",
                "The newest works published to everyone in the field (RFC 4287).", "No such field"),
                "The field's slug, e.g. media-arts"));
        return paths;
    }

    private static PathItem item(Operation get, String slug) {
        return OASFactory.createPathItem().GET(get).addParameter(OASFactory.createParameter().name("slug")
                .in(Parameter.In.PATH).required(true).description(slug)
                .schema(OASFactory.createSchema().type(Schema.SchemaType.STRING).minLength(1).maxLength(160)
                        .pattern("^[a-z0-9-]+$")));
    }

    private static Operation operation(String id, String summary, String description, String notFound) {
        return OASFactory.createOperation().operationId(id).summary(summary)
                .description(description + " Open to anyone; takes no query parameters. Anonymous reads of works "
                        + "are limited per address (ccc.works.anonymous-reads-per-minute).")
                .addTag("Works")
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("200", OASFactory.createAPIResponse().description("The Atom feed")
                                .content(OASFactory.createContent().addMediaType("application/atom+xml",
                                        OASFactory.createMediaType().schema(OASFactory.createSchema()
                                                .type(Schema.SchemaType.STRING)))))
                        .addAPIResponse("400", OASFactory.createAPIResponse()
                                .description("A query parameter: feeds take none"))
                        .addAPIResponse("404", OASFactory.createAPIResponse().description(notFound))
                        .addAPIResponse("429", OASFactory.createAPIResponse()
                                .description("Too many reads from the address; see Retry-After")
                                .addHeader("Retry-After", OASFactory.createHeader()
                                        .description("Seconds to wait before reading again")
                                        .schema(OASFactory.createSchema().type(Schema.SchemaType.INTEGER)
                                                .minimum(BigDecimal.ONE)))));
    }
}
