package loopsmith.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import loopsmith.music.BarGrid;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Track;

/** A PNG piano roll of all tracks: one lane per track, bar lines, notes coloured by track, louder notes brighter. */
public final class PianoRoll {
    private static final Color[] COLOURS = {new Color(0xE4572E), new Color(0x29335C), new Color(0xF3A712),
        new Color(0x669BBC), new Color(0x7EA16B), new Color(0xA8201A), new Color(0x8E5572)};
    private static final int WIDTH = 1200;
    private static final int LANE = 140;
    private static final int LABEL = 110;

    private PianoRoll() {}

    public static void write(Piece piece, Path file) {
        System.setProperty("java.awt.headless", "true");
        int lanes = Math.max(1, piece.tracks().size());
        BufferedImage img = new BufferedImage(WIDTH, lanes * LANE + 20, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(0xF7F7F2));
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            long end = Math.max(1, piece.endTick());
            double xScale = (WIDTH - LABEL - 10.0) / end;
            BarGrid grid = piece.barGrid();
            for (int lane = 0; lane < piece.tracks().size(); lane++) {
                Track t = piece.tracks().get(lane);
                int top = 10 + lane * LANE;
                g.setColor(lane % 2 == 0 ? new Color(0xEDEDE6) : new Color(0xF2F2EC));
                g.fillRect(LABEL, top, WIDTH - LABEL - 10, LANE - 6);
                g.setColor(new Color(0xC8C8C0));
                g.setStroke(new BasicStroke(1));
                for (long bar = 0; bar <= grid.barsCovering(end); bar++) {
                    int x = LABEL + (int) Math.round(grid.barStartTick(bar) * xScale);
                    g.drawLine(x, top, x, top + LANE - 6);
                }
                g.setColor(Color.DARK_GRAY);
                g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
                g.drawString(t.name(), 8, top + LANE / 2);
                int low = t.notes().stream().mapToInt(Note::pitch).min().orElse(60) - 1;
                int high = t.notes().stream().mapToInt(Note::pitch).max().orElse(60) + 1;
                double yScale = (LANE - 12.0) / Math.max(12, high - low);
                Color base = COLOURS[lane % COLOURS.length];
                for (Note n : t.notes()) {
                    int x = LABEL + (int) Math.round(n.startTick() * xScale);
                    int w = Math.max(2, (int) Math.round(Math.min(n.durationTicks(), end - n.startTick()) * xScale));
                    int y = top + (int) Math.round((high - n.pitch()) * yScale);
                    float level = 0.45f + 0.55f * n.velocity() / 127f;
                    g.setColor(new Color(Math.round(base.getRed() * level), Math.round(base.getGreen() * level), Math.round(base.getBlue() * level)));
                    g.fillRect(x, y, w, Math.max(2, (int) Math.round(yScale)));
                }
            }
            ImageIO.write(img, "png", file.toFile());
        } catch (IOException e) {
            throw new loopsmith.music.LoopsmithException(file, "cannot write piano roll: " + e.getMessage(), e);
        } finally {
            g.dispose();
        }
    }
}
