package org.creativecities.core.activity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.creativecities.core.activity.ActivityDtos.Activity;
import org.creativecities.core.activity.ActivityDtos.CityRef;
import org.creativecities.core.activity.ActivityDtos.Kind;
import org.creativecities.core.activity.ActivityDtos.RoomRef;

/**
 * Reads recent public events. What a visitor may see, and nothing more: cities that are not retired, active
 * memberships (names already public on member lists), rooms that people opened (not the default rooms every
 * city gets) and conversations, both only in public, unarchived spaces of cities that are not retired or of
 * the network's fields. Message text, authors of messages, members-only spaces, pending or rejected requests
 * never appear.
 */
@ApplicationScoped
public class ActivityFeed {

    /** How many recent messages are scanned to find the latest conversations. */
    private static final int MESSAGE_SAMPLE = 1000;

    private static final String PUBLIC_ROOM = " FROM room r JOIN space s ON s.id = r.space_id"
            + " LEFT JOIN city c ON c.id = s.city_id LEFT JOIN creative_field f ON f.id = c.current_field_id"
            + " WHERE s.visibility = 'PUBLIC' AND s.archived = FALSE AND r.archived = FALSE"
            + " AND c.retired_at IS NULL";

    private static final String ROOM_COLUMNS = "r.id, r.name, r.kind, s.id, s.name, s.field_slug, c.slug, c.name,"
            + " c.country_code, f.slug";

    @PersistenceContext(unitName = "ccc")
    private EntityManager em;

    /** The latest public events, newest first. */
    public List<Activity> recent(int limit) {
        List<Activity> all = new ArrayList<>();
        all.addAll(citiesJoined(limit));
        all.addAll(membersJoined(limit));
        all.addAll(roomsOpened(limit));
        all.addAll(discussions(limit));
        return all.stream().sorted(Comparator.comparing(Activity::at).reversed()).limit(limit).toList();
    }

    private List<Activity> citiesJoined(int limit) {
        return rows("SELECT c.slug, c.name, c.country_code, f.slug, c.created_at FROM city c"
                + " LEFT JOIN creative_field f ON f.id = c.current_field_id WHERE c.retired_at IS NULL"
                + " AND NOT EXISTS (SELECT 1 FROM seed_import i WHERE i.city_id = c.id)"
                + " ORDER BY c.created_at DESC", limit).stream()
                .map(r -> new Activity(Kind.CITY_JOINED, time(r[4]),
                        new CityRef((String) r[0], (String) r[1], trim(r[2]), (String) r[3]), null, null, null))
                .toList();
    }

    private List<Activity> membersJoined(int limit) {
        return rows("SELECT a.display_name, c.slug, c.name, c.country_code, f.slug, m.decided_at"
                + " FROM city_membership m JOIN account a ON a.id = m.account_id JOIN city c ON c.id = m.city_id"
                + " LEFT JOIN creative_field f ON f.id = c.current_field_id"
                + " WHERE m.status = 'ACTIVE' AND m.decided_at IS NOT NULL AND c.retired_at IS NULL"
                + " ORDER BY m.decided_at DESC", limit).stream()
                .map(r -> new Activity(Kind.MEMBER_JOINED, time(r[5]),
                        new CityRef((String) r[1], (String) r[2], trim(r[3]), (String) r[4]), (String) r[0], null,
                        null))
                .toList();
    }

    private List<Activity> roomsOpened(int limit) {
        return rows("SELECT " + ROOM_COLUMNS + ", r.created_at" + PUBLIC_ROOM
                + " AND r.created_by IS NOT NULL ORDER BY r.created_at DESC", limit).stream()
                .map(r -> roomEvent(Kind.ROOM_OPENED, r, time(r[10])))
                .toList();
    }

    private List<Activity> discussions(int limit) {
        List<Object[]> latest = rows("SELECT " + ROOM_COLUMNS + ", e.created_at" + PUBLIC_ROOM.replace(
                " FROM room r", " FROM room_event e JOIN room r ON r.id = e.room_id")
                + " AND e.event_type = 'message' AND e.deleted = FALSE ORDER BY e.id DESC", MESSAGE_SAMPLE);
        Map<Long, Activity> byRoom = new LinkedHashMap<>();
        for (Object[] r : latest) {
            long roomId = ((Number) r[0]).longValue();
            if (!byRoom.containsKey(roomId)) {
                if (byRoom.size() == limit) {
                    break;
                }
                byRoom.put(roomId, roomEvent(Kind.DISCUSSION, r, time(r[10])));
            }
        }
        return List.copyOf(byRoom.values());
    }

    private static Activity roomEvent(Kind kind, Object[] r, OffsetDateTime at) {
        RoomRef room = new RoomRef(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                ((Number) r[3]).longValue(), (String) r[4]);
        CityRef city = r[6] == null ? null : new CityRef((String) r[6], (String) r[7], trim(r[8]), (String) r[9]);
        return new Activity(kind, at, city, null, room, (String) r[5]);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, int limit) {
        return em.createNativeQuery(sql).setMaxResults(limit).getResultList();
    }

    private static String trim(Object code) {
        return code == null ? null : code.toString().trim();
    }

    private static OffsetDateTime time(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("Unexpected time value " + value);
    }
}
