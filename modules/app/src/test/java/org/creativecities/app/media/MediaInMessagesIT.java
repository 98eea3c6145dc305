package org.creativecities.app.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.creativecities.app.live.LiveClient;
import org.creativecities.app.live.Rooms;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.SharedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A message posted over the live connection shows images from our own media only. */
@ExtendWith(SharedServer.class)
class MediaInMessagesIT {

    @Test
    void aMessageShowsOurOwnMediaAndDropsImagesFromElsewhere(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        TestUser rosa = TestUser.register(api, "Rosa Pictures");
        Rooms.members(admin, "dundee", rosa);
        long room = Rooms.generalRoom(rosa, "dundee");
        String id = new MediaHttp(server.baseUri()).uploadId(rosa,
                TestImages.encode(TestImages.picture(800, 600, false), "png"), "image/png");
        String text = "Our poster ![The festival poster](/api/media/" + id + "?w=640) and a tracker "
                + "![pixel](https://tracker.example/p.gif)";
        try (LiveClient c = LiveClient.open(rosa)) {
            c.send(Rooms.join(room, null, "j")).reply("j");
            long seq = c.send(Rooms.post(room, "img1", text)).reply("f-img1").getJsonNumber("seq").longValue();
            JsonObject message = c.await(f -> "message".equals(f.getString("type", ""))
                    && f.getJsonNumber("seq").longValue() == seq);
            String html = message.getString("html");
            assertTrue(html.contains("<img src=\"/api/media/" + id + "?w&#61;640\" alt=\"The festival poster\" />"),
                    html);
            assertFalse(html.contains("tracker.example"), html);
            assertFalse(html.contains("pixel"), html);
            assertEquals(1, html.split("<img", -1).length - 1, html);
            assertEquals(text, message.getString("text"), "the text is kept as written");
        }
    }
}
