package loopsmith.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import loopsmith.music.BarGrid;
import loopsmith.music.GeneralMidi;
import loopsmith.music.Key;
import loopsmith.music.Mode;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Track;

/**
 * The musical features of one piece, in the MusPy / Yang &amp; Lerch tradition. Pitch features look at pitched
 * tracks only (drum "pitches" name sounds) and are {@code NaN} for a piece without pitched notes; rhythm features look
 * at every track. Histograms are normalized to sum 1 (all zeros when there is nothing to count).
 *
 * @param pitchRange        highest minus lowest pitched note, in semitones
 * @param usedPitchClasses  distinct pitch classes among pitched notes (0..12)
 * @param pitchClassEntropy Shannon entropy of the pitch-class histogram, in bits (0..log2 12)
 * @param scaleConsistency  the largest share of pitched notes inside one major or minor scale
 * @param polyphony         mean number of pitched notes sounding, over the grid steps where at least one sounds
 * @param emptyBeatRate     share of beats where no note of any track sounds
 * @param grooveConsistency 1 − mean Hamming distance between consecutive bars' 16th-note onset patterns (all tracks)
 * @param notesPerBar       notes of all tracks per bar
 * @param ioiHistogram      inter-onset intervals (distinct onsets, all tracks) in 16ths: bin i = i+1 sixteenths, last bin = 16 or more
 * @param durationHistogram pitched note lengths in 16ths, binned like the IOIs
 * @param velocityHistogram velocities in {@value #VELOCITY_BINS} equal bins of 16
 * @param drumsPerBar       onsets per bar of each drum class (kick, snare, hat, other); NaN without a drum track
 */
