package org.creativecities.projects.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SkillTermsTest {

    private static SkillTerms shipped() {
        InputStream in = SkillTerms.class.getResourceAsStream("/org/creativecities/projects/synonyms.txt");
        return new SkillTerms(SkillTerms.parse(in));
    }

    @Test
    void foldingDropsAccentsCaseAndPunctuation() {
        assertEquals("createur sonore", SkillTerms.fold("  Créateur   SONORE "));
        assertEquals("ceramiste", SkillTerms.fold("CÉRAMISTE"));
        assertEquals("commissaire d exposition", SkillTerms.fold("Commissaire d’exposition"));
        assertEquals("istanbul", SkillTerms.fold("İstanbul"));
        assertEquals("", SkillTerms.fold(null));
    }

    @Test
    void theShippedListExpandsNearSynonyms() {
        SkillTerms terms = shipped();
        Set<String> sound = terms.expand("Sound Designer");
        assertTrue(sound.containsAll(List.of("sound designer", "sound design", "audio designer", "createur sonore")));
        assertTrue(terms.expand("illustrator").contains("illustration"));
        assertEquals(Set.of("juggler"), terms.expand("Juggler"));
    }

    @Test
    void aTagMatchesThroughAccentsSynonymsAndWholeWordsOnly() {
        SkillTerms terms = shipped();
        assertTrue(terms.matches("Créateur sonore", "createur sonore"));
        assertTrue(terms.matches("sound designer", "Audio Designer"));
        assertTrue(terms.matches("Illustrator", "illustration"));
        assertTrue(terms.matches("sound designer for a film about rivers", "Sound design"));
        assertFalse(terms.matches("sound designer", "graphic design"));
        assertFalse(terms.matches("cook", "cookbook writer"));
        assertFalse(terms.matches("", "anything"));
    }

    @Test
    void administratorsGroupsAreParsedLikeTheShippedOnes() {
        String text = "# a comment\n\nluthier | instrument maker |  | luthière\n";
        List<List<String>> groups = SkillTerms.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(List.of("luthier", "instrument maker", "luthière")), groups);
        assertTrue(new SkillTerms(groups).matches("Luthiere", "instrument maker"));
    }
}
