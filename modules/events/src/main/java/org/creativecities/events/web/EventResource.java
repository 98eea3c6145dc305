package org.creativecities.events.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.identity.SignedIn;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.core.platform.web.QueryParser;
import org.creativecities.events.EventsException;
import org.creativecities.events.app.EventDtos.Approval;
import org.creativecities.events.app.EventDtos.EventList;
import org.creativecities.events.app.EventDtos.EventUpdate;
import org.creativecities.events.app.EventDtos.EventView;
import org.creativecities.events.app.EventDtos.NewEvent;
import org.creativecities.events.app.EventDtos.RsvpRequest;
import org.creativecities.events.app.EventDtos.RsvpView;
import org.creativecities.events.app.CalendarFeeds;
import org.creativecities.events.app.EventListing;
import org.creativecities.events.app.EventService;
import org.creativecities.events.app.EventViews;
import org.creativecities.events.app.Rsvps;
import org.creativecities.events.domain.Event;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Events: list (occurrences in a window), create or propose, read, change, approve, delete, RSVP. */
@Path("events")
@RequestScoped
@Tag(name = "Events", description = "The network's events: organising cities and fields, RSVPs and a waiting list, "
        + "recurrence, iCalendar")
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

    /** The widest window a listing covers. */
    static final Duration MAX_WINDOW = Duration.ofDays(366L * 25);

    @Inject
    private EventService service;

    @Inject
    private EventListing listing;

    @Inject
    private EventViews views;

    @Inject
    private Rsvps rsvps;

    @Inject
    private Caller caller;

    @Inject
    private TimeSource time;

    @Inject
    private AnonymousReads anonymousReads;

    @Inject
    private CalendarFeeds feeds;

    @Context
    private HttpServletRequest request;

    @GET
    @Operation(summary = "List event occurrences in a window",
            description = "Published events, and the caller's own proposals and those of cities they coordinate. "
                    + "Recurring events are expanded by their RRULE. Filters: city (an organising city's slug), field "
                    + "(a creative field's slug), space (the id of the space the events belong to, e.g. a project's "
                    + "own), from and to (ISO instants, e.g. 2026-05-01T00:00:00Z; default from "
                    + "now for a year; at most 25 years). Ordered by start; at most 500 occurrences.")
    @APIResponse(responseCode = "200", description = "The occurrences",
            content = @Content(schema = @Schema(ref = "EventList")))
    @APIResponse(responseCode = "400", description = "An unknown city or field, or a bad window")
    public EventList list(@QueryParam("city") String city, @QueryParam("field") String field,
                          @QueryParam("space") String space,
                          @QueryParam("from") String from, @QueryParam("to") String to) {
        anonymousReads.check(caller);
        QueryParser p = new QueryParser();
        Optional<String> citySlug = p.optionalText("city", city, 160);
        Optional<String> fieldSlug = p.optionalText("field", field, 64);
        Optional<Long> spaceId = p.optionalInt("space", space, 1, Integer.MAX_VALUE).map(Integer::longValue);
        p.check();
        OffsetDateTime start = instant("from", from).orElseGet(() -> time.now());
        OffsetDateTime end = instant("to", to).orElseGet(() -> start.plusDays(366));
        if (!end.isAfter(start)) {
            throw EventsException.invalid("to", "The window's end must be after its start.");
        }
        if (Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
            throw EventsException.invalid("to", "A window of at most 25 years.");
        }
        return listing.list(caller.identity(), citySlug, fieldSlug, spaceId, start, end);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Create or propose an event", description = "A coordinator of one of the organising cities "
            + "(or an administrator) publishes it at once; an active member of one proposes it (status 'proposed'), "
            + "for a coordinator of one of its cities to approve. start and end are local date-times in timeZone "
            + "(IANA); place.kind is 'city', 'address' or 'online'; fields are creative field slugs; rrule an RFC "
            + "5545 rule; space the id of a space the caller manages that the event belongs to (a project's own "
            + "space: the project's events).")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(ref = "EventView")))
    @APIResponse(responseCode = "400", description = "Invalid input, naming the field (e.g. 'rrule')")
    @APIResponse(responseCode = "403",
            description = "Not a member of any organising city, or not a manager of the space")
    @SignedIn
    public Response create(NewEvent body) {
        Event event = service.create(caller.require(), body);
        return Response.created(URI.create("/api/events/" + event.id())).entity(views.view(caller.identity(), event))
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "An event", description = "With its times (instants, and the organiser's local times and "
            + "zone), place, cities, fields, counts and the caller's RSVP. A proposal is seen only by its proposer, "
            + "coordinators of its cities and administrators.")
    @APIResponse(responseCode = "200", description = "The event",
            content = @Content(schema = @Schema(ref = "EventView")))
    @APIResponse(responseCode = "404", description = "No such event, or one the caller may not see")
    public EventView get(@PathParam("id") long id) {
        anonymousReads.check(caller);
        return views.view(caller.identity(), service.get(caller.identity(), id));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Change an event", description = "Its proposer, coordinators of its cities and "
            + "administrators. Only the properties given change; a larger capacity promotes waiters; space (a space "
            + "the caller manages, or 0 for none) changes the space it belongs to.")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(ref = "EventView")))
    @APIResponse(responseCode = "400", description = "Invalid input, naming the field")
    @APIResponse(responseCode = "403", description = "Not allowed to change it")
    @APIResponse(responseCode = "404", description = "No such event, or one the caller may not see")
    @SignedIn
    public EventView update(@PathParam("id") long id, EventUpdate body) {
        return views.view(caller.identity(), service.update(caller.require(), id, body));
    }

    @DELETE
    @Path("{id}")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Delete an event", description = "Its proposer, coordinators of its cities and "
            + "administrators; its RSVPs go with it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "Not allowed to delete it")
    @APIResponse(responseCode = "404", description = "No such event, or one the caller may not see")
    @SignedIn
    public Response delete(@PathParam("id") long id) {
        service.delete(caller.require(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/approval")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Approve or decline a proposed event", description = "A coordinator of one of its cities "
            + "or an administrator: {\"decision\": \"approve\"} publishes it, \"decline\" declines it.")
    @APIResponse(responseCode = "200", description = "Decided",
            content = @Content(schema = @Schema(ref = "EventView")))
    @APIResponse(responseCode = "400", description = "Not 'approve' or 'decline'")
    @APIResponse(responseCode = "403", description = "Not a coordinator of its cities")
    @APIResponse(responseCode = "404", description = "No such event, or one the caller may not see")
    @APIResponse(responseCode = "409", description = "Not a proposal")
    @SignedIn
    public EventView decide(@PathParam("id") long id, Approval body) {
        return views.view(caller.identity(), service.decide(caller.require(), id, body));
    }

    @PUT
    @Path("{id}/rsvp")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Answer an event", description = "{\"status\": \"going\" | \"interested\" | \"not_going\"}. "
            + "When the event is full, 'going' puts the caller on the waiting list: the answer's status is 'waiting', "
            + "with their position. A recurring event is answered as a series.")
    @APIResponse(responseCode = "200", description = "The caller's answer and the counts",
            content = @Content(schema = @Schema(ref = "RsvpView")))
    @APIResponse(responseCode = "400", description = "Not a known status")
    @APIResponse(responseCode = "404", description = "No such event, or one the caller may not see")
    @APIResponse(responseCode = "409", description = "Not published, or over")
    @SignedIn
    public RsvpView rsvp(@PathParam("id") long id, RsvpRequest body) {
        Caller.Identity who = caller.require();
        return rsvps.answer(who, id, body == null ? null : body.status());
    }

    @DELETE
    @Path("{id}/rsvp")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Withdraw an answer", description = "A place it frees goes to the first waiter.")
    @APIResponse(responseCode = "200", description = "The counts, without an answer",
            content = @Content(schema = @Schema(ref = "RsvpView")))
    @APIResponse(responseCode = "404", description = "No such event, or one the caller may not see")
    @APIResponse(responseCode = "409", description = "Not published, or over")
    @SignedIn
    public RsvpView withdraw(@PathParam("id") long id) {
        return rsvps.withdraw(caller.require(), id);
    }

    @GET
    @Path("{id}.ics")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "An event as iCalendar", description = "RFC 5545, with its zone (TZID and VTIMEZONE), its "
            + "RRULE if it recurs, a stable UID and its URL; cacheable (ETag). Always text/calendar, whatever the "
            + "client accepts (calendar applications send all sorts of Accept headers).")
    @APIResponse(responseCode = "200", description = "The calendar", content = @Content(mediaType = "text/calendar", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such event, or one the caller may not see")
    public Response ics(@PathParam("id") long id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        anonymousReads.check(caller);
        String body = feeds.event(caller.identity(), id, IcsResponses.base(request));
        return IcsResponses.of(body, ifNoneMatch, "event-" + id + ".ics");
    }

    private static Optional<OffsetDateTime> instant(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        if (raw.length() > 40) {
            throw EventsException.invalid(name, "An ISO instant, e.g. 2026-05-01T00:00:00Z.");
        }
        try {
            return Optional.of(OffsetDateTime.parse(raw));
        } catch (DateTimeParseException e) {
            throw EventsException.invalid(name, "An ISO instant, e.g. 2026-05-01T00:00:00Z.");
        }
    }
}
