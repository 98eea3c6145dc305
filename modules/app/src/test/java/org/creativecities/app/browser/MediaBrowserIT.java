package org.creativecities.app.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Attachments in a room's composer, in a real browser: a picked image and a dropped PDF are uploaded, their Markdown
 * lands in the text, and the sent message shows the image from our media and links the PDF; a file whose bytes are
 * not its type shows the server's refusal.
 */
@BrowserLane
@ExtendWith(BrowserServer.class)
class MediaBrowserIT {

    private static final String COMPOSER = ".room-main [data-testid=composer]";
    private static final String MESSAGES = ".room-log article[data-testid=message]";

    @TempDir
    Path dir;

    @Test
    void aPickedImageAndADroppedPdfAreUploadedAndShownInTheMessage(PackagedServer server) throws IOException {
        TestUser admin = TestUser.admin(server);
        TestUser ana = TestUser.register(server.api(), "Ana Attach");
        RoomBrowserIT.members(admin, "lyon", ana);
        long room = RoomBrowserIT.newRoom(admin, "lyon", "Poster wall");
        Path poster = dir.resolve("poster.png");
        BufferedImage image = new BufferedImage(480, 320, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, 480, 320);
        g.dispose();
        ImageIO.write(image, "png", poster.toFile());
        Path fake = dir.resolve("fake.png");
        Files.writeString(fake, "this is text, not a picture", StandardCharsets.UTF_8);

        try (Browser b = Browser.open(server)) {
            b.useToken(ana.token());
            b.go("/rooms/" + room);
            WebElement composer = b.find(COMPOSER);
            // Notes whether a progress bar was ever shown: the upload of a small file is over in milliseconds.
            b.js("window.__progressShown = false; new MutationObserver(() => { if (document.querySelector("
                    + "'.room-main [data-testid=upload] progress')) window.__progressShown = true; })"
                    + ".observe(document.body, {subtree: true, childList: true});");
            composer.sendKeys("Our poster:");
            b.driver().findElement(By.cssSelector(".room-main [data-testid=attach]"))
                    .sendKeys(poster.toAbsolutePath().toString());
            String withImage = b.until("the image's Markdown is inserted", d -> {
                String value = composer.getAttribute("value");
                return value.contains("![poster](/api/media/") ? value : null;
            });
            assertTrue(withImage.startsWith("Our poster:\n![poster](/api/media/"), withImage);
            assertEquals(Boolean.TRUE, b.js("return window.__progressShown;"), "a progress bar was shown");
            assertTrue(b.all(".room-main [data-testid=upload]").isEmpty(), "a finished upload leaves no bar");

            // A PDF dropped on the composer, as a file manager would.
            b.js("const dt = new DataTransfer();"
                    + "dt.items.add(new File(['%PDF-1.4\\n%%EOF\\n'], 'programme.pdf', {type: 'application/pdf'}));"
                    + "const form = document.querySelector('.room-main form.room-composer');"
                    + "form.dispatchEvent(new DragEvent('dragover', {dataTransfer: dt, bubbles: true, cancelable: true}));"
                    + "form.dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));");
            b.until("the PDF's link is inserted", d -> composer.getAttribute("value").contains("[programme.pdf]("
                    + server.baseUri().toString().replaceAll("/$", "") + "/api/media/"));
            composer.sendKeys(Keys.ENTER);

            WebElement message = b.findWithText(MESSAGES, "Our poster:");
            WebElement shown = b.until("the image is shown in the message", d -> {
                var images = message.findElements(By.cssSelector("[data-testid=message-body] img"));
                return images.isEmpty() ? null : images.get(0);
            });
            assertTrue(shown.getAttribute("src").matches(".*/api/media/[A-Za-z0-9_-]{22}$"), shown.getAttribute("src"));
            assertEquals("poster", shown.getAttribute("alt"));
            b.until("the image has loaded", d -> ((Number) b.js("return arguments[0].naturalWidth;", shown))
                    .intValue() == 480);
            WebElement link = message.findElement(By.cssSelector("[data-testid=message-body] a"));
            assertEquals("programme.pdf", link.getText());

            // Bytes that are not what their name says: the server's reason is shown.
            b.driver().findElement(By.cssSelector(".room-main [data-testid=attach]"))
                    .sendKeys(fake.toAbsolutePath().toString());
            WebElement error = b.find(".room-main [data-testid=upload-error]");
            assertTrue(error.getText().contains("not a PNG image"), error.getText());
        }
    }
}
