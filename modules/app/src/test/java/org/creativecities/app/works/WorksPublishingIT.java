package org.creativecities.app.works;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Public works outside the network: the server-rendered page, downloads and Atom feeds, on the packaged server. */
@ExtendWith(SharedServer.class)
class WorksPublishingIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<byte[]> fetch(PackagedServer server, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(server.baseUri().resolve(path))
                .header("X-Forwarded-For", TestUser.freshIp()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aPublicWorkHasAPageWithJsonLdOpenGraphAndItsLicence(PackagedServer server, Api api) throws Exception {
        TestUser ana = WorksLifecycleIT.member(server, api, "Ana Page", "lyon");
        long id = WorksLifecycleIT.create(ana, "title", "Lights <of> Lyon", "summary", "A walk by night.",
                "content", "# Fête\n\nThe *lights* of <script>alert(1)</script> Lyon.", "languages", List.of("fr"));
        assertEquals(404, fetch(server, "/works/" + id + ".html").statusCode(), "a draft has no public page");
        ana.post("/api/works/" + id + "/publish", Api.json("licence", "CC-BY-4.0")).expect(200);

        HttpResponse<byte[]> page = fetch(server, "/works/" + id + ".html");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String html = new String(page.body(), StandardCharsets.UTF_8);
        assertTrue(html.contains("<meta property=\"og:title\" content=\"Lights &lt;of&gt; Lyon\">"), html);
        assertTrue(html.contains("<meta property=\"og:type\" content=\"article\">"), html);
        assertTrue(html.contains("<link rel=\"license\" href=\"https://creativecommons.org/licenses/by/4.0/\">"));
        assertFalse(html.contains("<script>alert"), "the Markdown's HTML is escaped and sanitised");
        assertTrue(html.contains("<em>lights</em>"), html);
        Matcher ld = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL)
                .matcher(html);
        assertTrue(ld.find(), "JSON-LD present");
        JsonObject creativeWork = Api.parse(ld.group(1).replace("<\\/", "</")).asJsonObject();
        assertEquals("https://schema.org", creativeWork.getString("@context"));
        assertEquals("CreativeWork", creativeWork.getString("@type"));
        assertEquals("Lights <of> Lyon", creativeWork.getString("name"));
        assertEquals("https://creativecommons.org/licenses/by/4.0/", creativeWork.getString("license"));
        assertEquals("Ana Page", creativeWork.getJsonArray("author").getJsonObject(0).getString("name"));
        assertEquals("Lyon", creativeWork.getJsonArray("author").getJsonObject(0).getJsonObject("homeLocation")
                .getString("name"));
        assertEquals(404, fetch(server, "/works/999999999.html").statusCode());
        // The UI shell keeps /works/{id} for the browser app.
        HttpResponse<byte[]> shell = fetch(server, "/works/" + id);
        assertEquals(200, shell.statusCode());
        assertFalse(new String(shell.body(), StandardCharsets.UTF_8).contains("application/ld+json"));
    }

    @Test
    void downloadsAsMarkdownHtmlAndZipWithLicenceAndAttribution(PackagedServer server, Api api) throws Exception {
        TestUser ana = WorksLifecycleIT.member(server, api, "Ana Export", "lyon");
        TestUser ben = TestUser.register(api, "Ben Export");
        long source = WorksLifecycleIT.create(ana, "title", "Source Text", "content", "origin\n");
        ana.post("/api/works/" + source + "/publish", Api.json()).expect(200);
        long id = ben.post("/api/works/" + source + "/fork", Api.json("title", "Derived Text")).expect(201).object()
                .getJsonNumber("id").longValue();
        ben.patch("/api/works/" + id, Api.json("content", "# Derived\n\norigin, changed\n")).expect(200);

        Api.Response md = ben.get("/api/works/" + id + "/export?format=md").expect(200);
        assertEquals("# Derived\n\norigin, changed\n", md.body());
        assertTrue(md.header("Content-Disposition").orElse("").startsWith("attachment"));
        assertTrue(ben.get("/api/works/" + id + "/export?format=html").expect(200).body()
                .contains("<h1>Derived</h1>"));
        api.get("/api/works/" + id + "/export?format=md").expect(404);
        ben.get("/api/works/" + id + "/export?format=docx").expect(400);

        HttpResponse<byte[]> zip = HTTP.send(HttpRequest.newBuilder(server.baseUri().resolve("/api/works/" + id
                + "/export?format=zip")).header("Authorization", "Bearer " + ben.token())
                .header("X-Forwarded-For", ben.ip()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, zip.statusCode());
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertEquals(List.of("work.md", "work.html", "LICENSE", "ATTRIBUTION"), new ArrayList<>(files.keySet()));
        assertEquals("# Derived\n\norigin, changed\n", files.get("work.md"));
        assertTrue(files.get("LICENSE").contains("CC-BY-SA-4.0"));
        assertTrue(files.get("LICENSE").contains("https://creativecommons.org/licenses/by-sa/4.0/"));
        assertEquals("*Derived Text* by Ben Export, CC BY-SA 4.0\n"
                + "Based on *Source Text* by Ana Export (Lyon), CC BY-SA 4.0\n", files.get("ATTRIBUTION"));
    }

    @Test
    void atomFeedsOfACityAndAFieldAreValidAndListNewPublicWorks(PackagedServer server, Api api) throws Exception {
        TestUser ana = WorksLifecycleIT.member(server, api, "Ana Feed", "lyon");
        long published = WorksLifecycleIT.create(ana, "title", "Feed & Friends", "fields", List.of("media-arts"),
                "cities", List.of("dakar"), "content", "Hello **feed** \u0001");
        ana.post("/api/works/" + published + "/publish", Api.json()).expect(200);
        long draft = WorksLifecycleIT.create(ana, "title", "Not yet", "fields", List.of("media-arts"));

        for (String path : List.of("/feeds/cities/lyon.atom", "/feeds/cities/dakar.atom",
                "/feeds/fields/media-arts.atom")) {
            HttpResponse<byte[]> feed = fetch(server, path);
            assertEquals(200, feed.statusCode(), path);
            assertTrue(feed.headers().firstValue("Content-Type").orElse("").startsWith("application/atom+xml"));
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(feed.body()));
            Element root = doc.getDocumentElement();
            assertEquals("feed", root.getLocalName());
            assertEquals("http://www.w3.org/2005/Atom", root.getNamespaceURI());
            for (String required : List.of("id", "title", "updated")) {
                assertEquals(1, children(root, required).size(), path + " has one " + required);
            }
            List<String> titles = new ArrayList<>();
            for (Element entry : children(root, "entry")) {
                for (String required : List.of("id", "title", "updated", "author")) {
                    assertFalse(children(entry, required).isEmpty(), "entry has " + required);
                }
                titles.add(children(entry, "title").get(0).getTextContent());
            }
            assertTrue(titles.contains("Feed & Friends"), path + ": " + titles);
            assertFalse(titles.contains("Not yet"), path);
        }
        assertEquals(404, fetch(server, "/feeds/cities/atlantis.atom").statusCode());
        assertEquals(404, fetch(server, "/feeds/fields/juggling.atom").statusCode());
        // As on every operation of the API document: an unknown query parameter is refused, not ignored.
        HttpResponse<byte[]> unknown = fetch(server, "/feeds/cities/lyon.atom?zzUnknown=1");
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(new String(unknown.body(), StandardCharsets.UTF_8).contains("zzUnknown"));
        // The same problem as the API's operations answer: its type, and one field error per unknown name, sorted.
        HttpResponse<byte[]> two = fetch(server, "/feeds/fields/media-arts.atom?zzB=1&zzA=2");
        JsonObject problem = Json.createReader(new ByteArrayInputStream(two.body())).readObject();
        assertEquals(400, two.statusCode());
        assertEquals("/problems/unknown-parameter", problem.getString("type"), problem.toString());
        assertEquals("Unknown query parameter", problem.getString("title"));
        assertEquals("Unknown query parameter(s): zzA, zzB.", problem.getString("detail"));
        assertEquals(List.of("zzA", "zzB"), problem.getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field")).toList(), problem.toString());
        assertEquals("this operation takes no query parameters",
                problem.getJsonArray("errors").getJsonObject(0).getString("message"));
        assertEquals("/feeds/fields/media-arts.atom", problem.getString("instance"));
        assertTrue(draft > 0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }
}
