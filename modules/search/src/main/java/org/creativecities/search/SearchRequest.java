package org.creativecities.search;

import java.util.Optional;
import org.creativecities.core.platform.web.PageRequest;

/**
 * A validated search.
 *
 * @param text  what the box holds (the simple query syntax), or empty to list by date
 * @param kind  only documents of this kind
 * @param field only documents of this creative field
 * @param city  only documents of this city
 * @param page  the page wanted
 */
public record SearchRequest(Optional<String> text, Optional<String> kind, Optional<String> field,
                            Optional<String> city, PageRequest page) {
}
