package org.creativecities.works.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.creativecities.works.domain.MediaRefs.Ref;
import org.junit.jupiter.api.Test;

class MediaRefsTest {

    private static final String A = "AAAAAAAAAAAAAAAAAAAAAA";
    private static final String B = "b-b_bbbbbbbbbbbbbbbbbb";

    @Test
    void aCollectionsMediaItemsAreNamedByTheirPlace() {
        assertEquals(List.of(new Ref("cover", A), new Ref("content.items[1].media", B)),
                MediaRefs.of(Optional.of(A), WorkVersion.JSON,
                        "{\"items\":[{\"work\":3},{\"media\":\"" + B + "\"}]}"));
    }

    @Test
    void markdownImagesAndLinksToOwnMediaCountButNotLongerIdsOrOtherHosts() {
        String md = "![a](/api/media/" + A + "?w=640) and [b](/api/media/" + B + ") but not /api/media/" + A
                + "XYZ nor /api/media/short";
        assertEquals(List.of(new Ref("content", A), new Ref("content", B)),
                MediaRefs.of(Optional.empty(), WorkVersion.MARKDOWN, md));
        assertEquals(2, MediaRefs.ids(MediaRefs.of(Optional.of(A), WorkVersion.MARKDOWN, md)).size());
    }
}
