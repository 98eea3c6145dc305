package org.creativecities.app.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/** Images made in the test: plain ones with ImageIO, and a JPEG carrying EXIF with a GPS position. */
final class TestImages {

    /** Text inside the EXIF of {@link #jpegWithGps}: it must never be served. */
    static final String CAMERA = "SecretCam-GPS-Model";

    private TestImages() {
    }

    static BufferedImage picture(int width, int height, boolean alpha) {
        BufferedImage image = new BufferedImage(width, height,
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(30, 120, 200, alpha ? 128 : 255));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new AssertionError("not an image ImageIO reads");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A JPEG with an APP1 EXIF segment right after SOI: IFD0 holds a camera model ({@link #CAMERA}) and a GPS IFD
     * pointer; the GPS IFD holds a latitude reference 'N' and a latitude of 48/1 51/1 24/1 (Paris).
     */
    static byte[] jpegWithGps(int width, int height) {
        byte[] jpeg = encode(picture(width, height, false), "jpeg");
        byte[] model = (CAMERA + "\0").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer tiff = ByteBuffer.allocate(256).order(ByteOrder.BIG_ENDIAN);
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        // IFD0 at 8: two entries, then the next-IFD offset.
        int ifd0Size = 2 + 2 * 12 + 4;
        int modelOffset = 8 + ifd0Size;
        int gpsOffset = modelOffset + model.length + (model.length % 2);
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0110).putShort((short) 2).putInt(model.length).putInt(modelOffset);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(gpsOffset);
        tiff.putInt(0);
        tiff.put(model);
        if (model.length % 2 == 1) {
            tiff.put((byte) 0);
        }
        // GPS IFD: GPSLatitudeRef 'N', GPSLatitude three rationals after the IFD.
        int gpsSize = 2 + 2 * 12 + 4;
        int latitudeOffset = gpsOffset + gpsSize;
        tiff.putShort((short) 2);
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(latitudeOffset);
        tiff.putInt(0);
        tiff.putInt(48).putInt(1).putInt(51).putInt(1).putInt(24).putInt(1);
        byte[] tiffBytes = new byte[tiff.position()];
        tiff.flip().get(tiffBytes);
        byte[] exif = MediaHttp.concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiffBytes);
        int length = exif.length + 2;
        byte[] app1 = MediaHttp.concat(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length},
                exif);
        byte[] rest = java.util.Arrays.copyOfRange(jpeg, 2, jpeg.length);
        return MediaHttp.concat(new byte[] {(byte) 0xFF, (byte) 0xD8}, app1, rest);
    }

    /** Whether {@code bytes} contain {@code needle}. */
    static boolean contains(byte[] bytes, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= bytes.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (bytes[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
