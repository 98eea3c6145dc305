package org.creativecities.app.foundation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * Issue 17: the audit found no {@code robots.txt} and no sitemap. Crawlers are told to leave the API, the live
 * endpoint and people's own pages alone and where the sitemap is; the sitemap is valid XML in the sitemaps.org
 * namespace, lists the home page, the cities' list, every member city's page and the contexts' pages (events,
 * works, projects), with absolute addresses on the server's own, and nothing private. Both are limited per address.
 */
@ExtendWith(SharedServer.class)
class CrawlerFilesIT {

    @Test
    void robotsTxtKeepsCrawlersOutOfTheApiAndNamesTheSitemap(PackagedServer server, Api api) {
        Api.Response robots = api.request("GET", "/robots.txt").header("X-Forwarded-For", TestUser.freshIp()).send();
        assertEquals(200, robots.status());
        assertTrue(robots.header("Content-Type").orElse("").startsWith("text/plain"), robots.headers().map().toString());
        List<String> lines = robots.body().lines().toList();
        assertTrue(lines.contains("User-agent: *"), robots.body());
        for (String closed : List.of("/api/", "/ws", "/admin", "/me", "/notifications")) {
            assertTrue(lines.contains("Disallow: " + closed), closed + " in " + robots.body());
        }
        assertTrue(lines.contains("Sitemap: " + server.baseUri().toString().replaceAll("/$", "") + "/sitemap.xml"),
                robots.body());
    }

    @Test
    void theSitemapListsThePublicPagesWithAbsoluteAddresses(PackagedServer server, Api api) throws Exception {
        Api.Response sitemap = api.request("GET", "/sitemap.xml").header("X-Forwarded-For", TestUser.freshIp()).send();
        assertEquals(200, sitemap.status());
        assertTrue(sitemap.header("Content-Type").orElse("").startsWith("application/xml"));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document xml = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(sitemap.body().getBytes(StandardCharsets.UTF_8)));
        assertEquals("http://www.sitemaps.org/schemas/sitemap/0.9", xml.getDocumentElement().getNamespaceURI());
        assertEquals("urlset", xml.getDocumentElement().getLocalName());
        NodeList locs = xml.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
        List<String> paths = new ArrayList<>();
        String base = server.baseUri().toString().replaceAll("/$", "");
        for (int i = 0; i < locs.getLength(); i++) {
            String loc = locs.item(i).getTextContent();
            assertTrue(loc.startsWith(base + "/"), "absolute, on the server's address: " + loc);
            paths.add(loc.substring(base.length()));
        }
        for (String page : List.of("/", "/cities", "/cities/lyon", "/cities/santa-fe", "/events", "/works",
                "/projects")) {
            assertTrue(paths.contains(page), page + " is listed");
        }
        assertTrue(paths.stream().filter(p -> p.startsWith("/cities/")).count() > 300, "every member city");
        assertFalse(paths.stream().anyMatch(p -> p.startsWith("/api") || p.startsWith("/admin") || p.startsWith("/me")),
                "nothing private: " + paths);
        assertEquals(paths.size(), paths.stream().distinct().count(), "each page once");
    }

    @Test
    void eachAddressReadsThemALimitedNumberOfTimes(Api api) {
        String address = TestUser.freshIp();
        int status = 0;
        for (int i = 0; i < 70 && status != 429; i++) {
            status = api.request("GET", "/robots.txt").header("X-Forwarded-For", address).send().status();
        }
        assertEquals(429, status, "the address's reads run out");
        Api.Response refused = api.request("GET", "/sitemap.xml").header("X-Forwarded-For", address).send();
        assertEquals(429, refused.status());
        assertTrue(refused.header("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(refused.header("Retry-After").isPresent());
        assertEquals(200, api.request("GET", "/robots.txt").header("X-Forwarded-For", TestUser.freshIp()).send()
                .status(), "another address is not affected");
    }
}
