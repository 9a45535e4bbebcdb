package loopsmith.music;

import java.util.List;
import java.util.Locale;

/**
 * Guesses what a track does from what a file tells us: the drum channel, the track name, the GM program, then the
 * notes themselves (register, polyphony, note length). Names win over programs because producers name tracks
 * ("Bass", "Keys") but often leave the program at 0.
 */
public final class RoleGuesser {
    private RoleGuesser() {}

    private static final int BASS_MEAN_PITCH_MAX = 52; // below E3 on average: a bass register
    private static final double MONOPHONIC_SHARE = 0.8; // share of onsets with a single note
    private static final double PAD_MEAN_BEATS = 2.0; // notes held two beats or more on average

    public static Role guess(String name, int program, boolean isDrum, List<Note> notes, int ticksPerQuarter) {
        if (isDrum) return Role.DRUMS;
        Role byName = fromName(name);
        if (byName != null) return byName;
        if (GeneralMidi.isBassProgram(program)) return Role.BASS;
        if (GeneralMidi.isFxProgram(program)) return Role.FX;
        if (notes.isEmpty()) return GeneralMidi.isPadProgram(program) ? Role.PAD : Role.OTHER;

        double meanPitch = notes.stream().mapToInt(Note::pitch).average().orElse(60);
        double meanBeats = notes.stream().mapToLong(Note::durationTicks).average().orElse(0) / ticksPerQuarter;
        double monophonic = monophonicShare(notes);
        if (meanPitch <= BASS_MEAN_PITCH_MAX && monophonic >= MONOPHONIC_SHARE) return Role.BASS;
        // Held block chords look like a pad by their notes alone (folk accompaniment holds whole bars), so a pad
        // needs a pad or string program as well.
        if (GeneralMidi.isPadProgram(program) && meanBeats >= PAD_MEAN_BEATS) return Role.PAD;
        return monophonic >= MONOPHONIC_SHARE ? Role.MELODY : Role.CHORDS;
    }

    /** A role named by a track or file name ("Bass", "Lead Synth", "Kick"), or {@code null}. */
    public static Role fromName(String name) {
        if (name == null) return null;
        String n = name.toLowerCase(Locale.ROOT);
        if (containsAny(n, "drum", "kick", "snare", "hat", "perc", "beat", "kit", "808 kit", "cymbal", "tom")) return Role.DRUMS;
        if (containsAny(n, "bass", "sub", "808")) return Role.BASS;
        if (containsAny(n, "chord", "piano", "keys", "rhodes", "organ", "comp", "harmony", "accomp", "stab")) return Role.CHORDS;
        if (containsAny(n, "pad", "string", "atmos", "drone")) return Role.PAD;
        if (containsAny(n, "melody", "lead", "vocal", "vox", "hook", "topline", "arp", "bridge", "solo")) return Role.MELODY;
        if (containsAny(n, "fx", "riser", "sweep", "noise", "impact")) return Role.FX;
        return null;
    }

    private static boolean containsAny(String s, String... words) {
        for (String w : words) if (s.contains(w)) return true;
        return false;
    }

    /** Share of distinct onsets at which exactly one note starts and no earlier note is still sounding. */
    static double monophonicShare(List<Note> notes) {
        if (notes.isEmpty()) return 1;
        int onsets = 0;
        int single = 0;
        long maxEndBefore = -1;
        int i = 0;
        while (i < notes.size()) {
            long t = notes.get(i).startTick();
            int j = i;
            long maxEndHere = maxEndBefore;
            while (j < notes.size() && notes.get(j).startTick() == t) {
                maxEndHere = Math.max(maxEndHere, notes.get(j).endTick());
                j++;
            }
            onsets++;
            if (j - i == 1 && maxEndBefore <= t) single++;
            maxEndBefore = maxEndHere;
            i = j;
        }
        return (double) single / onsets;
    }
}
