package ${package};

/** A poll transition that is not allowed: the code and reason of the actor's error frame. */
public class PollRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    public PollRefused(String code, String reason) {
        super(reason, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
