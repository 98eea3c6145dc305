package org.creativecities.app.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The people directory's search ignores accents and case on names, bios and expertise tags, matches a tag by whole
 * words or by a near-synonym of the skill taxonomy, follows a rename, and still pages right, on the packaged server.
 */
@ExtendWith(SharedServer.class)
class DirectorySearchIT {

    @Test
    void searchIgnoresAccentsAndCaseAndMatchesTagsByWholeWords(Api api) {
        String tok = "k" + Long.toString(System.nanoTime(), 36);
        TestUser jose = TestUser.register(api, "José " + tok);
        TestUser bea = TestUser.register(api, "Bea " + tok);
        TestUser carl = TestUser.register(api, "Carl " + tok);
        TestUser dan = TestUser.register(api, "Dan " + tok);
        jose.patch("/api/people/" + jose.id(), Api.json("expertise", Json.createArrayBuilder().add("Sound Design")
                .build())).expect(200);
        bea.patch("/api/people/" + bea.id(), Api.json("bio", "Atelier de Céramique à Lyon, " + tok)).expect(200);
        carl.patch("/api/people/" + carl.id(), Api.json("expertise", Json.createArrayBuilder()
                .add("Éclairage Scénique").add("Zoë-Gravure").build())).expect(200);
        dan.patch("/api/people/" + dan.id(), Api.json("expertise", Json.createArrayBuilder().add("Sound Designer")
                .build())).expect(200);

        assertEquals(List.of(jose.id()), ids(api, "q", "JOSE " + tok.toUpperCase()), "name, accents and case");
        assertEquals(List.of(bea.id()), ids(api, "q", "CERAMIQUE A LYON, " + tok), "bio, accents and case");
        assertEquals(List.of(carl.id()), ids(api, "q", "ZOE-GRAVURE", "tag", "zoe gravure"), "a tag's text");
        assertEquals(List.of(carl.id()), ids(api, "q", tok, "tag", "SCENIQUE"), "a tag asked without accents");
        assertEquals(List.of(carl.id()), ids(api, "q", tok, "tag", "eclairage scénique"), "a whole tag");
        assertEquals(List.of(), ids(api, "q", tok, "tag", "scen"), "a tag matches whole words only");
        assertEquals(List.of(dan.id(), jose.id()), ids(api, "q", tok, "tag", "Sound"), "a word of a tag");
        assertEquals(List.of(jose.id()), ids(api, "q", tok, "tag", "design"), "'design' is not 'designer'");
        assertEquals(List.of(dan.id(), jose.id()), ids(api, "q", tok, "tag", "Audio Designer"),
                "a near-synonym of the skill taxonomy ('audio designer' is in the group of 'sound design(er)')");
        assertEquals(List.of(dan.id(), jose.id()), ids(api, "q", tok, "tag", "créateur sonore"),
                "a near-synonym in French, with its accent");

        bea.patch("/api/people/" + bea.id(), Api.json("displayName", "Béatrice " + tok)).expect(200);
        assertEquals(List.of(bea.id()), ids(api, "q", "beatrice " + tok), "found by the new name, folded");
        assertEquals(List.of(), ids(api, "q", "bea " + tok), "no longer by the old name");

        JsonObject first = page(api, "/api/people?size=3&q=" + enc(tok.toUpperCase()));
        JsonObject second = page(api, "/api/people?size=3&page=2&q=" + enc(tok));
        assertEquals(4, first.getInt("total"));
        assertEquals(4, second.getInt("total"));
        List<Long> all = new ArrayList<>(idsOf(first));
        all.addAll(idsOf(second));
        assertEquals(List.of(bea.id(), carl.id(), dan.id(), jose.id()), all, "pages by name, none twice or lost");
    }

    private static List<Long> ids(Api api, String... namesAndValues) {
        StringBuilder path = new StringBuilder("/api/people?size=50");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            path.append('&').append(namesAndValues[i]).append('=').append(enc(namesAndValues[i + 1]));
        }
        return idsOf(page(api, path.toString()));
    }

    private static JsonObject page(Api api, String path) {
        return api.get(path).expect(200).object();
    }

    private static List<Long> idsOf(JsonObject page) {
        return page.getJsonArray("items").stream().map(v -> v.asJsonObject().getJsonNumber("id").longValue())
                .toList();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
