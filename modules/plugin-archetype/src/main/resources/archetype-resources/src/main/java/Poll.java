package ${package};

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Set;
import java.util.TreeSet;

/**
 * A poll's state and its state machine: OPEN (members vote yes or no, once each) and CLOSED (votes are refused);
 * a moderator of the room closes an open poll and reopens a closed one. Immutable: each transition returns the
 * next state, or throws {@link PollRefused} with the code and reason the voter sees.
 *
 * @param open   whether votes are accepted
 * @param yes    the yes votes
 * @param no     the no votes
 * @param voters the accounts that voted
 */
public record Poll(boolean open, int yes, int no, Set<Long> voters) {

    public Poll {
        voters = Set.copyOf(voters);
    }

    /** A new, open poll without votes. */
    public static Poll fresh() {
        return new Poll(true, 0, 0, Set.of());
    }

    /** One member's vote, {@code yes} or {@code no}. */
    public Poll vote(long accountId, String choice) {
        if (!open) {
            throw new PollRefused("poll-closed", "The poll is closed.");
        }
        if (voters.contains(accountId)) {
            throw new PollRefused("already-voted", "You have already voted.");
        }
        Set<Long> more = new TreeSet<>(voters);
        more.add(accountId);
        return switch (choice) {
            case "yes" -> new Poll(true, yes + 1, no, more);
            case "no" -> new Poll(true, yes, no + 1, more);
            default -> throw new PollRefused("bad-choice", "Vote yes or no.");
        };
    }

    /** Closes the poll; only a moderator of the room may. */
    public Poll close(boolean moderator) {
        if (!moderator) {
            throw new PollRefused("not-moderator", "Only the room's creator or a coordinator closes the poll.");
        }
        if (!open) {
            throw new PollRefused("poll-closed", "The poll is already closed.");
        }
        return new Poll(false, yes, no, voters);
    }

    /** Reopens a closed poll, keeping its votes; only a moderator of the room may. */
    public Poll reopen(boolean moderator) {
        if (!moderator) {
            throw new PollRefused("not-moderator", "Only the room's creator or a coordinator reopens the poll.");
        }
        if (open) {
            throw new PollRefused("poll-open", "The poll is already open.");
        }
        return new Poll(true, yes, no, voters);
    }

    /** What clients see: no list of voters, only the counts. */
    public JsonObject view() {
        return Json.createObjectBuilder().add("open", open).add("yes", yes).add("no", no).build();
    }

    /** The stored form. */
    public String toJson() {
        JsonArrayBuilder ids = Json.createArrayBuilder();
        voters.stream().sorted().forEach(ids::add);
        return Json.createObjectBuilder().add("open", open).add("yes", yes).add("no", no).add("voters", ids)
                .build().toString();
    }

    /** Reads the stored form. */
    public static Poll fromJson(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            JsonObject o = reader.readObject();
            Set<Long> ids = new TreeSet<>();
            o.getJsonArray("voters").getValuesAs(JsonNumber.class).forEach(n -> ids.add(n.longValue()));
            return new Poll(o.getBoolean("open"), o.getInt("yes"), o.getInt("no"), ids);
        }
    }
}
