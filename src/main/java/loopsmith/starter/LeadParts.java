package loopsmith.starter;

import java.util.ArrayList;
import java.util.List;
import loopsmith.music.Key;

/**
 * Melodies in key built the way writers build hooks: a one- or two-bar motif (a rhythm and a contour in scale steps)
 * stated, restated over the next chord, and answered by a cadence that lands on a chord tone. Strong beats snap to
 * chord tones; the line stays in its register by leaning back toward the middle.
 */
final class LeadParts {
    private LeadParts() {}

    /** A motif: onsets and lengths in sixteenths from its first bar, and the scale steps between its notes. */
    private record Motif(double[] onsets, double[] lengths, int[] moves, int bars) { }

    static void play(Parts.Lead style, List<Chord> chords, Key key, boolean pentatonic, PartWriter w) {
        int low = style == Parts.Lead.BELLS ? 72 : style == Parts.Lead.FLOATING ? 64 : 62;
        int high = low + (style == Parts.Lead.FLOATING ? 24 : 21);
        List<Integer> scale = scalePitches(key, pentatonic, low, high);
        Motif a = motif(style, w);
        Motif answer = motif(style, w);
        int velocity = style == Parts.Lead.FLOATING ? 70 : style == Parts.Lead.SPARSE ? 82 : 94;
        int pitch = nearest(scale, (low + high) / 2);
        for (int phraseStart = 0; phraseStart < w.bars; phraseStart += 4) {
            int bar = phraseStart;
            while (bar < Math.min(w.bars, phraseStart + 4)) {
                boolean last = bar + a.bars >= Math.min(w.bars, phraseStart + 4);
                Motif m = last && phraseStart + 4 <= w.bars && (phraseStart / 4) % 2 == 1 ? answer : a;
                pitch = state(m, bar, chords, key, scale, pitch, velocity, last, w);
                bar += m.bars;
            }
        }
    }

    private static int state(Motif m, int bar, List<Chord> chords, Key key, List<Integer> scale, int pitch, int velocity,
                             boolean cadence, PartWriter w) {
        int spb = w.stepsPerBar;
        for (int i = 0; i < m.onsets.length; i++) {
            int b = bar + (int) (m.onsets[i] / spb);
            double step = m.onsets[i] % spb;
            if (b >= w.bars) break;
            Chord chord = chords.get(b);
            int index = scale.indexOf(nearest(scale, pitch)) + m.moves[i];
            // Lean back toward the middle of the register rather than running off either end.
            if (index < 2) index += 2;
            if (index > scale.size() - 3) index -= 2;
            int p = scale.get(Math.max(0, Math.min(scale.size() - 1, index)));
            boolean strong = step % (spb == 16 ? 8 : 6) == 0;
            boolean end = cadence && i == m.onsets.length - 1;
            if (strong || end) p = nearestChordTone(scale, chord, p, end ? key.tonicPitchClass() : -1);
            double length = end ? Math.max(m.lengths[i], Math.min(8, spb - step)) : m.lengths[i];
            w.note(b, step, p, velocity + (strong ? 8 : 0), length);
            pitch = p;
        }
        return pitch;
    }

    private static Motif motif(Parts.Lead style, PartWriter w) {
        int spb = w.stepsPerBar;
        int bars = switch (style) {
            case RIFF, BELLS -> 1;
            default -> 2;
        };
        int grid = switch (style) {
            case RIFF, BELLS -> 1;
            case FLOATING -> 4;
            default -> 2;
        };
        int notesPerBar = switch (style) {
            case RIFF -> 4 + w.rng.nextInt(4);
            case BELLS -> 5 + w.rng.nextInt(4);
            case HOOK -> 3 + w.rng.nextInt(4);
            case SPARSE -> 2 + w.rng.nextInt(3);
            case LINE -> 5 + w.rng.nextInt(3);
            case FLOATING -> 1 + w.rng.nextInt(2);
        };
        List<Double> onsets = new ArrayList<>();
        for (int b = 0; b < bars; b++) {
            List<Integer> slots = new ArrayList<>();
            for (int s = 0; s < spb; s += grid) slots.add(s);
            List<Integer> chosen = new ArrayList<>();
            chosen.add(0);
            // Downbeats and beats first, then the syncopations the idiom likes.
            while (chosen.size() < Math.min(notesPerBar, slots.size())) {
                int s = slots.get(w.rng.nextInt(slots.size()));
                double weight = s % 4 == 0 ? 0.9 : s % 2 == 0 ? 0.6 : 0.45;
                if (!chosen.contains(s) && w.chance(weight)) chosen.add(s);
            }
            chosen.sort(null);
            for (int s : chosen) onsets.add((double) (b * spb + s));
        }
        double total = bars * spb;
        double[] on = onsets.stream().mapToDouble(Double::doubleValue).toArray();
        double[] len = new double[on.length];
        int[] moves = new int[on.length];
        for (int i = 0; i < on.length; i++) {
            double gap = (i + 1 < on.length ? on[i + 1] : total) - on[i];
            len[i] = style == Parts.Lead.RIFF || style == Parts.Lead.BELLS ? Math.min(gap, 1 + w.rng.nextInt(2)) : gap;
            double u = w.rng.nextDouble();
            int size = u < 0.15 ? 0 : u < 0.7 ? 1 : u < 0.9 ? 2 : 3 + w.rng.nextInt(2);
            moves[i] = i == 0 ? 0 : (w.chance(0.5) ? size : -size);
        }
        return new Motif(on, len, moves, bars);
    }

    static List<Integer> scalePitches(Key key, boolean pentatonic, int low, int high) {
        List<Integer> out = new ArrayList<>();
        for (int p = low; p <= high; p++) {
            if (!key.inScale(p)) continue;
            int degree = Math.floorMod(p - key.tonicPitchClass(), 12);
            // Pentatonic drops the two half-step degrees: 4 and 7 in major (F, B in C), 2 and 6 in minor.
            if (pentatonic && (key.mode() == loopsmith.music.Mode.MAJOR ? (degree == 5 || degree == 11) : (degree == 2 || degree == 8)))
                continue;
            out.add(p);
        }
        return out;
    }

    private static int nearest(List<Integer> scale, int pitch) {
        int best = scale.get(0);
        for (int p : scale) if (Math.abs(p - pitch) < Math.abs(best - pitch)) best = p;
        return best;
    }

    /** The nearest scale pitch that belongs to the chord (to the tonic when {@code prefer} names it and it is close). */
    private static int nearestChordTone(List<Integer> scale, Chord chord, int pitch, int prefer) {
        int best = -1;
        for (int p : scale) {
            boolean ok = prefer >= 0 ? Math.floorMod(p - prefer, 12) == 0 : chord.contains(p);
            if (ok && (best < 0 || Math.abs(p - pitch) < Math.abs(best - pitch))) best = p;
        }
        if (best >= 0 && Math.abs(best - pitch) <= 7) return best;
        return prefer >= 0 ? nearestChordTone(scale, chord, pitch, -1) : pitch;
    }
}
