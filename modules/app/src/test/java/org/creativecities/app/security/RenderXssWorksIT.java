package org.creativecities.app.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.creativecities.app.live.Rooms;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.creativecities.app.works.WorksEditing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The stored-XSS corpus through what the works and search contexts render on the server: a public work's page
 * ({@code /works/{id}.html}), its HTML download, the Atom feeds, and the highlighted snippets of {@code GET /api/search}.
 * Payloads go into a work's title, summary, tags and content and into a message; nothing active comes out: no script
 * but the JSON-LD (which holds no {@code <} at all, so no {@code </script>} or {@code <!--} breaks out of it), no
 * element or attribute outside the page's allowlist (no event handler, no {@code javascript:} or {@code data:} URL),
 * and snippets whose only markup is {@code <mark>}.
 */
@ExtendWith(SharedServer.class)
class RenderXssWorksIT {

    private static final List<String> PAYLOADS = RenderXss.payloads();
    /** Elements a work's page may hold. */
    private static final Set<String> PAGE_TAGS = Set.of("html", "head", "meta", "title", "link", "script",
            "body", "article", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "strong", "em", "code", "pre",
            "blockquote", "ul", "ol", "li", "a", "hr", "img");
    private static final Set<String> PAGE_ATTRIBUTES = Set.of("lang", "charset", "name", "content", "property", "rel",
            "href", "type", "class", "src", "alt", "start");
    private static final Pattern TAG = Pattern.compile("<(/?)([!A-Za-z][^\\s/>]*)([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([^\\s=/]+)(?:\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+))?");
    private static final Pattern JSON_LD = Pattern.compile(
            "<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL);
    /** A title made to break out of the JSON-LD's script element and the head's attributes. */
    private static final String BREAKOUT = "</script><script>alert(1)</script><!--<script>\" onload=\"alert(2)";

    @Test
    void aPublicWorkMadeOfThePayloadsRendersNothingActive(PackagedServer server, Api api) throws Exception {
        TestUser ana = WorksEditing.member(server, api, "Ana Xss Works", "faenza");
        ana.post("/api/works", Api.json("title", "Tagged", "tags", List.of("<script>alert(1)</script>"))).expect(400);
        long work = WorksEditing.create(ana, "title", BREAKOUT, "summary", String.join(" ", PAYLOADS.subList(0, 20)),
                "content", String.join("\n\n", PAYLOADS), "tags", List.of("xss corpus"), "cities", List.of("faenza"));
        ana.post("/api/works/" + work + "/publish", Api.json("audience", "everyone")).expect(200);
        List<String> bad = new ArrayList<>();
        bad.addAll(inPage("page", publicPage(api, work), BREAKOUT));
        bad.addAll(inPage("export", ana.get("/api/works/" + work + "/export?format=html").expect(200).body(),
                BREAKOUT));
        for (String title : titles()) {
            ana.patch("/api/works/" + work, Api.json("title", title, "summary", title)).expect(200);
            bad.addAll(inPage("title " + title, publicPage(api, work), title));
        }
        bad.addAll(inFeed(TestUser.send(api, TestUser.freshIp(), "GET", "/feeds/cities/faenza.atom", null).expect(200)
                .body(), work));
        assertEquals(List.of(), bad);
    }

    @Test
    void searchSnippetsOfThePayloadsHoldNoMarkupButTheHighlight(PackagedServer server, Api api) {
        List<String> bad = new ArrayList<>();
        try (RenderFixtures.Chat chat = RenderFixtures.Chat.open(server, api, "gabrovo", "Snippets")) {
            // Nine payloads a message, each between two matches, so that every one is in a highlighted passage.
            int messages = 0;
            for (int i = 0; i < PAYLOADS.size(); i += 9) {
                StringBuilder text = new StringBuilder();
                PAYLOADS.subList(i, Math.min(PAYLOADS.size(), i + 9)).forEach(p -> text.append("zqsnip ").append(p)
                        .append(" zqsnip\n"));
                chat.a().send(Rooms.post(chat.room(), "s" + i, text.toString()));
                chat.a().reply("f-s" + i);
                messages++;
            }
            String path = "/api/search?kind=message&size=50&q=" + URLEncoder.encode("zqsnip", StandardCharsets.UTF_8);
            List<JsonObject> hits = awaitHits(chat.reader(), path, messages);
            for (JsonObject hit : hits) {
                String snippet = hit.getString("snippet");
                String bare = snippet.replace("<mark>", "").replace("</mark>", "");
                if (bare.contains("<") || bare.contains(">") || !snippet.contains("<mark>")) {
                    bad.add(snippet);
                }
            }
        }
        assertEquals(List.of(), bad);
    }

    /** The payloads packed into as few titles as the title's limit (200 characters) allows. */
    private static List<String> titles() {
        List<String> titles = new ArrayList<>();
        StringBuilder title = new StringBuilder("T");
        for (String p : PAYLOADS) {
            if (title.length() + 1 + p.length() > 200) {
                titles.add(title.toString());
                title = new StringBuilder("T");
            }
            title.append(' ').append(p);
        }
        titles.add(title.toString());
        return titles;
    }

    private static String publicPage(Api api, long work) {
        return TestUser.send(api, TestUser.freshIp(), "GET", "/works/" + work + ".html", null).expect(200).body();
    }

    /** What in a work's page is active or outside its allowlist; {@code title} must be the JSON-LD's name. */
    private static List<String> inPage(String where, String html, String title) {
        List<String> bad = new ArrayList<>();
        Matcher ld = JSON_LD.matcher(html);
        if (!ld.find()) {
            return List.of(where + ": no JSON-LD");
        }
        String json = ld.group(1);
        if (json.contains("<")) {
            bad.add(where + ": a '<' in the JSON-LD: " + json);
        }
        if (!title.strip().equals(Api.parse(json).asJsonObject().getString("name"))) {
            bad.add(where + ": the JSON-LD's name is not the title");
        }
        // The doctype, and the empty comment the sanitiser leaves where it dropped something, are no elements.
        String rest = (html.substring(0, ld.start()) + "<script>" + html.substring(ld.end()))
                .replace("<!DOCTYPE html>", "").replace("<!-- -->", "");
        int scripts = 0;
        Matcher tag = TAG.matcher(rest);
        while (tag.find()) {
            String name = tag.group(2).toLowerCase(Locale.ROOT);
            if (!PAGE_TAGS.contains(name)) {
                bad.add(where + ": " + tag.group());
                continue;
            }
            if (name.equals("script") && tag.group(1).isEmpty()) {
                scripts++;
            }
            Matcher a = ATTRIBUTE.matcher(tag.group(3));
            while (a.find()) {
                String key = a.group(1).toLowerCase(Locale.ROOT);
                String value = a.group(2) == null ? "" : a.group(2).replaceAll("^[\"']|[\"']$", "")
                        .replaceAll("&#0*58;|&colon;", ":").replaceAll("[\\x00-\\x20]", "").toLowerCase(Locale.ROOT);
                boolean url = key.equals("href") || key.equals("src");
                if (!PAGE_ATTRIBUTES.contains(key) || url && !(value.startsWith("http:") || value.startsWith("https:")
                        || value.startsWith("mailto:") || value.startsWith("/api/media/"))) {
                    bad.add(where + ": " + tag.group());
                }
            }
        }
        if (scripts != 1) {
            bad.add(where + ": " + scripts + " script elements");
        }
        if (TAG.matcher(rest).replaceAll("").contains("<")) {
            bad.add(where + ": a raw '<'");
        }
        return bad;
    }

    /** The feed is well-formed XML, and the work's HTML content passes the page's allowlist. */
    private static List<String> inFeed(String atom, long work) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(atom.getBytes(StandardCharsets.UTF_8)));
        NodeList entries = doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            if (entry.getElementsByTagNameNS("*", "id").item(0).getTextContent().endsWith("/works/" + work + ".html")) {
                String content = entry.getElementsByTagNameNS("*", "content").item(0).getTextContent();
                return inPage("feed", "<script type=\"application/ld+json\">{\"name\":\"x\"}</script>" + content, "x");
            }
        }
        return List.of("the work is not in its city's feed");
    }

    private static List<JsonObject> awaitHits(TestUser reader, String path, int count) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        List<JsonObject> hits = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            List<JsonObject> found = new ArrayList<>();
            for (int page = 1; page <= (count + 49) / 50; page++) {
                reader.get(path + "&page=" + page).expect(200).object().getJsonArray("items")
                        .forEach(v -> found.add(v.asJsonObject()));
            }
            hits = found;
            if (hits.size() >= count) {
                return hits;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the search found " + hits.size() + " of " + count + " messages");
    }
}
