package org.creativecities.works.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkDocumentsTest {

    private static final String A = "AAAAAAAAAAAAAAAAAAAAAA";
    private static final String B = "BBBBBBBBBBBBBBBBBBBBBB";

    @Test
    void linksToExportedMediaPointAtTheirFilesAndOthersStay() {
        Map<String, String> files = Map.of(A, "media/" + A + ".png");
        assertEquals("![x](media/" + A + ".png) <img src=\"media/" + A + ".png\"> [y](/api/media/" + B + ")",
                WorkDocuments.local("![x](/api/media/" + A + "?w=640) <img src=\"/api/media/" + A
                        + "?w&#61;320\"> [y](/api/media/" + B + ")", files));
    }

    @Test
    void extensionsFollowTheServedType() {
        assertEquals(".jpg", WorkDocuments.extension("image/jpeg"));
        assertEquals(".pdf", WorkDocuments.extension("application/pdf; charset=binary"));
        assertEquals(".bin", WorkDocuments.extension("application/x-unknown"));
    }
}
