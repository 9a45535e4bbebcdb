package loopsmith.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import loopsmith.library.CleanConfig;
import loopsmith.library.Cleaned;
import loopsmith.library.Cleaner;
import loopsmith.library.CorpusRules;
import loopsmith.library.LabelReader;
import loopsmith.library.Labels;
import loopsmith.library.LibraryScan;
import loopsmith.library.LibraryScanner;
import loopsmith.library.Segment;
import loopsmith.library.Segmenter;
import loopsmith.midi.MidiReadResult;
import loopsmith.midi.MidiReader;
import loopsmith.music.Key;
import loopsmith.music.LoopsmithException;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import loopsmith.music.Track;
import loopsmith.tokens.Tags;

/**
 * A labelled folder of MIDI files read the way ingest reads a library: labels from metadata.csv, sidecars and names
 * ({@link LabelReader}), each file cleaned (label tempo and meter, quantized) and cut into windows of the evaluated
 * length. One window per file, the middle one, stands for the file, so that a long song and a 2-bar loop weigh the
 * same and no file sits on both sides of a cross-validation split; the whole cleaned file is kept for the memorization
 * check.
 */
public final class ReferenceSet {
    /** Roles the generator is asked for; OTHER tracks of a reference file are not something to request. */
    private static final Set<Role> REQUESTABLE = EnumSet.of(Role.DRUMS, Role.BASS, Role.CHORDS, Role.MELODY, Role.PAD);

    /**
     * One reference file: its window, the whole cleaned piece, its labels as a generation request would use them, and
     * its swing as played: measured on the file as read, since cleaning straightens swing and quantizes to a grid
     * (1/24 quarter) too coarse to tell 0.64 from 0.67.
     */
    public record Item(String file, Piece window, Piece whole, Tags tags, double bpm, TimeSignature timeSignature,
                       Optional<Key> key, List<Role> roles, PieceFeatures features, SwingMeasure swingAsPlayed) {
        public Optional<String> genre() {
            return tags.genre();
        }
    }

    /** What was read, and what could not be (file and reason). */
    public record Read(List<Item> items, List<String> skipped) { }

    private ReferenceSet() {}

    /**
     * Reads up to {@code limit} files (all when 0), chosen by a seeded shuffle so a limited set still spans the
     * folder's sources, then kept in path order.
     */
    public static Read read(Path dir, int windowBars, int limit, long seed) {
        return read(dir, windowBars, limit, seed, rel -> true);
    }

    /** The files of {@code dir} whose path relative to it ("a/b.mid") {@code include} accepts, read as above. */
    public static Read read(Path dir, int windowBars, int limit, long seed, java.util.function.Predicate<String> include) {
        LibraryScan scan = LibraryScanner.scan(dir);
        if (scan.midi().isEmpty()) throw new LoopsmithException(dir, "no MIDI files found in the reference folder");
        List<Path> files = new ArrayList<>(scan.midi().stream().filter(p -> include.test(p.toString().replace('\\', '/'))).toList());
        if (files.isEmpty()) throw new LoopsmithException(dir, "no MIDI file of the reference folder is in the chosen set");
        if (limit > 0 && limit < files.size()) {
            java.util.Collections.shuffle(files, new java.util.Random(new SplittableRandom(seed).nextLong()));
            files = new ArrayList<>(files.subList(0, limit));
            files.sort(null);
        }
        LabelReader labels = new LabelReader(scan.root());
        Cleaner cleaner = new Cleaner(CleanConfig.defaults());
        Segmenter segmenter = new Segmenter(windowBars, windowBars, windowBars);
        List<Item> items = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path rel : files) {
            Path file = scan.root().resolve(rel);
            try {
                MidiReadResult r = MidiReader.read(file);
                if (r.piece().noteCount() == 0) {
                    skipped.add(rel + ": no notes");
                    continue;
                }
                // Read as ingest reads it: a known corpus's rules (a Roland kit mapped to GM, POP909's bass) applied.
                Labels l = CorpusRules.labels(labels.labelsFor(file), rel.toString());
                Cleaned c = cleaner.clean(CorpusRules.piece(r.piece(), l), r.tempoInFile(), l);
                List<Segment> windows = segmenter.segment(c.piece()).segments();
                if (windows.isEmpty()) {
                    skipped.add(rel + ": no " + windowBars + "-bar window with notes");
                    continue;
                }
                Piece window = windows.get(windows.size() / 2).piece();
                Piece whole = c.piece();
                // The labelled parts, and where the file plays more parts than its labels name, the ones they leave out:
                // the reference's features are measured on all its parts, so a piece asked for fewer would be judged
                // against more than it was asked to play (POP909's labels say chords and melody; its piano, split as
                // ingest reads it, also plays the bass). Only when it plays more: a label that names a part another
                // word for the track's (chords played on a pad) is the same part, not a missing one.
                List<Role> roles = new ArrayList<>();
                for (Role role : l.roles()) if (REQUESTABLE.contains(role)) roles.add(role);
                List<Role> played = whole.tracks().stream().map(Track::role).filter(REQUESTABLE::contains).distinct().toList();
                for (Role role : played) if (roles.size() < played.size() && !roles.contains(role)) roles.add(role);
                // The tags ingest gives the file: a Groove fill is STYLE=fill, a performed corpus FEEL=human.
                items.add(new Item(rel.toString().replace('\\', '/'), window, whole, Tags.of(l),
                        whole.dominantBpm(), whole.initialTimeSignature(), c.key(), List.copyOf(roles), PieceFeatures.of(window),
                        SwingMeasure.of(r.piece())));
            } catch (LoopsmithException e) {
                skipped.add(rel + ": " + e.getMessage());
            }
        }
        if (items.isEmpty()) throw new LoopsmithException(dir, "no usable reference file (" + skipped.size() + " skipped)");
        return new Read(List.copyOf(items), List.copyOf(skipped));
    }
}
