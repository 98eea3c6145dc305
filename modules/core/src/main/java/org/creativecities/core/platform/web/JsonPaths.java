package org.creativecities.core.platform.web;

/**
 * How a place inside a request body is named in problem documents: {@code name}, {@code designations[0].year},
 * {@code values.theme}; the body itself is {@code body}. The same form as Bean Validation's field names.
 */
final class JsonPaths {

    /** The whole body. */
    static final String ROOT = "body";

    private JsonPaths() {
    }

    static String property(String parent, String name) {
        return ROOT.equals(parent) ? name : parent + "." + name;
    }

    static String element(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
