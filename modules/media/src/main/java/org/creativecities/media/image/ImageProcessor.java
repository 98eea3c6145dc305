package org.creativecities.media.image;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Semaphore;
import javax.imageio.IIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.creativecities.media.AllowedType;
import org.creativecities.media.MediaException;
import org.creativecities.media.store.HashingFiles;

/**
 * Re-encodes an uploaded image and makes its thumbnails. The image is decoded with ImageIO (WebP with TwelveMonkeys'
 * reader, named directly so that nothing depends on ImageIO's global plugin registry) and written afresh from its
 * pixels, so that nothing of the uploaded file but its pixels survives: no EXIF, no GPS position, no comments, no
 * trailing bytes. A JPEG's EXIF orientation is applied to the pixels first ({@link ExifOrientation}). JPEG stays
 * JPEG; a WebP without transparency becomes JPEG; PNG, GIF and a WebP with transparency become PNG. An animated GIF
 * keeps its first frame only (a still PNG). Thumbnails are made for each configured width narrower than the image,
 * never wider.
 *
 * <p>Decoding needs the pixels in memory (4 bytes each), so the size in pixels is read from the header and checked
 * against {@code ccc.media.max-pixels} before decoding, and at most {@link #CONCURRENT} images are decoded at once.
 */
public final class ImageProcessor {

    /** Images decoded at once, server-wide. */
    static final int CONCURRENT = 2;
    private static final Semaphore DECODING = new Semaphore(CONCURRENT, true);
    private static final float JPEG_QUALITY = 0.88f;

    /** One encoded image in a temporary file. */
    public record Encoded(Path file, String contentType, String sha256, long size, int width, int height) {
    }

    /** The re-encoded image and its thumbnails, narrowest first. */
    public record Result(Encoded image, List<Encoded> thumbnails) {
    }

    /** Makes temporary files where the encoded images go. */
    public interface TemporaryFiles {
        Path create() throws IOException;
    }

    private ImageProcessor() {
    }

    /**
     * Re-encodes the image and makes its thumbnails. On failure, no temporary file is left.
     *
     * @param source    the uploaded file, already recognised as {@code type}
     * @param maxPixels the largest width times height accepted
     * @param widths    the thumbnail widths, ascending
     */
    public static Result process(Path source, AllowedType type, long maxPixels, List<Integer> widths,
                                 TemporaryFiles temporary) throws IOException {
        BufferedImage image;
        try {
            DECODING.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting to decode an image", e);
        }
        List<Encoded> written = new ArrayList<>();
        try {
            image = decode(source, type, maxPixels);
            boolean jpeg = type == AllowedType.JPEG || type == AllowedType.WEBP && !image.getColorModel().hasAlpha();
            Encoded full = encode(jpeg ? opaque(image) : image, jpeg, temporary);
            written.add(full);
            List<Encoded> thumbnails = new ArrayList<>();
            for (int width : widths) {
                if (width < image.getWidth()) {
                    int height = Math.max(1, Math.round((float) image.getHeight() * width / image.getWidth()));
                    Encoded thumbnail = encode(scaled(image, width, height, jpeg), jpeg, temporary);
                    written.add(thumbnail);
                    thumbnails.add(thumbnail);
                }
            }
            return new Result(full, List.copyOf(thumbnails));
        } catch (IOException | RuntimeException e) {
            for (Encoded done : written) {
                Files.deleteIfExists(done.file());
            }
            throw e;
        } finally {
            DECODING.release();
        }
    }

    private static ImageReader readerFor(AllowedType type) throws IOException {
        if (type == AllowedType.WEBP) {
            return new WebPImageReaderSpi().createReaderInstance();
        }
        String format = switch (type) {
            case JPEG -> "jpeg";
            case PNG -> "png";
            case GIF -> "gif";
            default -> throw new IllegalArgumentException("not an image type");
        };
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new IOException("no ImageIO reader for " + format);
        }
        return readers.next();
    }

    private static BufferedImage decode(Path source, AllowedType type, long maxPixels) throws IOException {
        ImageReader reader = readerFor(type);
        try (ImageInputStream in = ImageIO.createImageInputStream(source.toFile())) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if ((long) width * height > maxPixels) {
                throw MediaException.tooLarge("Images may be at most " + maxPixels / 1_000_000 + " megapixels; this "
                        + "one is " + width + " x " + height + " pixels.");
            }
            BufferedImage image = reader.read(0);
            return type == AllowedType.JPEG ? ExifOrientation.apply(image, ExifOrientation.of(source)) : image;
        } catch (IIOException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw MediaException.unreadable("The file is " + type.description() + " but it could not be decoded: it "
                    + "may be damaged, or use a variant this server does not read (a CMYK JPEG, say).");
        } finally {
            reader.dispose();
        }
    }

    /** The image on a white background, without an alpha channel, as JPEG needs. */
    private static BufferedImage opaque(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    /** Scaled down in halving steps, then to the exact size, which keeps thin lines from vanishing. */
    private static BufferedImage scaled(BufferedImage image, int width, int height, boolean jpeg) {
        BufferedImage current = image;
        int w = image.getWidth();
        int h = image.getHeight();
        do {
            w = Math.max(width, w / 2);
            h = Math.max(height, h / 2);
            BufferedImage next = new BufferedImage(w, h,
                    jpeg ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = next.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                if (jpeg) {
                    g.setColor(Color.WHITE);
                    g.fillRect(0, 0, w, h);
                }
                g.drawImage(current, 0, 0, w, h, null);
            } finally {
                g.dispose();
            }
            current = next;
        } while (w != width || h != height);
        return current;
    }

    private static Encoded encode(BufferedImage image, boolean jpeg, TemporaryFiles temporary) throws IOException {
        Path file = temporary.create();
        try {
            HashingFiles.Written written = HashingFiles.write(file, out -> write(image, jpeg, out));
            return new Encoded(file, jpeg ? "image/jpeg" : "image/png", written.sha256(), written.size(),
                    image.getWidth(), image.getHeight());
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private static void write(BufferedImage image, boolean jpeg, OutputStream out) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(jpeg ? "jpeg" : "png").next();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (jpeg) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
