package loopsmith.library;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import loopsmith.midi.MidiReadResult;
import loopsmith.midi.MidiReader;
import loopsmith.music.LoopsmithException;
import loopsmith.music.Piece;
import loopsmith.music.Track;

/**
 * Learns a {@link GrooveModel} from a folder of performed drums: every drum part of every MIDI file, read as ingest
 * reads it (labels from metadata.csv, sidecars and names; a Roland kit mapped to General MIDI), cut into bars on the
 * file's own sixteenth grid. The files are taken as played to a click at their tempo, as the Groove MIDI Dataset's
 * were, so each hit's distance from the grid is the drummer's push or drag; nothing is cleaned or quantized first.
 */
public final class GrooveLearner {
    /** What was learned, from how many files, and which files gave nothing (with the reason). */
    public record Result(GrooveModel model, int filesUsed, List<String> skipped) {
        public Result {
            skipped = List.copyOf(skipped);
        }
    }

    private GrooveLearner() {}

    /** Learns from the files of {@code dir} whose path relative to it ("a/b.mid") {@code include} accepts. */
    public static Result learn(Path dir, Predicate<String> include, String source) {
        LibraryScan scan = LibraryScanner.scan(dir);
        LabelReader labels = new LabelReader(scan.root());
        List<String> genres = new ArrayList<>();
        Columns columns = new Columns();
        List<String> skipped = new ArrayList<>();
        int used = 0;
        for (Path rel : scan.midi()) {
            String name = rel.toString().replace('\\', '/');
            if (!include.test(name)) continue;
            Path file = scan.root().resolve(rel);
            try {
                MidiReadResult r = MidiReader.read(file);
                Labels l = CorpusRules.labels(labels.labelsFor(file), name);
                Piece piece = CorpusRules.piece(r.piece(), l);
                int genre = l.genre().map(g -> {
                    if (!genres.contains(g)) genres.add(g);
                    return genres.indexOf(g);
                }).orElse(-1);
                int before = columns.bars;
                for (Track t : piece.tracks())
                    if (DrumGrid.isDrums(t)) for (DrumGrid.Bar bar : DrumGrid.bars(piece, t)) columns.add(bar, genre, DrumGrid.bpmAt(piece, bar));
                if (columns.bars == before) skipped.add(name + ": no drum hits");
                else used++;
            } catch (LoopsmithException e) {
                skipped.add(name + ": " + e.reason());
            }
        }
        if (columns.bars == 0) throw new LoopsmithException(dir, "no drum part to learn a groove from (" + skipped.size() + " files skipped)");
        return new Result(columns.model(source, used, genres), used, skipped);
    }

    /** The model's columns as they grow. */
    private static final class Columns {
        int bars;
        final List<int[]> barRows = new ArrayList<>();
        final ByteArrayOutputStream cell = new ByteArrayOutputStream();
        final ByteArrayOutputStream pitch = new ByteArrayOutputStream();
        final ByteArrayOutputStream velocity = new ByteArrayOutputStream();
        final ByteArrayOutputStream offset = new ByteArrayOutputStream();

        void add(DrumGrid.Bar bar, int genre, double bpm) {
            barRows.add(new int[] {genre, bar.steps(), bar.hits().size(), (int) Math.round(bpm)});
            bars++;
            for (DrumGrid.Hit h : bar.hits()) {
                cell.write(GrooveModel.cell(h.group(), h.step()));
                pitch.write(h.pitch());
                velocity.write(h.velocity());
                offset.write(GrooveModel.offsetByte(h.offsetSteps()));
            }
        }

        GrooveModel model(String source, int files, List<String> genres) {
            int[] barGenre = new int[bars];
            int[] barSteps = new int[bars];
            int[] barHits = new int[bars];
            int[] barBpm = new int[bars];
            for (int b = 0; b < bars; b++) {
                barGenre[b] = barRows.get(b)[0];
                barSteps[b] = barRows.get(b)[1];
                barHits[b] = barRows.get(b)[2];
                barBpm[b] = barRows.get(b)[3];
            }
            return new GrooveModel(GrooveModel.FORMAT, GrooveModel.VERSION, source, files, genres, barGenre, barSteps, barBpm, barHits,
                    cell.toByteArray(), pitch.toByteArray(), velocity.toByteArray(), offset.toByteArray());
        }
    }
}
