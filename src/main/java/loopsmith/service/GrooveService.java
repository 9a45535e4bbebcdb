package loopsmith.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadLocalRandom;
import loopsmith.generate.GrooveTransfer;
import loopsmith.library.DrumGrid;
import loopsmith.library.FileSplit;
import loopsmith.library.GrooveLearner;
import loopsmith.library.GrooveModel;
import loopsmith.library.Synonyms;
import loopsmith.midi.MidiReader;
import loopsmith.midi.MidiWriter;
import loopsmith.music.LoopsmithException;
import loopsmith.music.Piece;

/**
 * Groove, for the CLI and the HTTP API alike: a quantized drum clip played with the micro-timing and dynamics of
 * the nearest bars of a learned groove model (the bundled one, learned from the Groove MIDI Dataset's training split,
 * unless one is named), every hit kept. Also learns a model from a folder of performed drums.
 */
public final class GrooveService {
    /** Where the bundled groove model lives, relative to the installation. */
    public static final String DEFAULT_MODEL = "models/groove.json.gz";
    public static final double DEFAULT_AMOUNT = 1.0;

    private final Path home;
    private final ConcurrentMap<Path, GrooveTransfer> loaded = new ConcurrentHashMap<>();

    public GrooveService(Path home) {
        this.home = home;
    }

    /**
     * @param amount 0..1: 0 leaves the clip as it is, 1 plays it fully with the learned timing and velocities
     * @param genre  a genre to draw the feel from, in any spelling the prompt reader knows ("hip hop", "funk")
     * @param seed   empty: one is chosen and reported
     * @param model  a groove model file; empty: the bundled one
     */
    public record Request(double amount, Optional<String> genre, Optional<Long> seed, Optional<Path> model) {
        public Request {
            if (!(amount >= 0 && amount <= 1)) throw new InvalidRequestException(RequestField.AMOUNT, "expected 0 to 1, was " + amount);
        }
    }

    /**
     * @param piece    the grooved clip
     * @param hits     drum hits grooved
     * @param genre    the genre its feel was drawn from, or empty for all the model knows
     * @param seed     the seed used
     * @param warnings what the user should know
     */
    public record Grooved(Piece piece, int hits, Optional<String> genre, long seed, List<String> warnings) {
        public Grooved {
            warnings = List.copyOf(warnings);
        }

        public byte[] midi() {
            return MidiWriter.toBytes(piece);
        }
    }

    /** What a learn run made. */
    public record Learned(Path model, int files, int bars, int hits, List<String> genres, List<String> skipped, int heldOut) {
        public Learned {
            genres = List.copyOf(genres);
            skipped = List.copyOf(skipped);
        }
    }

    /** Reads a clip and checks it has drums to groove; errors name {@code file}. */
    public Piece readClip(Path file) {
        return check(MidiReader.read(file).piece(), file);
    }

    /** Reads a clip sent as bytes; {@code name} is how errors call it. */
    public Piece readClip(byte[] midi, Path name) {
        return check(MidiReader.read(midi, name).piece(), name);
    }

    private static Piece check(Piece clip, Path name) {
        if (clip.noteCount() == 0) throw new LoopsmithException(name, "the clip is empty: it has no notes to groove");
        if (clip.tracks().stream().noneMatch(t -> DrumGrid.isDrums(t) && !t.notes().isEmpty())) {
            String parts = String.join(", ", clip.tracks().stream().filter(t -> !t.notes().isEmpty())
                    .map(t -> t.role().name().toLowerCase(Locale.ROOT)).distinct().toList());
            throw new LoopsmithException(name, "no drums in the clip (its notes are " + parts + "): groove plays drum parts, a track on MIDI "
                    + "channel 10 or one named as drums (Drums, Kick, Snare, Hats, Perc, Kit)");
        }
        return clip;
    }

    /** The clip grooved as the request asks. */
    public Grooved groove(Piece clip, Request r) {
        Optional<String> genre = r.genre().map(g -> Synonyms.genre(g)
                .orElseThrow(() -> new InvalidRequestException(RequestField.GENRE, "not a genre: " + g)));
        long seed = r.seed().orElseGet(() -> ThreadLocalRandom.current().nextLong(1, 1_000_000_000L));
        GrooveTransfer transfer = transfer(r.model().orElse(home.resolve(DEFAULT_MODEL)));
        GrooveTransfer.Result result = transfer.apply(clip, new GrooveTransfer.Options(r.amount(), genre, seed));
        return new Grooved(result.piece(), result.hits(), result.genre(), seed, result.warnings());
    }

    /** A grooved clip and where it was written. */
    public record Written(Path file, Grooved grooved) { }

    /** Grooves a clip file and writes the result to {@code out}: a .mid file, or a folder for {@code <clip>_grooved.mid}. */
    public Written grooveFile(Path clip, Request r, Path out) {
        Grooved g = groove(readClip(clip), r);
        boolean isFile = out.getFileName() != null && out.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.midi?$")
                && !Files.isDirectory(out);
        Path target = isFile ? out : out.resolve(stem(clip) + "_grooved.mid");
        MidiWriter.write(g.piece(), target);
        return new Written(target, g);
    }

    /** The file name without its extension. */
    static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private GrooveTransfer transfer(Path model) {
        Path key = model.toAbsolutePath().normalize();
        return loaded.computeIfAbsent(key, k -> new GrooveTransfer(GrooveModel.read(model)));
    }

    /**
     * Learns a groove model from the drum parts of the MIDI files in {@code dir} and writes it to {@code out}. With a
     * split CSV (Groove's {@code info.csv}), only the files it puts in the training split are learned from; the others,
     * and files it does not list, are left out ({@code heldOut}).
     */
    public static Learned learn(Path dir, Optional<Path> splitCsv, Path out) {
        if (!Files.isDirectory(dir)) throw new LoopsmithException(dir, "not a folder");
        Optional<FileSplit> split = splitCsv.map(FileSplit::read);
        Path root = dir.toAbsolutePath().normalize();
        Optional<Path> csvDir = splitCsv.map(c -> c.toAbsolutePath().normalize().getParent());
        int[] heldOut = {0};
        GrooveLearner.Result r = GrooveLearner.learn(dir, rel -> {
            boolean train = split.isEmpty() || split.get().isTraining(csvDir.get().relativize(root.resolve(rel)).toString());
            if (!train) heldOut[0]++;
            return train;
        }, root.getFileName() == null ? root.toString() : root.getFileName().toString());
        r.model().write(out);
        return new Learned(out, r.filesUsed(), r.model().bars(), r.model().hits(), r.model().genres(), r.skipped(), heldOut[0]);
    }
}
