package org.creativecities.search;

/** The index is not open yet (the server has just started) or failed to open: searches are refused meanwhile. */
public class SearchUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SearchUnavailableException(String message) {
        super(message);
    }
}
