package loopsmith.library;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import loopsmith.music.BarGrid;
import loopsmith.music.Key;
import loopsmith.music.KeyFinder;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TempoChange;
import loopsmith.music.TimeSignatureChange;
import loopsmith.music.Track;

/**
 * Turns a file as read into training material: labels applied (meter, tempo, key, the role of a single-track file),
 * swing detected and straightened, onsets quantized, leading silence and pickups removed, optional role merging and
 * transposition. Every decision is recorded in the {@link Cleaned} result for the report.
 */
public final class Cleaner {
    private final CleanConfig config;

    public Cleaner(CleanConfig config) {
        this.config = config;
    }

    public Cleaned clean(Piece piece, boolean tempoInFile, Labels labels) {
        List<String> warnings = new ArrayList<>();
        Piece p = piece;

        // Meter: a label wins over the file (POP909's files say 1/4 where the songs are in 2/4 or 4/4).
        if (labels.timeSignature().isPresent() && !(p.timeSignatures().size() == 1
                && p.initialTimeSignature().equals(labels.timeSignature().get()))) {
            if (p.timeSignatures().size() > 1 || !p.initialTimeSignature().equals(labels.timeSignature().get()))
                warnings.add("time signature " + labels.timeSignature().get() + " from labels replaces the file's "
                        + p.initialTimeSignature() + (p.timeSignatures().size() > 1 ? " (and its changes)" : ""));
            p = new Piece(p.ticksPerQuarter(), p.tempos(), List.of(new TimeSignatureChange(0, labels.timeSignature().get())),
                    p.key(), p.tracks(), p.endTick());
        }

        // Tempo: labels, then the file, then the standard's 120. Tempo changes do not move ticks, so the dominant
        // tempo stands for the whole file.
        double bpm;
        String bpmSource;
        String tempoNote = "";
        if (labels.bpm().isPresent()) {
            bpm = labels.bpm().getAsDouble();
            bpmSource = "label";
        } else if (tempoInFile) {
            bpm = p.dominantBpm();
            bpmSource = "file";
        } else {
            bpm = TempoChange.DEFAULT_BPM;
            bpmSource = "assumed";
        }
        if (p.tempos().size() > 1)
            tempoNote = String.format(Locale.ROOT, "%d tempos in the file; dominant %.2f BPM used", p.tempos().size(), p.dominantBpm());
        bpm = Math.max(TempoChange.MIN_BPM, Math.min(TempoChange.MAX_BPM, bpm));
        p = new Piece(p.ticksPerQuarter(), List.of(new TempoChange(0, bpm)), p.timeSignatures(), p.key(), p.tracks(), p.endTick());

        // The role of a single-part file comes from its labels when they name exactly one part ("Basslines/…").
        List<Track> pitched = p.tracks().stream().filter(t -> !t.isDrum()).toList();
        if (p.tracks().size() == 1 && pitched.size() == 1 && labels.roles().size() == 1) {
            Role labelled = labels.roles().iterator().next();
            if (labelled != Role.DRUMS && labelled != pitched.get(0).role())
                p = p.withTracks(List.of(pitched.get(0).withRole(labelled)));
        }

        // Key: labels, then the key signature, then Krumhansl–Schmuckler. A drums-only file has none to give: its key
        // signature is a sequencer's default (Groove's files all say C major), not a key anyone played in.
        boolean pitchedNotes = p.tracks().stream().anyMatch(t -> !t.isDrum() && !t.notes().isEmpty());
        Optional<Key> key;
        String keySource;
        double keyConfidence = 1;
        if (labels.key().isPresent()) {
            key = labels.key();
            keySource = "label";
        } else if (p.key().isPresent() && pitchedNotes) {
            key = p.key();
            keySource = "key signature";
        } else {
            Optional<KeyFinder.Estimate> estimate = KeyFinder.estimate(p.tracks());
            key = estimate.map(KeyFinder.Estimate::key);
            keySource = estimate.isPresent() ? "estimated" : "none";
            keyConfidence = estimate.map(KeyFinder.Estimate::confidence).orElse(0.0);
        }
        p = p.withKey(key);

        Optional<Swing> swing = config.detectSwing() ? Swing.detect(p.tracks(), p.ticksPerQuarter()) : Optional.empty();
        p = quantize(p, swing);

        int[] dropped = new int[2];
        p = alignToFirstDownbeat(p, dropped);
        if (config.mergeDuplicateRoles()) p = mergeDuplicateRoles(p);
        if (config.transposeTo().isPresent() && key.isPresent()) p = transpose(p, key.get(), config.transposeTo().get(), warnings);
        return new Cleaned(p, bpmSource, tempoNote, p.key(), keySource, keyConfidence, swing, dropped[0], dropped[1], warnings);
    }

