package cn.singlewindow.realname.api.captcha;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.random.RandomGenerator;
import javax.imageio.ImageIO;

/**
 * Draws digits as a PNG with jitter and noise. The glyphs are a built-in 5x7 bitmap font, so rendering needs
 * no system fonts (a server image often has none).
 */
final class CaptchaImage {

    private static final String[][] GLYPHS = {
            {"01110", "10001", "10011", "10101", "11001", "10001", "01110"},
            {"00100", "01100", "00100", "00100", "00100", "00100", "01110"},
            {"01110", "10001", "00001", "00010", "00100", "01000", "11111"},
            {"11110", "00001", "00001", "01110", "00001", "00001", "11110"},
            {"00010", "00110", "01010", "10010", "11111", "00010", "00010"},
            {"11111", "10000", "11110", "00001", "00001", "10001", "01110"},
            {"00110", "01000", "10000", "11110", "10001", "10001", "01110"},
            {"11111", "00001", "00010", "00100", "01000", "01000", "01000"},
            {"01110", "10001", "10001", "01110", "10001", "10001", "01110"},
            {"01110", "10001", "10001", "01111", "00001", "00010", "01100"},
    };
    static final int WIDTH = 160;
    static final int HEIGHT = 50;
    private static final int CELL = 4;

    private CaptchaImage() {
    }

    static byte[] render(String digits, RandomGenerator random) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(235 + random.nextInt(20), 235 + random.nextInt(20), 235 + random.nextInt(20)));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            for (int i = 0; i < 60; i++) {
                g.setColor(randomColor(random, 150, 230));
                g.fillRect(random.nextInt(WIDTH), random.nextInt(HEIGHT), 2, 2);
            }
            int x = 10;
            for (char c : digits.toCharArray()) {
                drawGlyph(g, GLYPHS[c - '0'], x + random.nextInt(5), 6 + random.nextInt(12), random);
                x += 28;
            }
            g.setStroke(new BasicStroke(1.5f));
            for (int i = 0; i < 4; i++) {
                g.setColor(randomColor(random, 60, 160));
                g.drawLine(random.nextInt(WIDTH), random.nextInt(HEIGHT), random.nextInt(WIDTH),
                        random.nextInt(HEIGHT));
            }
        } finally {
            g.dispose();
        }
        try (ByteArrayOutputStream png = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void drawGlyph(Graphics2D g, String[] rows, int left, int top, RandomGenerator random) {
        g.setColor(randomColor(random, 20, 110));
        double shear = (random.nextDouble() - 0.5) * 0.6;
        for (int row = 0; row < rows.length; row++) {
            for (int col = 0; col < rows[row].length(); col++) {
                if (rows[row].charAt(col) == '1') {
                    int px = left + col * CELL + (int) Math.round(shear * (rows.length - row) * CELL);
                    g.fillRect(px, top + row * CELL, CELL, CELL);
                }
            }
        }
    }

    private static Color randomColor(RandomGenerator random, int low, int high) {
        return new Color(low + random.nextInt(high - low), low + random.nextInt(high - low),
                low + random.nextInt(high - low));
    }
}
