package org.creativecities.plugins.literature;

/**
 * An action the state machines refuse: {@link #code()} is the error frame's code the actor gets, the message its
 * reason, written for them.
 */
final class LiteratureRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    LiteratureRefused(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }
}
