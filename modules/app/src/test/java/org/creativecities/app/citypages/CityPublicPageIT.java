package org.creativecities.app.citypages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestCities;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A city's public page, rendered on the server for the UI's address: its own title, meta description, OpenGraph
 * tags and JSON-LD that a {@code </script>} in a description cannot break out of, the UI still booting on top; a
 * real 404 for an unknown city; and the city's Atom feed with its new works and its page's updates.
 */
@ExtendWith(SharedServer.class)
class CityPublicPageIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    /** The shell's entry module, under the UI's content-hashed address: the one-file bundle, or ui/app.js (StaticAssets). */
    private static final Pattern BOOTS = Pattern.compile(
            "<script type=\"module\" src=\"/static/[0-9a-f]{16}/(?:bundles|ui)/app\\.js\"></script>");
    private static final String BREAKOUT = "Harbour </script><script>alert('ld')</script> <!-- and more";

    private final TestCities testCities = new TestCities();

    @AfterEach
    void retireTheTestCities() {
        testCities.retireAll();
    }

    private static HttpResponse<String> page(PackagedServer server, String path, String language) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(server.baseUri().resolve(path)).header("Accept", "text/html")
                .header("Accept-Language", language).header("X-Forwarded-For", TestUser.freshIp()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String meta(String html, String attribute, String name) {
        Matcher m = Pattern.compile("<meta " + attribute + "=\"" + Pattern.quote(name) + "\" content=\"([^\"]*)\">")
                .matcher(html);
        assertTrue(m.find(), name + " in " + html);
        return m.group(1);
    }

    @Test
    void theCityPageCarriesItsOwnHeadAndJsonLdThatNothingBreaksOutOf(PackagedServer server, Api api)
            throws Exception {
        TestUser admin = TestUser.admin(server);
        String city = testCities.add(CityBrandIT.city(admin, "Previewville"), admin);
        TestUser coordinator = CityBrandIT.member(api, admin, city, "Pia Preview", true);
        String banner = CityPageFixtures.image(server, coordinator, "Boats & nets at dawn");
        long work = CityPageFixtures.publicWork(coordinator, "Nets and Tides");
        CityBrandIT.edit(coordinator, city, "\"0\"", Json.createObjectBuilder()
                .add("descriptions", Json.createObjectBuilder().add("en", "A **sea** city. " + BREAKOUT)
                        .add("fr", "Une ville de **mer**."))
                .add("banner", banner)
                .add("links", Json.createArrayBuilder().add(Api.json("kind", "website",
                        "url", "https://previewville.example.org/")))
                .add("highlights", Json.createArrayBuilder().add(Api.json("type", "work", "id", work))).build())
                .expect(200);

        HttpResponse<String> r = page(server, "/cities/" + city, "en");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String html = r.body();
        String name = admin.get("/api/cities/" + city).expect(200).object().getString("name");
        assertTrue(html.contains("<title>" + name + " · Creative Cities Commons</title>"), html);
        assertEquals(1, html.split("<title>", -1).length - 1, "one title");
        assertTrue(meta(html, "name", "description").startsWith("A sea city. Harbour &lt;/script&gt;"), html);
        assertEquals(name, meta(html, "property", "og:title"));
        assertEquals(server.baseUri().resolve("/cities/" + city).toString(), meta(html, "property", "og:url"));
        assertEquals(server.baseUri().resolve("/api/media/" + banner).toString(),
                meta(html, "property", "og:image"));
        assertEquals("Boats &amp; nets at dawn", meta(html, "property", "og:image:alt"));
        assertTrue(meta(html, "property", "og:description").contains("sea city"));

        // Nothing a person wrote ends the JSON-LD early or starts a script; the JSON still reads what they wrote.
        assertFalse(html.contains("<script>alert"), html);
        Matcher ld = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL)
                .matcher(html);
        assertTrue(ld.find(), html);
        JsonArray graph = Api.parse(ld.group(1)).asJsonObject().getJsonArray("@graph");
        JsonObject place = graph.getJsonObject(0);
        JsonObject organisation = graph.getJsonObject(1);
        assertEquals("City", place.getString("@type"));
        assertEquals(name, place.getString("name"));
        assertTrue(place.getString("description").contains("</script><script>alert('ld')</script>"),
                place.toString());
        assertEquals("Organization", organisation.getString("@type"));
        assertEquals("https://previewville.example.org/", organisation.getJsonArray("sameAs").getString(0));

        // The first view: the description rendered and sanitised, the pinned work; the UI still boots on top.
        assertTrue(html.contains("<strong>sea</strong>"), html);
        assertTrue(html.contains("href=\"/works/" + work + "\""), html);
        assertTrue(BOOTS.matcher(html).find(), html);
        assertTrue(html.contains("<script type=\"importmap\">"), html);
        assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));

        String french = page(server, "/cities/" + city, "fr").body();
        assertEquals("Une ville de mer.", meta(french, "name", "description"));
        assertEquals("fr", meta(french, "property", "og:locale"));
    }

    @Test
    void anUnknownCityIsARealNotFound(PackagedServer server) throws Exception {
        HttpResponse<String> r = page(server, "/cities/no-such-city-" + System.nanoTime(), "en");
        assertEquals(404, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(r.body().contains("<meta name=\"robots\" content=\"noindex\">"), r.body());
        assertTrue(BOOTS.matcher(r.body()).find(), "the UI still boots");
        assertEquals(200, page(server, "/cities", "en").statusCode(), "other UI addresses are as before");
    }

    @Test
    void theCityFeedCarriesItsNewWorksAndPageUpdates(PackagedServer server, Api api) throws Exception {
        TestUser admin = TestUser.admin(server);
        String city = testCities.add(CityBrandIT.city(admin, "Feedhaven"), admin);
        TestUser coordinator = CityBrandIT.member(api, admin, city, "Fay Feeder", true);
        long work = CityPageFixtures.publicWork(coordinator, "Feed & Harbour");
        CityBrandIT.edit(coordinator, city, "\"0\"", Json.createObjectBuilder().add("descriptions",
                Json.createObjectBuilder().add("en", "First <words> & more")).build()).expect(200);
        CityBrandIT.edit(admin, city, "\"1\"", Json.createObjectBuilder().add("descriptions",
                Json.createObjectBuilder().add("en", "Second words")).build()).expect(200);

        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(server.baseUri().resolve("/feeds/cities/" + city
                + ".atom")).header("X-Forwarded-For", TestUser.freshIp()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/atom+xml"));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document feed = factory.newDocumentBuilder().parse(new ByteArrayInputStream(r.body()));
        assertEquals("feed", feed.getDocumentElement().getLocalName());
        assertEquals(ATOM, feed.getDocumentElement().getNamespaceURI());
        NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
        List<String> titles = new ArrayList<>();
        HashSet<String> ids = new HashSet<>();
        String pageUpdate = null;
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            String title = text(entry, "title");
            titles.add(title);
            assertTrue(ids.add(text(entry, "id")), "unique ids");
            assertFalse(text(entry, "updated").isBlank());
            if (title.endsWith("updated its page") && text(entry, "id").endsWith("#page-1")) {
                pageUpdate = text(entry, "content");
                assertEquals("Fay Feeder", text((Element) entry.getElementsByTagNameNS(ATOM, "author").item(0),
                        "name"));
            }
        }
        assertTrue(titles.contains("Feed & Harbour"), titles.toString());
        assertEquals(2, titles.stream().filter(t -> t.endsWith("updated its page")).count(), titles.toString());
        assertTrue(pageUpdate != null && pageUpdate.contains("&lt;words&gt;"), "escaped HTML content: " + pageUpdate);
        assertTrue(new String(r.body(), StandardCharsets.UTF_8).contains("href=\"" + server.baseUri()
                .resolve("/works/" + work)), "the work's entry links its page");
    }

    private static String text(Element parent, String name) {
        return parent.getElementsByTagNameNS(ATOM, name).item(0).getTextContent();
    }
}
