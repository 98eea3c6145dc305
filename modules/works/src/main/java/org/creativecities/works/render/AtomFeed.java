package org.creativecities.works.render;

import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.creativecities.works.app.CityNewsSource;
import org.creativecities.works.app.Feeds.Feed;
import org.creativecities.works.app.WorkDtos.AuthorView;
import org.creativecities.works.app.WorkDtos.WorkView;
import org.creativecities.works.app.WorkViews;

/**
 * Writes an Atom 1.0 feed (RFC 4287) of new public works with the JDK's XML writer, so the output is always
 * well-formed: the feed's id, title, updated, self and alternate links; per work its page as id and link, title,
 * authors, published and updated times, summary, rights (the licence) and its HTML as content; then the other
 * contexts' news ({@link CityNewsSource.NewsItem}), each with its id, title, link, author, updated time, summary and
 * content.
 */
public final class AtomFeed {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private AtomFeed() {
    }

    public static String write(Feed feed, String baseUrl) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = FACTORY.createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.setDefaultNamespace(ATOM);
            x.writeStartElement(ATOM, "feed");
            x.writeDefaultNamespace(ATOM);
            String self = baseUrl + "/feeds/" + feed.kind() + "/" + feed.slug() + ".atom";
            element(x, "id", self);
            element(x, "title", (feed.news().isEmpty() ? "New works: " : "News: ") + feed.name()
                    + " (Creative Cities Commons)");
            OffsetDateTime updated = Stream.concat(feed.works().stream().map(WorkView::updatedAt),
                            feed.news().stream().map(CityNewsSource.NewsItem::updated))
                    .max(OffsetDateTime::compareTo).orElse(OffsetDateTime.of(2004, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
            element(x, "updated", time(updated));
            link(x, "self", self, "application/atom+xml");
            link(x, "alternate", baseUrl + "/" + feed.kind() + "/" + feed.slug(), "text/html");
            x.writeStartElement(ATOM, "author");
            element(x, "name", "Creative Cities Commons");
            x.writeEndElement();
            element(x, "generator", "Creative Cities Commons");
            for (WorkView work : feed.works()) {
                entry(x, work, baseUrl);
            }
            for (CityNewsSource.NewsItem item : feed.news()) {
                entry(x, item, baseUrl);
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write the feed", e);
        }
        return out.toString();
    }

    private static void entry(XMLStreamWriter x, WorkView work, String baseUrl) throws XMLStreamException {
        String url = baseUrl + WorkViews.pageUrl(work.id());
        x.writeStartElement(ATOM, "entry");
        element(x, "id", url);
        element(x, "title", work.title());
        link(x, "alternate", url, "text/html");
        link(x, "license", work.licence().url(), null);
        for (AuthorView a : work.authors()) {
            x.writeStartElement(ATOM, "author");
            element(x, "name", a.city() == null ? a.displayName() : a.displayName() + " (" + a.city().name() + ")");
            x.writeEndElement();
        }
        if (work.publishedAt() != null) {
            element(x, "published", time(work.publishedAt()));
        }
        element(x, "updated", time(work.updatedAt()));
        element(x, "summary", work.summary() != null ? work.summary() : work.attribution().replace("*", ""));
        element(x, "rights", work.attribution().replace("*", "") + " (" + work.licence().url() + ")");
        x.writeStartElement(ATOM, "content");
        x.writeAttribute("type", "html");
        x.writeCharacters(xmlSafe(WorkDocuments.html(work)));
        x.writeEndElement();
        x.writeEndElement();
    }

    private static void entry(XMLStreamWriter x, CityNewsSource.NewsItem item, String baseUrl)
            throws XMLStreamException {
        x.writeStartElement(ATOM, "entry");
        element(x, "id", baseUrl + item.id());
        element(x, "title", item.title());
        link(x, "alternate", baseUrl + item.path(), "text/html");
        x.writeStartElement(ATOM, "author");
        element(x, "name", item.author());
        x.writeEndElement();
        element(x, "updated", time(item.updated()));
        element(x, "summary", item.summary());
        if (item.html() != null) {
            x.writeStartElement(ATOM, "content");
            x.writeAttribute("type", "html");
            x.writeCharacters(xmlSafe(item.html()));
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(ATOM, name);
        x.writeCharacters(xmlSafe(text));
        x.writeEndElement();
    }

    private static void link(XMLStreamWriter x, String rel, String href, String type) throws XMLStreamException {
        x.writeEmptyElement(ATOM, "link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("href", href);
        if (type != null) {
            x.writeAttribute("type", type);
        }
    }

    private static String time(OffsetDateTime t) {
        return t.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** Drops the characters XML 1.0 cannot carry (control characters other than tab and line breaks). */
    static String xmlSafe(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000).forEach(out::appendCodePoint);
        return out.toString();
    }
}
