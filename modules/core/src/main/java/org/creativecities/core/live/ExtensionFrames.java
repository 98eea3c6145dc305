package org.creativecities.core.live;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The frames of the contexts outside the core ({@link LiveExtension}), recognised by their type's prefix before
 * parsing ({@link LiveExtensions#claim}): each is charged to its extension's own rate limits (a visitor's to the
 * visitors' limit), gets the checks every frame gets, and goes to its extension, which hears once when a connection
 * that used it is gone.
 */
final class ExtensionFrames {

    private static final Logger LOG = Logger.getLogger(ExtensionFrames.class.getName());

    private final LiveExtensions extensions;
    private final FrameRates rates;
    private final FrameRefusals refusals;

    ExtensionFrames(LiveExtensions extensions, FrameRates rates, FrameRefusals refusals) {
        this.extensions = extensions;
        this.rates = rates;
        this.refusals = refusals;
    }

    /** The extension whose frame this text is, or null for a room frame. */
    LiveExtensions.Route claim(String text) {
        return extensions.claim(text);
    }

    /** A frame of an extension. The type parsed must be the one the limits were charged to. */
    void frame(Connection c, LiveExtensions.Route route, String text) {
        String[] frameId = new String[1];
        try {
            boolean admitted = c.who().map(w -> route.admit(c.id(), w.id())).orElseGet(() -> rates.admitVisitor(c));
            if (!admitted) {
                refusals.rateLimited(c, text);
                return;
            }
            FrameDecoder.Parsed parsed = FrameDecoder.parsed(text, id -> frameId[0] = id);
            if (extensions.routeOf(parsed.type()).orElse(null) != route) {
                throw new LiveException(LiveError.BAD_FRAME, "A frame has one 'type'.");
            }
            c.extended();
            route.extension.frame(c, parsed.body());
        } catch (LiveRefusal e) {
            c.send(Frames.error(e.code(), e.getMessage(), frameId[0], e.scope(), e.scopeId()));
        } catch (RuntimeException e) {
            refusals.refused(c, e, frameId[0], null);
        }
    }

    /** Tells the extensions a connection that used them is gone; once per connection. */
    void disconnected(Connection c) {
        if (!c.isExtended() || !c.leftExtensions()) {
            return;
        }
        for (LiveExtension e : extensions.all()) {
            try {
                e.disconnected(c);
            } catch (RuntimeException failure) {
                LOG.log(Level.WARNING, "A live extension failed to forget a connection", failure);
            }
        }
    }
}
