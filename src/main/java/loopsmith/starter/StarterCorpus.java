package loopsmith.starter;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import loopsmith.midi.MidiWriter;
import loopsmith.music.AtomicFiles;
import loopsmith.music.LoopsmithException;
import loopsmith.music.Role;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the starter corpus: {@code DIR/<genre>/<genre>_<nnnn>_<bpm>bpm_<key>.mid} for every loop and a
 * {@code DIR/metadata.csv} in the schema of {@code ../shared/corpus} (path, source, genre, style, mood, bpm, key,
 * time_signature, bars, roles, licence). The loops are the project's own, so their licence is CC0-1.0.
 */
public final class StarterCorpus {
    private StarterCorpus() {}

    public static final String SOURCE = "starter";
    public static final String LICENCE = "CC0-1.0";
    public static final List<String> GENRES = Genres.ALL.stream().map(Genre::name).toList();
    private static final String[] HEADER = {"path", "source", "genre", "style", "mood", "bpm", "key", "time_signature",
        "bars", "roles", "licence"};

    /** What was written: the loops (sorted by path) and the folder. */
    public record Written(Path folder, List<StarterLoop> loops) { }

    /** Every loop of the corpus, in memory, in path order. */
    public static List<StarterLoop> loops(StarterConfig config) {
        List<Genre> genres = new ArrayList<>();
        for (String name : config.genres())
            genres.add(Genres.named(name).orElseThrow(() -> new LoopsmithException(null,
                    "unknown starter genre '" + name + "' (known: " + String.join(", ", GENRES) + ")")));
        int n = config.loopsPerGenre();
        return IntStream.range(0, genres.size() * n).parallel()
                .mapToObj(i -> LoopGenerator.loop(genres.get(i / n), i % n + 1, config.seed()))
                .sorted(Comparator.comparing(StarterLoop::path)).toList();
    }

    /** Writes the corpus under {@code out}; {@code progress} hears the number of loops written so far. */
    public static Written write(Path out, StarterConfig config, IntConsumer progress) {
        if (Files.exists(out) && !Files.isDirectory(out)) throw new LoopsmithException(out, "exists and is not a folder");
        List<StarterLoop> loops = loops(config);
        AtomicInteger done = new AtomicInteger();
        try {
            for (String g : config.genres()) Files.createDirectories(out.resolve(g));
        } catch (IOException e) {
            throw new LoopsmithException(out, "cannot create folder: " + e.getMessage());
        }
        loops.parallelStream().forEach(l -> {
            MidiWriter.write(l.piece(), out.resolve(l.path()));
            progress.accept(done.incrementAndGet());
        });
        AtomicFiles.write(out.resolve("metadata.csv"), "metadata", metadata(loops).getBytes(StandardCharsets.UTF_8));
        return new Written(out, loops);
    }

    static String metadata(List<StarterLoop> loops) {
        StringWriter text = new StringWriter();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(HEADER).setRecordSeparator("\n").build();
        try (CSVPrinter csv = new CSVPrinter(text, format)) {
            for (StarterLoop l : loops) {
                csv.printRecord(l.path(), SOURCE, l.genre(), l.style(), l.mood(), String.format(Locale.ROOT, "%.0f", l.bpm()),
                        l.key(), l.timeSignature(), l.bars(), roles(l.roles()), LICENCE);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return text.toString();
    }

    /** The schema's roles column: a subset of drums;bass;chords;melody in that order (a pad counts as chords). */
    private static String roles(List<Role> roles) {
        List<String> out = new ArrayList<>();
        if (roles.contains(Role.DRUMS)) out.add("drums");
        if (roles.contains(Role.BASS)) out.add("bass");
        if (roles.contains(Role.CHORDS) || roles.contains(Role.PAD)) out.add("chords");
        if (roles.contains(Role.MELODY)) out.add("melody");
        return String.join(";", out);
    }
}
