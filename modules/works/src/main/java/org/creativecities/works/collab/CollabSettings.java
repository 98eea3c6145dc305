package org.creativecities.works.collab;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The co-editing limits, from MicroProfile Config (keys and defaults in docs/admin-guide.md, "Co-editing"). */
@ApplicationScoped
public class CollabSettings {

    @Inject
    @ConfigProperty(name = "ccc.works.collab.max-update-chars", defaultValue = "16384")
    int maxUpdateChars;

    @Inject
    @ConfigProperty(name = "ccc.works.collab.max-document-chars", defaultValue = "1048576")
    int maxDocumentChars;

    @Inject
    @ConfigProperty(name = "ccc.works.collab.snapshot-every", defaultValue = "200")
    int snapshotEvery;

    @Inject
    @ConfigProperty(name = "ccc.works.collab.frames-per-minute", defaultValue = "1200")
    int framesPerMinute;

    @Inject
    @ConfigProperty(name = "ccc.works.collab.account-frames-per-minute", defaultValue = "2400")
    int accountFramesPerMinute;

    /** The rooms' resume limit applies to documents too: at most this many updates are replayed to a joiner. */
    @Inject
    @ConfigProperty(name = "ccc.live.resume-max", defaultValue = "500")
    int resumeMax;

    /** Most characters one push may insert, over all its updates. */
    public int maxUpdateChars() {
        return maxUpdateChars;
    }

    /** Longest document, in UTF-16 code units (as CodeMirror counts). */
    public int maxDocumentChars() {
        return maxDocumentChars;
    }

    /** A snapshot of the text is stored every this many updates. */
    public int snapshotEvery() {
        return Math.max(1, snapshotEvery);
    }

    public int framesPerMinute() {
        return framesPerMinute;
    }

    public int accountFramesPerMinute() {
        return accountFramesPerMinute;
    }

    public int resumeMax() {
        return resumeMax;
    }

    /** Settings with these values (for the engine's unit tests; the server injects them). */
    static CollabSettings of(int maxUpdateChars, int maxDocumentChars, int snapshotEvery, int resumeMax) {
        CollabSettings s = new CollabSettings();
        s.maxUpdateChars = maxUpdateChars;
        s.maxDocumentChars = maxDocumentChars;
        s.snapshotEvery = snapshotEvery;
        s.framesPerMinute = 1200;
        s.accountFramesPerMinute = 2400;
        s.resumeMax = resumeMax;
        return s;
    }
}
