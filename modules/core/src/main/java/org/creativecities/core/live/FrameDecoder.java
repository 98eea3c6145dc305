package org.creativecities.core.live;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.util.Optional;

/**
 * Client frames from text to {@link ClientFrame} records, limits first: the frame's size was capped before it got
 * here ({@link LiveEndpoint#MAX_FRAME}); its nesting and numbers are checked before it is parsed ({@link FrameGuard});
 * then it must be one JSON object with a known {@code type}, a {@code room}, and each field of its kind well typed
 * and within its bounds. Every refusal is a {@link LiveException}.
 *
 * <p>Decoding is in two steps, so that a refusal of the second can still name the frame's id and room:
 * {@link #envelope} reads what every frame has, {@link #decode} the rest.
 */
final class FrameDecoder {

    /** Created once: {@code Json.createReader} looks the JSON-P provider up (a class-path scan) on every call. */
    private static final JsonParserFactory PARSERS = Json.createParserFactory(null);

    /** Longest client message id. */
    static final int MAX_CLIENT_MESSAGE_ID = 64;

    /** Longest emoji of a reaction, in characters. */
    static final int MAX_EMOJI = 32;

    /**
     * What every frame has.
     *
     * @param id   the client's frame id, or null
     * @param type the frame's type
     * @param room the room it concerns
     * @param body the whole frame
     */
    record Envelope(String id, String type, long room, JsonObject body) {
    }

    private FrameDecoder() {
    }

    /** The id a client gave a frame, read without parsing it (for refusals before parsing). */
    static Optional<String> idOf(String text) {
        return FrameGuard.frameId(text);
    }

    /**
     * A frame parsed, before its kind is known.
     *
     * @param id   the client's frame id, or null
     * @param type the frame's type
     * @param body the whole frame
     */
    record Parsed(String id, String type, JsonObject body) {
    }

    /** Checks the frame's limits and parses it; the id is read first, so that later refusals can name it. */
    static Envelope envelope(String text, java.util.function.Consumer<String> idFound) {
        Parsed p = parsed(text, idFound);
        return new Envelope(p.id(), p.type(), requiredLong(p.body(), "room"), p.body());
    }

    /** Checks the frame's limits, parses it and reads its id (told first) and type. */
    static Parsed parsed(String text, java.util.function.Consumer<String> idFound) {
        FrameGuard.check(text);
        JsonObject f = parse(text);
        String id = optionalString(f, "id").orElse(null);
        idFound.accept(id);
        String type = optionalString(f, "type")
                .orElseThrow(() -> new LiveException(LiveError.BAD_FRAME, "Every frame needs a 'type'."));
        return new Parsed(id, type, f);
    }

    /** The frame of this kind, every field checked. */
    static ClientFrame decode(Envelope e) {
        JsonObject f = e.body();
        String id = e.id();
        long room = e.room();
        return switch (e.type()) {
            case "join" -> new ClientFrame.Join(id, room, optionalLong(f, "since").orElse(null));
            case "leave" -> new ClientFrame.Leave(id, room);
            case "post" -> {
                String clientMessageId = requiredString(f, "clientMessageId");
                if (clientMessageId.isBlank() || clientMessageId.length() > MAX_CLIENT_MESSAGE_ID) {
                    throw new LiveException(LiveError.BAD_FRAME, "'clientMessageId' has 1 to "
                            + MAX_CLIENT_MESSAGE_ID + " characters.");
                }
                String text = requiredString(f, "text");
                Long replyTo = optionalLong(f, "replyTo").orElse(null);
                LiveService.checkText(text);
                yield new ClientFrame.Post(id, room, clientMessageId, text, replyTo);
            }
            case "edit" -> {
                long target = requiredLong(f, "target");
                String text = requiredString(f, "text");
                LiveService.checkText(text);
                yield new ClientFrame.Edit(id, room, target, text);
            }
            case "delete" -> new ClientFrame.Delete(id, room, requiredLong(f, "target"));
            case "react" -> {
                String action = optionalString(f, "action").orElse("add");
                if (!action.equals("add") && !action.equals("remove")) {
                    throw new LiveException(LiveError.BAD_FRAME, "'action' is add or remove.");
                }
                long target = requiredLong(f, "target");
                String emoji = requiredString(f, "emoji");
                if (emoji.isBlank() || emoji.length() > MAX_EMOJI) {
                    throw new LiveException(LiveError.BAD_FRAME, "An emoji of 1 to " + MAX_EMOJI + " characters.");
                }
                yield new ClientFrame.React(id, room, target, emoji, action.equals("add"));
            }
            case "typing" -> new ClientFrame.Typing(id, room);
            case "action" -> new ClientFrame.Action(id, room, f);
            default -> throw new LiveException(LiveError.BAD_FRAME, "Unknown frame type '" + e.type() + "'.");
        };
    }

    /** One JSON object and nothing after it (text after the object is refused, not ignored). */
    private static JsonObject parse(String text) {
        try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new LiveException(LiveError.BAD_FRAME, "A frame is a JSON object.");
            }
            JsonObject frame = parser.getObject();
            if (parser.hasNext()) {
                throw new LiveException(LiveError.BAD_FRAME, "A frame is one JSON object, with nothing after it.");
            }
            return frame;
        } catch (JsonException | IllegalStateException e) {
            throw new LiveException(LiveError.BAD_FRAME, "A frame is a JSON object.");
        }
    }

    private static Optional<String> optionalString(JsonObject f, String name) {
        JsonValue v = f.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            throw new LiveException(LiveError.BAD_FRAME, "'" + name + "' must be a string.");
        }
        String value = ((JsonString) v).getString();
        if (!FrameGuard.isWellFormed(value)) {
            throw new LiveException(LiveError.BAD_FRAME, "'" + name + "' is not valid text (an unpaired surrogate or the "
                    + "NUL character).");
        }
        return Optional.of(value);
    }

    private static String requiredString(JsonObject f, String name) {
        return optionalString(f, name)
                .orElseThrow(() -> new LiveException(LiveError.BAD_FRAME, "Missing '" + name + "'."));
    }

    private static Optional<Long> optionalLong(JsonObject f, String name) {
        JsonValue v = f.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (v.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) v).isIntegral()) {
            throw new LiveException(LiveError.BAD_FRAME, "'" + name + "' must be an integer.");
        }
        try {
            return Optional.of(((JsonNumber) v).longValueExact());
        } catch (ArithmeticException e) {
            throw new LiveException(LiveError.BAD_NUMBER, "'" + name + "' is out of range.");
        }
    }

    private static long requiredLong(JsonObject f, String name) {
        return optionalLong(f, name)
                .orElseThrow(() -> new LiveException(LiveError.BAD_FRAME, "Missing '" + name + "'."));
    }
}
