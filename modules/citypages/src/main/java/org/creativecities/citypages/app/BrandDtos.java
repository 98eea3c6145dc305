package org.creativecities.citypages.app;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** The brand page API's bodies (their schemas are in the OpenAPI document, see web.CityPagesApiBodies). */
public final class BrandDtos {

    private BrandDtos() {
    }

    /**
     * A change to a city's brand page ({@code PATCH /api/cities/{slug}/brand}); absent properties stay as they are.
     *
     * @param descriptions Markdown by BCP 47 language tag; an empty text removes that language
     * @param banner       a media id of an image with alt text; empty removes the banner
     * @param logo         a media id of an image with alt text; empty removes the logo
     * @param links        the links, replacing the old ones
     * @param highlights   the pinned things, replacing the old ones
     */
    public record BrandEdit(Map<String, String> descriptions, String banner, String logo, List<LinkInput> links,
                            List<HighlightInput> highlights) {
    }

    /**
     * A link as given.
     *
     * @param kind website, or a social network (see {@link BrandRules#LINK_KINDS})
     * @param url  an https URL
     */
    public record LinkInput(String kind, String url) {
    }

    /**
     * A pin as given.
     *
     * @param type the kind of thing ({@code work}; events and projects once their modules offer them)
     * @param id   its id
     */
    public record HighlightInput(String type, Long id) {
    }

    /**
     * A city's brand page as read: the reader's language first.
     *
     * @param city         the city's slug
     * @param name         the city's name
     * @param version      the current version (0 before the first edit); the entity tag is {@code "<version>"}
     * @param updatedAt    when it was last edited
     * @param updatedBy    who edited it last
     * @param language     the language of {@code description}: the reader's best match (Accept-Language)
     * @param description  the description in that language, if the page has any
     * @param descriptions every language, the reader's first
     * @param banner       the banner image
     * @param logo         the logo image
     * @param links        website and social links
     * @param highlights   the pinned things that are still public
     */
    public record BrandView(String city, String name, int version, OffsetDateTime updatedAt, PersonView updatedBy,
                            String language, DescriptionView description, List<DescriptionView> descriptions,
                            ImageView banner, ImageView logo, List<LinkView> links,
                            List<HighlightView> highlights) {
    }

    /**
     * A description in one language.
     *
     * @param language its BCP 47 tag
     * @param markdown as written
     * @param html     rendered and sanitised as messages are
     */
    public record DescriptionView(String language, String markdown, String html) {
    }

    /**
     * An image of the page.
     *
     * @param id  its media id
     * @param url where it is served
     * @param alt its alt text
     */
    public record ImageView(String id, String url, String alt) {
    }

    /**
     * A link.
     *
     * @param kind website or a social network
     * @param url  the https URL
     */
    public record LinkView(String kind, String url) {
    }

    /**
     * A pinned thing.
     *
     * @param type  work (later event, project)
     * @param id    its id
     * @param title its title
     * @param url   the page that shows it
     * @param image a picture of it, if any
     */
    public record HighlightView(String type, long id, String title, String url, String image) {
    }

    /**
     * Someone who edited a page.
     *
     * @param id   their account id
     * @param name their name when they edited it
     */
    public record PersonView(long id, String name) {
    }

    /**
     * One version in a page's history.
     *
     * @param number    its number
     * @param createdAt when it was saved
     * @param author    who saved it
     */
    public record PageVersionSummary(int number, OffsetDateTime createdAt, PersonView author) {
    }

    /**
     * One version with its content, as saved.
     *
     * @param number       its number
     * @param createdAt    when it was saved
     * @param author       who saved it
     * @param descriptions Markdown by language tag
     * @param banner       the banner's media id
     * @param logo         the logo's media id
     * @param links        the links
     * @param highlights   the pins, as saved
     */
    public record PageVersionView(int number, OffsetDateTime createdAt, PersonView author,
                                  Map<String, String> descriptions, String banner, String logo, List<LinkView> links,
                                  List<HighlightInput> highlights) {
    }
}
