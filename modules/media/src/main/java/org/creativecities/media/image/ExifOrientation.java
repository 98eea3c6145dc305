package org.creativecities.media.image;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The EXIF orientation of a JPEG (1 to 8), which cameras and phones write instead of turning the pixels. Re-encoding
 * drops the EXIF, so the turn is applied to the pixels first, or a portrait photo would be served lying on its side.
 * Only IFD0's Orientation tag is read, from the APP1 segments before the image data; anything malformed counts as
 * "no orientation" (1).
 */
final class ExifOrientation {

    private static final int ORIENTATION_TAG = 0x0112;

    private ExifOrientation() {
    }

    /** The orientation of the JPEG file, 1 (as stored) when it says nothing usable. */
    static int of(Path jpeg) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(jpeg)))) {
            if (in.readUnsignedShort() != 0xFFD8) {
                return 1;
            }
            while (true) {
                int marker = in.readUnsignedShort();
                if ((marker & 0xFF00) != 0xFF00 || marker == 0xFFDA || marker == 0xFFD9) {
                    return 1;
                }
                int length = in.readUnsignedShort() - 2;
                if (length < 0) {
                    return 1;
                }
                if (marker == 0xFFE1) {
                    int orientation = orientation(in.readNBytes(length));
                    if (orientation > 0) {
                        return orientation;
                    }
                } else {
                    in.skipNBytes(length);
                }
            }
        } catch (EOFException e) {
            return 1;
        }
    }

    /** The Orientation of an APP1 segment's EXIF, or 0 if it has none. */
    static int orientation(byte[] segment) {
        if (segment.length < 14 || !new String(segment, 0, 6, StandardCharsets.ISO_8859_1).equals("Exif\0\0")) {
            return 0;
        }
        int tiff = 6;
        boolean little;
        if (segment[tiff] == 'I' && segment[tiff + 1] == 'I') {
            little = true;
        } else if (segment[tiff] == 'M' && segment[tiff + 1] == 'M') {
            little = false;
        } else {
            return 0;
        }
        long ifd = tiff + u32(segment, tiff + 4, little);
        if (ifd < tiff || ifd + 2 > segment.length) {
            return 0;
        }
        int entries = u16(segment, (int) ifd, little);
        for (int i = 0; i < entries; i++) {
            int entry = (int) ifd + 2 + 12 * i;
            if (entry + 12 > segment.length) {
                return 0;
            }
            if (u16(segment, entry, little) == ORIENTATION_TAG && u16(segment, entry + 2, little) == 3) {
                int value = u16(segment, entry + 8, little);
                return value >= 1 && value <= 8 ? value : 0;
            }
        }
        return 0;
    }

    /** The image turned (and mirrored) as its orientation says, to be shown as stored. */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform t = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h);
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w);
            default -> new AffineTransform(0, -1, 1, 0, 0, w);
        };
        boolean swapped = orientation >= 5;
        BufferedImage turned = new BufferedImage(swapped ? h : w, swapped ? w : h,
                image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = turned.createGraphics();
        try {
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return turned;
    }

    private static int u16(byte[] b, int at, boolean little) {
        int a = b[at] & 0xff;
        int c = b[at + 1] & 0xff;
        return little ? a | c << 8 : a << 8 | c;
    }

    private static long u32(byte[] b, int at, boolean little) {
        if (at + 4 > b.length) {
            return -1;
        }
        long hi = u16(b, little ? at + 2 : at, little);
        long lo = u16(b, little ? at : at + 2, little);
        return hi << 16 | lo;
    }
}
