package org.creativecities.core.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Field;
import java.time.OffsetDateTime;
import java.util.List;
import org.creativecities.core.identity.Account;
import org.junit.jupiter.api.Test;

/** The directory's folded search keys, as the database compares them. */
class ProfileSearchKeysTest {

    @Test
    void tagsBecomeFoldedWords() {
        assertEquals("sound design", Profile.tagWords("  Sound   Design "));
        assertEquals("eclairage scenique", Profile.tagWords("Éclairage Scénique"));
        assertEquals("3d printing", Profile.tagWords("3D-Printing"));
        assertEquals("c++", Profile.tagWords("C++"));
    }

    @Test
    void keysHoldNameBioAndTagsFolded() throws ReflectiveOperationException {
        Profile profile = new Profile(new Account("zoe@example.org", "Zoë Ñúñez", "x", false, OffsetDateTime.now()));
        profile.setBio("Atelier de Céramique");
        profile.setExpertise(List.of("sound design", "zoë-gravure"));
        profile.refreshSearchKeys();
        assertEquals("zoe nunez atelier de ceramique sound design zoe-gravure", read(profile, "searchText"));
        assertEquals(" sound design | zoe gravure ", read(profile, "searchTags"));

        profile.setExpertise(List.of());
        profile.refreshSearchKeys();
        assertNull(read(profile, "searchTags"));
    }

    private static Object read(Profile profile, String name) throws ReflectiveOperationException {
        Field field = Profile.class.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(profile);
    }
}
