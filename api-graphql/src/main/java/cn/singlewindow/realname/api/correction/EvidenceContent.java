package cn.singlewindow.realname.api.correction;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * What a file of evidence is, judged by its content, never by its name or the type the client declared: a PDF (its
 * header, and its end-of-file marker near the end), or a JPEG or PNG image that decodes whole (JDK ImageIO), of at
 * most 10,000 pixels a side (its size is read before any pixel is). Three fixed formats: a signature library such
 * as Tika would look at the first bytes only, where an image that does not decode passes.
 */
final class EvidenceContent {

    static final String PDF = "application/pdf";
    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";
    private static final int MAX_SIDE = 10_000;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private EvidenceContent() {
    }

    static Optional<String> judge(byte[] content) {
        if (startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return pdfEnds(content) ? Optional.of(PDF) : Optional.empty();
        }
        if (startsWith(content, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
            return decodes(content, "jpeg") ? Optional.of(JPEG) : Optional.empty();
        }
        if (startsWith(content, PNG_SIGNATURE)) {
            return decodes(content, "png") ? Optional.of(PNG) : Optional.empty();
        }
        return Optional.empty();
    }

    static String extension(String contentType) {
        return switch (contentType) {
            case PDF -> "pdf";
            case JPEG -> "jpg";
            default -> "png";
        };
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean pdfEnds(byte[] content) {
        int from = Math.max(0, content.length - 1024);
        String tail = new String(content, from, content.length - from, StandardCharsets.ISO_8859_1);
        return tail.contains("%%EOF");
    }

    private static boolean decodes(byte[] content, String format) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
            if (input == null || !readers.hasNext()) {
                return false;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                if (reader.getWidth(0) > MAX_SIDE || reader.getHeight(0) > MAX_SIDE) {
                    return false;
                }
                return reader.read(0) != null;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException undecodable) {
            return false;
        }
    }
}
