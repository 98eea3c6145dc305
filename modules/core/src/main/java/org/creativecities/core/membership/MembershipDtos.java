package org.creativecities.core.membership;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/** What the membership API reads and writes. */
public final class MembershipDtos {

    private MembershipDtos() {
    }

    /** A membership seen from the person's side. */
    public record MyMembership(String city, String cityName, String role, String status, OffsetDateTime requestedAt) {
        static MyMembership of(Membership m) {
            return new MyMembership(m.city().slug(), m.city().name(), m.role().name(), m.status().name(),
                    m.requestedAt());
        }
    }

    /** A member or request seen from the city's side. */
    public record Member(long accountId, String displayName, String role, String status, OffsetDateTime requestedAt,
                         OffsetDateTime decidedAt) {
        static Member of(Membership m) {
            return new Member(m.account().id(), m.account().displayName(), m.role().name(), m.status().name(),
                    m.requestedAt(), m.decidedAt());
        }
    }

    /** A role change. */
    public record RoleChange(@NotNull(message = "Missing role.") Membership.Role role) {
    }

    /** A home city on a profile. */
    public record CityRef(String slug, String name) {
    }

    /** A public profile. */
    public record ProfileView(long id, String displayName, String bio, CityRef homeCity, Set<String> fields,
                              Set<String> expertise, Set<String> languages, List<MyMembership> cities) {
    }

    /** The caller's own account, profile and memberships. */
    public record Me(long id, String email, String displayName, boolean admin, ProfileView profile,
                     List<MyMembership> memberships) {
    }

    /** Changes to a profile; absent properties stay as they are, an empty list clears. */
    public record ProfileUpdate(
            @Size(min = 2, max = 80, message = "Between 2 and 80 characters.") String displayName,
            @Size(max = 4000, message = "At most 4000 characters.") String bio,
            @Size(max = 160, message = "At most 160 characters.") String homeCity,
            @Size(max = 9, message = "At most 9 fields.")
            List<@NotNull @Size(max = 64, message = "At most 64 characters.") String> fields,
            @Size(max = 20, message = "At most 20 expertise tags.")
            List<@NotNull @Pattern(regexp = "^[\\p{L}\\p{N}][\\p{L}\\p{N} .+#&/-]{0,49}$",
                    message = "A tag of 1 to 50 letters, digits, spaces or .+#&/-") String> expertise,
            @Size(max = 10, message = "At most 10 languages.")
            List<@NotNull @Pattern(regexp = "^[a-z]{2,3}(-[A-Z]{2})?$",
                    message = "A language code such as 'fr' or 'pt-BR'.") String> languages) {
    }
}
