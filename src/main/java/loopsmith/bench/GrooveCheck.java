package loopsmith.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import loopsmith.audio.Groove;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Track;

/**
 * Scores an extracted {@link Groove} against the MIDI the clip was rendered from. The MIDI's offset of a note is its
 * distance from the nearest sixteenth of the MIDI's own grid; notes within {@link #SAME_ONSET_S} of each other are
 * one attack (kick and hat on one step, a flam), whose time and offset are its earliest note's and whose velocity is
 * its loudest. Each heard onset is paired with the nearest unpaired attack within {@link #PAIR_WINDOW_S}; a pair's
 * error is the difference of the two offsets, taken modulo a sixteenth (a hit half a step off may round to either
 * neighbour on each side).
 */
final class GrooveCheck {
    static final double SAME_ONSET_S = 0.03;
    static final double PAIR_WINDOW_S = 0.035;

    /** One attack: when, its offset from the grid, its loudest velocity. */
    record Attack(double seconds, double offsetMs, int velocity) { }

    /**
     * What one clip scored.
     *
     * @param attacks   attacks in the MIDI
     * @param errorsMs  per paired attack, |heard offset − MIDI offset|
     * @param velocities per paired attack, {MIDI velocity, heard velocity}
     */
    record Score(int attacks, List<Double> errorsMs, List<int[]> velocities) { }

    private GrooveCheck() {}

    static Score score(Piece midi, Groove heard) {
        List<Attack> reference = reference(midi);
        List<Attack> detected = detected(heard);
        double stepMs = 60_000.0 / heard.bpm() / Groove.STEPS_PER_BEAT;
        boolean[] used = new boolean[reference.size()];
        List<Double> errors = new ArrayList<>();
        List<int[]> velocities = new ArrayList<>();
        for (Attack d : detected) {
            int best = -1;
            for (int i = 0; i < reference.size(); i++) {
                if (used[i] || Math.abs(reference.get(i).seconds() - d.seconds()) > PAIR_WINDOW_S) continue;
                if (best < 0 || Math.abs(reference.get(i).seconds() - d.seconds()) < Math.abs(reference.get(best).seconds() - d.seconds())) best = i;
            }
            if (best < 0) continue;
            used[best] = true;
            Attack r = reference.get(best);
            double diff = d.offsetMs() - r.offsetMs();
            diff -= stepMs * Math.round(diff / stepMs);
            errors.add(Math.abs(diff));
            velocities.add(new int[] {r.velocity(), d.velocity()});
        }
        return new Score(reference.size(), errors, velocities);
    }

    /** The MIDI's attacks, each note's offset measured against the MIDI's sixteenth grid. */
    static List<Attack> reference(Piece midi) {
        long stepTicks = midi.ticksPerQuarter() / Groove.STEPS_PER_BEAT;
        List<Note> notes = new ArrayList<>();
        for (Track t : midi.tracks()) for (Note n : t.notes()) if (n.startTick() < midi.endTick()) notes.add(n);
        notes.sort(Comparator.comparingLong(Note::startTick));
        List<Attack> out = new ArrayList<>();
        for (Note n : notes) {
            double seconds = midi.secondsAt(n.startTick());
            if (!out.isEmpty() && seconds - out.get(out.size() - 1).seconds() <= SAME_ONSET_S) {
                Attack last = out.remove(out.size() - 1);
                out.add(new Attack(last.seconds(), last.offsetMs(), Math.max(last.velocity(), n.velocity())));
                continue;
            }
            long step = Math.round(n.startTick() / (double) stepTicks);
            double offsetMs = (midi.secondsAt(n.startTick()) - midi.secondsAt(step * stepTicks)) * 1000;
            out.add(new Attack(seconds, offsetMs, n.velocity()));
        }
        return out;
    }

    /** The groove's onsets: the drums heard at one onset share its time; the loudest gives the velocity. */
    private static List<Attack> detected(Groove g) {
        List<Attack> out = new ArrayList<>();
        for (Groove.Hit h : g.hits()) {
            if (!out.isEmpty() && out.get(out.size() - 1).seconds() == h.seconds()) {
                Attack last = out.remove(out.size() - 1);
                out.add(new Attack(last.seconds(), last.offsetMs(), Math.max(last.velocity(), h.velocity())));
            } else {
                out.add(new Attack(h.seconds(), h.offsetMs(), h.velocity()));
            }
        }
        return out;
    }
}
