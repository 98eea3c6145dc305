package org.creativecities.app.works;

import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.TestUser;

/** What other test packages need to set up co-editing: members, works, and the server's live text. */
public final class WorksEditing {

    private WorksEditing() {
    }

    /** A member of the city (its join policy opened by the administrator). */
    public static TestUser member(PackagedServer server, Api api, String name, String city) {
        return WorksLifecycleIT.member(server, api, name, city);
    }

    /** A new work by the author with these properties; its id. */
    public static long create(TestUser author, Object... properties) {
        return WorksLifecycleIT.create(author, properties);
    }

    /** The server's text of the work's live document now: what a new editor joining it receives. */
    public static String serverText(TestUser user, long work) {
        try (DocEditor e = DocEditor.open(user, "probe")) {
            return e.join(work).getString("text");
        }
    }
}
