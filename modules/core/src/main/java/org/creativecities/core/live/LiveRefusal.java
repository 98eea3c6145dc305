package org.creativecities.core.live;

/**
 * A {@link LiveExtension}'s refusal of a frame: the engine answers the sender with
 * {@code {"type":"error","code":…,"reason":…,<scope>:<scopeId>,"id":…}}; the connection stays open.
 */
public class LiveRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final String scope;
    private final Long scopeId;

    /**
     * @param code    the error code on the wire (lower case, words joined by '-')
     * @param reason  for the person: what was wrong and what to do
     * @param scope   the name of the field that says what the frame concerned (e.g. {@code "work"}), or null
     * @param scopeId its value, or null
     */
    public LiveRefusal(String code, String reason, String scope, Long scopeId) {
        super(reason, null, false, false);
        this.code = code;
        this.scope = scope;
        this.scopeId = scopeId;
    }

    public String code() {
        return code;
    }

    String scope() {
        return scope;
    }

    Long scopeId() {
        return scopeId;
    }
}
