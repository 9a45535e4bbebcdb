package loopsmith.library;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import loopsmith.format.TypedJson;
import loopsmith.music.AtomicFiles;
import loopsmith.music.DrumGroup;
import loopsmith.music.LoopsmithException;

/**
 * A groove model file: every bar of the performances it was learned from, as its quantized pattern and each hit's
 * micro-timing and velocity ({@link DrumGrid}). Applying it ({@code generate.GrooveTransfer}) looks up the bars whose
 * pattern is nearest an input bar's and plays the input with their timing and dynamics.
 *
 * <p>Hits are stored column by column, a byte each (Jackson writes {@code byte[]} as base64), and the JSON is
 * gzipped, so a whole corpus of performances ships in the repository. Bar {@code b}'s hits are the {@code barHits[b]} entries after
 * those of the bars before it.
 *
 * @param format      always {@link #FORMAT}
 * @param version     {@link #VERSION}; a reader refuses other versions
 * @param source      what it was learned from, for people
 * @param files       how many files it was learned from
 * @param genres      the genre labels of the bars ({@code barGenre} indexes it)
 * @param barGenre    per bar, the index of its genre in {@code genres}, or −1 when its file had none
 * @param barSteps    per bar, its sixteenths (16 in 4/4)
 * @param barBpm      per bar, the tempo at its start, rounded
 * @param barHits     per bar, its number of hits
 * @param hitCell     per hit, {@code group.ordinal() << 5 | step} ({@link #cell})
 * @param hitPitch    per hit, its General MIDI drum note
 * @param hitVelocity per hit, 1..127
 * @param hitOffset   per hit, its offset from the step in {@code 1/OFFSET_SCALE} of a sixteenth (−125..125)
 */
public record GrooveModel(String format, int version, String source, int files, List<String> genres, int[] barGenre, int[] barSteps,
                          int[] barBpm, int[] barHits, byte[] hitCell, byte[] hitPitch, byte[] hitVelocity, byte[] hitOffset) {
    public static final String FORMAT = "loopsmith-groove";
    public static final int VERSION = 1;
    /** Offsets are kept to 1/250 of a sixteenth: half a millisecond at 120 BPM. */
    public static final double OFFSET_SCALE = 250;
    private static final int STEP_BITS = 5;

    private static final TypedJson.Format VERSIONS = new TypedJson.Format(FORMAT, "groove model", VERSION, 0,
            "learn it again with ./loopsmith groove --learn, or update Loopsmith");

    public GrooveModel {
        genres = List.copyOf(TypedJson.required(genres, "genres"));
        TypedJson.required(barGenre, "barGenre");
        TypedJson.required(barSteps, "barSteps");
        TypedJson.required(barBpm, "barBpm");
        TypedJson.required(barHits, "barHits");
        TypedJson.required(hitCell, "hitCell");
        TypedJson.required(hitPitch, "hitPitch");
        TypedJson.required(hitVelocity, "hitVelocity");
        TypedJson.required(hitOffset, "hitOffset");
        int bars = barGenre.length;
        if (barSteps.length != bars || barBpm.length != bars || barHits.length != bars)
            throw new IllegalArgumentException("bar columns differ in length");
        long hits = 0;
        for (int h : barHits) hits += h;
        if (hitCell.length != hits || hitPitch.length != hits || hitVelocity.length != hits || hitOffset.length != hits)
            throw new IllegalArgumentException("hit columns must hold " + hits + " entries (the sum of barHits)");
        for (int g : barGenre) if (g < -1 || g >= genres.size()) throw new IllegalArgumentException("barGenre out of range: " + g);
        for (int s : barSteps) if (s < 1 || s > DrumGrid.MAX_STEPS_PER_BAR) throw new IllegalArgumentException("barSteps out of range: " + s);
    }

    public int bars() {
        return barGenre.length;
    }

    public int hits() {
        return hitCell.length;
    }

    /** The byte a hit's group and step are stored in. */
    public static byte cell(DrumGroup group, int step) {
        return (byte) (group.ordinal() << STEP_BITS | step);
    }

    public static DrumGroup groupOf(byte cell) {
        return DrumGroup.values()[(cell & 0xFF) >>> STEP_BITS];
    }

    public static int stepOf(byte cell) {
        return cell & ((1 << STEP_BITS) - 1);
    }

    public static byte offsetByte(double offsetSteps) {
        return (byte) Math.max(-125, Math.min(125, Math.round(offsetSteps * OFFSET_SCALE)));
    }

    /** The offset of hit {@code i}, as a share of a sixteenth. */
    public double offsetSteps(int i) {
        return hitOffset[i] / OFFSET_SCALE;
    }

    public int velocity(int i) {
        return hitVelocity[i];
    }

    public int pitch(int i) {
        return hitPitch[i];
    }

    /** Writes the model gzipped, atomically. */
    public void write(Path file) {
        AtomicFiles.write(file, "groove model", out -> {
            try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                TypedJson.WRITER.writeValue(gz, this);
            }
        });
    }

    /** Reads a model file (gzipped or plain JSON), checking its format and version. */
    public static GrooveModel read(Path file) {
        if (!Files.isRegularFile(file)) throw new LoopsmithException(file, "groove model not found");
        GrooveModel m;
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            boolean gzipped = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            JsonNode tree = TypedJson.READER.readTree(gzipped ? new GZIPInputStream(raw) : raw);
            // Format and version first: a newer file is named as such, not as a puzzling missing column.
            VERSIONS.versionOf(file, tree);
            m = TypedJson.READER.treeToValue(tree, GrooveModel.class);
        } catch (JsonProcessingException e) {
            throw new LoopsmithException(file, "not a groove model: " + TypedJson.reason(e), e);
        } catch (IOException e) {
            throw new LoopsmithException(file, "cannot read groove model: " + e.getMessage(), e);
        }
        return m;
    }
}
