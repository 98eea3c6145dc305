package org.creativecities.benchfloor;

import jakarta.inject.Inject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The JSON resource: {@code GET /api/greetings}. */
@ApplicationPath("api")
@Path("greetings")
public class FloorApi extends Application {

    @Inject
    private Greetings greetings;

    /** The stored greetings, as JSON (JSON-B). */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<String> list() {
        return greetings.texts();
    }
}
