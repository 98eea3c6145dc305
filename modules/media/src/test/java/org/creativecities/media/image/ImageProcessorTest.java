package org.creativecities.media.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.creativecities.media.AllowedType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageProcessorTest {

    @TempDir
    Path dir;

    private final AtomicInteger files = new AtomicInteger();

    /** 40 x 20: the left half red, the right half blue. */
    private static byte[] halves() throws IOException {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 20, 20);
        g.setColor(Color.BLUE);
        g.fillRect(20, 0, 20, 20);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    /** The JPEG with an APP1 EXIF segment (big-endian TIFF, IFD0 with Orientation and a Model text). */
    private static byte[] withExif(byte[] jpeg, int orientation) {
        byte[] model = "GPS-Phone-Model\0".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 24 + 4 + model.length);
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0110).putShort((short) 2).putInt(model.length).putInt(8 + 2 + 24 + 4);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0).put(model);
        byte[] exif = ByteBuffer.allocate(6 + tiff.capacity()).put("Exif\0\0".getBytes(StandardCharsets.US_ASCII))
                .put(tiff.array()).array();
        int length = exif.length + 2;
        return ByteBuffer.allocate(jpeg.length + 4 + exif.length).put(jpeg, 0, 2)
                .put(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length}).put(exif)
                .put(jpeg, 2, jpeg.length - 2).array();
    }

    private ImageProcessor.Result process(byte[] bytes, List<Integer> widths) throws IOException {
        Path source = Files.write(dir.resolve("upload"), bytes);
        return ImageProcessor.process(source, AllowedType.JPEG, 1_000_000, widths,
                () -> dir.resolve("out-" + files.incrementAndGet()));
    }

    private static boolean red(int rgb) {
        Color c = new Color(rgb);
        return c.getRed() > 200 && c.getBlue() < 60;
    }

    @Test
    void aPortraitPhotoIsTurnedUprightAndLosesItsExif() throws IOException {
        byte[] upload = withExif(halves(), 6);
        assertEquals(6, ExifOrientation.of(Files.write(dir.resolve("probe"), upload)));
        ImageProcessor.Result result = process(upload, List.of(320));
        BufferedImage served = ImageIO.read(result.image().file().toFile());
        assertEquals(20, served.getWidth());
        assertEquals(40, served.getHeight());
        assertTrue(red(served.getRGB(10, 5)), "turned clockwise: the left half is now on top");
        assertFalse(red(served.getRGB(10, 35)));
        byte[] bytes = Files.readAllBytes(result.image().file());
        assertFalse(new String(bytes, StandardCharsets.ISO_8859_1).contains("Exif"));
        assertFalse(new String(bytes, StandardCharsets.ISO_8859_1).contains("GPS-Phone-Model"));
        assertEquals(List.of(), result.thumbnails(), "no thumbnail wider than the image");
    }

    @Test
    void everyOrientationGivesTheRightShape() throws IOException {
        for (int orientation = 1; orientation <= 8; orientation++) {
            ImageProcessor.Result result = process(withExif(halves(), orientation), List.of(320));
            BufferedImage served = ImageIO.read(result.image().file().toFile());
            assertEquals(orientation >= 5 ? 20 : 40, served.getWidth(), "orientation " + orientation);
            boolean redFirst = red(served.getRGB(5, 5));
            boolean expected = switch (orientation) {
                case 1, 4, 5, 6 -> true;
                default -> false;
            };
            assertEquals(expected, redFirst, "orientation " + orientation);
        }
    }

    @Test
    void malformedExifIsIgnored() {
        assertEquals(0, ExifOrientation.orientation(new byte[] {'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 42, 0x7f,
                0x7f, 0x7f, 0x7f}));
        assertEquals(0, ExifOrientation.orientation("nonsense".getBytes(StandardCharsets.US_ASCII)));
    }
}