    /** Straightens swing, then moves onsets and note ends toward the grid by the configured strength. */
    private Piece quantize(Piece p, Optional<Swing> swing) {
        double grid = (double) p.ticksPerQuarter() / config.gridStepsPerQuarter();
        long minDuration = Math.max(1, Math.round(grid));
        List<Track> tracks = new ArrayList<>(p.tracks().size());
        for (Track t : p.tracks()) {
            List<Note> notes = new ArrayList<>(t.notes().size());
            for (Note n : t.notes()) {
                long start = n.startTick();
                long end = n.endTick();
                if (swing.isPresent()) {
                    start = swing.get().straighten(start);
                    end = Math.max(start, swing.get().straighten(end));
                }
                start = snap(start, grid);
                end = snap(end, grid);
                notes.add(new Note(n.pitch(), n.velocity(), start, Math.max(minDuration, end - start)));
            }
            tracks.add(t.withNotes(notes));
        }
        return p.withTracks(tracks);
    }

    private long snap(long tick, double grid) {
        double target = Math.round(tick / grid) * grid;
        return Math.max(0, Math.round(tick + config.quantizeStrength() * (target - tick)));
    }

    /**
     * Starts the piece at the bar of its first note. Without {@code keepPickup}, a first bar whose notes all fall in
     * its second half is a pickup and is dropped, so bar 0 is the first downbeat.
     */
    private Piece alignToFirstDownbeat(Piece p, int[] dropped) {
        long first = Long.MAX_VALUE;
        for (Track t : p.tracks()) if (!t.notes().isEmpty()) first = Math.min(first, t.notes().get(0).startTick());
        if (first == Long.MAX_VALUE) return p;
        BarGrid grid = p.barGrid();
        long bar = grid.barAt(first);
        long barStart = grid.barStartTick(bar);
        long nextBar = grid.barStartTick(bar + 1);
        if (!config.keepPickup() && first - barStart >= (nextBar - barStart) / 2) {
            int pickupNotes = 0;
            boolean laterNotes = false;
            for (Track t : p.tracks())
                for (Note n : t.notes()) {
                    if (n.startTick() < nextBar) pickupNotes++;
                    else laterNotes = true;
                }
            if (laterNotes) {
                dropped[1] = pickupNotes;
                bar++;
                barStart = nextBar;
            }
        }
        if (barStart == 0) return p;
        dropped[0] = (int) Math.min(Integer.MAX_VALUE, bar - (dropped[1] > 0 ? 1 : 0));
        return shift(p, barStart);
    }

    /** The piece from {@code from} on, moved to start at tick 0. */
    private static Piece shift(Piece p, long from) {
        List<Track> tracks = new ArrayList<>(p.tracks().size());
        for (Track t : p.tracks()) {
            List<Note> notes = new ArrayList<>(t.notes().size());
            for (Note n : t.notes())
                if (n.startTick() >= from) notes.add(new Note(n.pitch(), n.velocity(), n.startTick() - from, n.durationTicks()));
            tracks.add(t.withNotes(notes));
        }
        List<TimeSignatureChange> meters = new ArrayList<>();
        for (TimeSignatureChange c : p.timeSignatures()) {
            if (c.tick() <= from) meters.clear();
            meters.add(new TimeSignatureChange(Math.max(0, c.tick() - from), c.timeSignature()));
        }
        return new Piece(p.ticksPerQuarter(), p.tempos(), meters, p.key(), tracks, Math.max(0, p.endTick() - from));
    }

    private static Piece mergeDuplicateRoles(Piece p) {
        Map<Role, List<Track>> byRole = new EnumMap<>(Role.class);
        for (Track t : p.tracks()) byRole.computeIfAbsent(t.role(), r -> new ArrayList<>()).add(t);
        Map<Role, Track> merged = new LinkedHashMap<>();
        for (Track t : p.tracks()) {
            if (merged.containsKey(t.role())) continue;
            List<Track> same = byRole.get(t.role());
            List<Note> notes = new ArrayList<>();
            for (Track s : same) notes.addAll(s.notes());
            merged.put(t.role(), t.withNotes(notes));
        }
        return p.withTracks(List.copyOf(merged.values()));
    }

    /** Moves pitched tracks by the smallest interval (-6..+5) that lands the key on the target tonic. */
    private static Piece transpose(Piece p, Key from, Key to, List<String> warnings) {
        Key target = from.mode() == to.mode() ? to
                : new Key(Math.floorMod(to.tonicPitchClass() + (to.mode() == loopsmith.music.Mode.MAJOR ? 9 : 3), 12), from.mode());
        int semitones = Math.floorMod(target.tonicPitchClass() - from.tonicPitchClass() + 6, 12) - 6;
        if (semitones == 0) return p;
        int lost = 0;
        List<Track> tracks = new ArrayList<>();
        for (Track t : p.tracks()) {
            if (t.isDrum()) {
                tracks.add(t);
                continue;
            }
            List<Note> notes = new ArrayList<>();
            for (Note n : t.notes()) {
                int pitch = n.pitch() + semitones;
                if (pitch < Note.MIN_PITCH || pitch > Note.MAX_PITCH) lost++;
                else notes.add(new Note(pitch, n.velocity(), n.startTick(), n.durationTicks()));
            }
            tracks.add(t.withNotes(notes));
        }
        if (lost > 0) warnings.add(lost + " notes fell outside the MIDI range when transposing and were dropped");
        return p.withTracks(tracks).withKey(Optional.of(from.transposed(semitones)));
    }
}