public record PieceFeatures(double pitchRange, double usedPitchClasses, double pitchClassEntropy, double scaleConsistency,
                            double polyphony, double emptyBeatRate, double grooveConsistency, double notesPerBar,
                            double[] ioiHistogram, double[] durationHistogram, double[] velocityHistogram,
                            Map<DrumClass, Double> drumsPerBar) {
    public static final int SIXTEENTHS_PER_QUARTER = 4;
    /** IOI and duration bins: 1..15 sixteenths, then 16 or more (a bar of 4/4 and longer). */
    public static final int LENGTH_BINS = 16;
    public static final int VELOCITY_BINS = 8;
    /** Polyphony is sampled on a 48th-note grid: fine enough for triplets and 32nds. */
    private static final int POLYPHONY_STEPS_PER_QUARTER = 12;

    /** Drum sounds grouped the way a producer reads a beat. */
    public enum DrumClass {
        KICK, SNARE, HAT, OTHER;

        /** GM percussion key → class: kicks 35/36, snares and claps 37–40, hi-hats 42/44/46, everything else other. */
        public static DrumClass of(int pitch) {
            if (pitch == 35 || pitch == GeneralMidi.KICK) return KICK;
            if (pitch >= 37 && pitch <= 40) return SNARE; // side stick, snare, clap, electric snare
            if (pitch == GeneralMidi.CLOSED_HAT || pitch == GeneralMidi.PEDAL_HAT || pitch == GeneralMidi.OPEN_HAT) return HAT;
            return OTHER;
        }

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The scalar features by name, in a fixed order: what distributions are compared on and the classifier reads. */
    public Map<String, Double> scalars() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("pitch_range", pitchRange);
        m.put("used_pitch_classes", usedPitchClasses);
        m.put("pitch_class_entropy", pitchClassEntropy);
        m.put("scale_consistency", scaleConsistency);
        m.put("polyphony", polyphony);
        m.put("empty_beat_rate", emptyBeatRate);
        m.put("groove_consistency", grooveConsistency);
        m.put("notes_per_bar", notesPerBar);
        for (DrumClass d : DrumClass.values()) m.put(d.label() + "_per_bar", drumsPerBar.get(d));
        return m;
    }

    /** Names of {@link #scalars()}, in order. */
    public static List<String> scalarNames() {
        return List.copyOf(of(Piece.of(480, 120, loopsmith.music.TimeSignature.FOUR_FOUR, java.util.Optional.empty(), List.of(), 0))
                .scalars().keySet());
    }

    public static PieceFeatures of(Piece piece) {
        List<Note> pitched = new ArrayList<>();
        List<Note> all = new ArrayList<>();
        List<Note> drums = new ArrayList<>();
        for (Track t : piece.tracks()) {
            all.addAll(t.notes());
            (t.isDrum() ? drums : pitched).addAll(t.notes());
        }
        int tpq = piece.ticksPerQuarter();
        long bars = Math.max(1, piece.lengthBars());
        double[] pcs = pitchClassHistogram(pitched);
        double nan = Double.NaN;
        return new PieceFeatures(
                pitched.isEmpty() ? nan : pitched.stream().mapToInt(Note::pitch).max().orElse(0) - pitched.stream().mapToInt(Note::pitch).min().orElse(0),
                pitched.isEmpty() ? nan : pitched.stream().map(n -> n.pitch() % 12).distinct().count(),
                pitched.isEmpty() ? nan : entropyBits(pcs),
                pitched.isEmpty() ? nan : scaleConsistency(pcs),
                pitched.isEmpty() ? nan : polyphony(pitched, tpq, piece.endTick()),
                emptyBeatRate(piece, all),
                grooveConsistency(piece, all),
                (double) all.size() / bars,
                lengthHistogram(onsetIntervals(all), tpq),
                lengthHistogram(pitched.stream().mapToLong(Note::durationTicks).toArray(), tpq),
                velocityHistogram(all),
                drumsPerBar(drums, bars, piece.tracks().stream().anyMatch(Track::isDrum)));
    }

    private static double[] pitchClassHistogram(List<Note> notes) {
        double[] h = new double[12];
        for (Note n : notes) h[n.pitch() % 12]++;
        return normalized(h);
    }

    static double entropyBits(double[] p) {
        double e = 0;
        for (double x : p) if (x > 0) e -= x * Math.log(x) / Math.log(2);
        return e;
    }

    /** Natural minor shares its notes with its relative major; both modes are tried so the key found is named right. */
    private static double scaleConsistency(double[] pcShare) {
        double best = 0;
        for (Mode mode : Mode.values()) {
            for (int tonic = 0; tonic < 12; tonic++) {
                Key k = new Key(tonic, mode);
                double in = 0;
                for (int pc = 0; pc < 12; pc++) if (k.inScale(pc)) in += pcShare[pc];
                best = Math.max(best, in);
            }
        }
        return best;
    }

    /** Counted up to the piece's end: what rings past the loop point is cut there by every writer and player. */
    private static double polyphony(List<Note> notes, int tpq, long pieceEndTick) {
        double stepTicks = (double) tpq / POLYPHONY_STEPS_PER_QUARTER;
        long end = 0;
        for (Note n : notes) end = Math.max(end, n.endTick());
        if (pieceEndTick > 0) end = Math.min(end, pieceEndTick);
        int steps = (int) Math.ceil(end / stepTicks);
        int[] sounding = new int[Math.max(1, steps)];
        for (Note n : notes) {
            int from = (int) Math.round(n.startTick() / stepTicks);
            int to = Math.max(from + 1, (int) Math.round(n.endTick() / stepTicks));
            for (int s = from; s < Math.min(to, sounding.length); s++) sounding[s]++;
        }
        long total = 0;
        int busy = 0;
        for (int c : sounding) if (c > 0) {
            total += c;
            busy++;
        }
        return busy == 0 ? 0 : (double) total / busy;
    }

    /** MusPy's definition: a beat is empty when no note sounds in it (a note covers every beat it overlaps). */
    private static double emptyBeatRate(Piece piece, List<Note> notes) {
        BarGrid grid = piece.barGrid();
        long end = Math.max(piece.endTick(), 1);
        List<long[]> beats = new ArrayList<>(); // [start, end) of each beat
        for (long bar = 0; grid.barStartTick(bar) < end; bar++) {
            long start = grid.barStartTick(bar);
            int beatsInBar = timeSignatureAt(piece, start).numerator();
            long beatTicks = Math.max(1, grid.barLengthTicks(bar) / beatsInBar);
            for (int b = 0; b < beatsInBar && start + b * beatTicks < end; b++)
                beats.add(new long[] {start + b * beatTicks, Math.min(end, start + (b + 1) * beatTicks)});
        }
        if (beats.isEmpty()) return 1;
        int empty = 0;
        for (long[] beat : beats) {
            boolean sounding = false;
            for (Note n : notes) {
                long noteEnd = Math.max(n.endTick(), n.startTick() + 1); // a zero-length drum hit still fills its beat
                if (n.startTick() < beat[1] && noteEnd > beat[0]) {
                    sounding = true;
                    break;
                }
            }
            if (!sounding) empty++;
        }
        return (double) empty / beats.size();
    }

    private static loopsmith.music.TimeSignature timeSignatureAt(Piece piece, long tick) {
        loopsmith.music.TimeSignature ts = piece.initialTimeSignature();
        for (var c : piece.timeSignatures()) if (c.tick() <= tick) ts = c.timeSignature();
        return ts;
    }

    /**
     * Yang &amp; Lerch's groove consistency as MusPy computes it: each bar's onsets on a 16th grid as a binary pattern,
     * the Hamming distance between consecutive bars divided by the pattern length, and 1 minus its mean. One bar (or
     * none) has nothing to compare and counts as 1.
     */
    private static double grooveConsistency(Piece piece, List<Note> notes) {
        BarGrid grid = piece.barGrid();
        int tpq = piece.ticksPerQuarter();
        long bars = piece.lengthBars();
        if (bars < 2) return 1;
        double sixteenth = (double) tpq / SIXTEENTHS_PER_QUARTER;
        List<boolean[]> patterns = new ArrayList<>();
        for (long bar = 0; bar < bars; bar++)
            patterns.add(new boolean[(int) Math.max(1, Math.round(grid.barLengthTicks(bar) / sixteenth))]);
        for (Note n : notes) {
            long bar = grid.barAt(n.startTick());
            if (bar >= bars) continue;
            int step = (int) Math.round((n.startTick() - grid.barStartTick(bar)) / sixteenth);
            boolean[] p = patterns.get((int) bar);
            if (step >= p.length) {
                if (bar + 1 < bars) patterns.get((int) bar + 1)[0] = true; // rounded onto the next downbeat
            } else {
                p[step] = true;
            }
        }
        double sum = 0;
        for (int i = 1; i < patterns.size(); i++) {
            boolean[] a = patterns.get(i - 1);
            boolean[] b = patterns.get(i);
            int len = Math.max(a.length, b.length);
            int diff = 0;
            for (int s = 0; s < len; s++) if ((s < a.length && a[s]) != (s < b.length && b[s])) diff++;
            sum += (double) diff / len;
        }
        return 1 - sum / (patterns.size() - 1);
    }

    private static long[] onsetIntervals(List<Note> notes) {
        TreeSet<Long> onsets = new TreeSet<>();
        for (Note n : notes) onsets.add(n.startTick());
        long[] out = new long[Math.max(0, onsets.size() - 1)];
        Long prev = null;
        int i = 0;
        for (long t : onsets) {
            if (prev != null) out[i++] = t - prev;
            prev = t;
        }
        return out;
    }

    /** Lengths in 16ths, rounded, at least 1, the last bin collecting 16 and more. */
    private static double[] lengthHistogram(long[] ticks, int tpq) {
        double[] h = new double[LENGTH_BINS];
        double sixteenth = (double) tpq / SIXTEENTHS_PER_QUARTER;
        for (long t : ticks) {
            int sixteenths = (int) Math.max(1, Math.min(LENGTH_BINS, Math.round(t / sixteenth)));
            h[sixteenths - 1]++;
        }
        return normalized(h);
    }

    private static double[] velocityHistogram(List<Note> notes) {
        double[] h = new double[VELOCITY_BINS];
        for (Note n : notes) h[Math.min(VELOCITY_BINS - 1, n.velocity() / (128 / VELOCITY_BINS))]++;
        return normalized(h);
    }

    /** Onsets per bar of each drum class alone ({@link #drumsPerBar()}), without the other features' work. */
    public static Map<DrumClass, Double> drumsPerBar(Piece piece) {
        List<Note> drums = new ArrayList<>();
        for (Track t : piece.tracks()) if (t.isDrum()) drums.addAll(t.notes());
        return drumsPerBar(drums, Math.max(1, piece.lengthBars()), piece.tracks().stream().anyMatch(Track::isDrum));
    }

    private static Map<DrumClass, Double> drumsPerBar(List<Note> drums, long bars, boolean hasDrums) {
        Map<DrumClass, Double> m = new java.util.EnumMap<>(DrumClass.class);
        for (DrumClass d : DrumClass.values()) m.put(d, hasDrums ? 0.0 : Double.NaN);
        for (Note n : drums) m.merge(DrumClass.of(n.pitch()), 1.0 / bars, Double::sum);
        return java.util.Collections.unmodifiableMap(m);
    }

    static double[] normalized(double[] h) {
        double sum = 0;
        for (double x : h) sum += x;
        if (sum == 0) return h;
        double[] out = new double[h.length];
        for (int i = 0; i < h.length; i++) out[i] = h[i] / sum;
        return out;
    }

    /** Share of pitched notes inside the key's scale; NaN without pitched notes. */
    public static double inKeyRate(Piece piece, Key key) {
        int in = 0;
        int total = 0;
        for (Track t : piece.tracks()) {
            if (t.isDrum()) continue;
            for (Note n : t.notes()) {
                total++;
                if (key.inScale(n.pitch())) in++;
            }
        }
        return total == 0 ? Double.NaN : (double) in / total;
    }
}
