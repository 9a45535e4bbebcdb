package loopsmith.music;

import java.util.Map;
import java.util.TreeMap;

/** General MIDI names and ranges: programs (0-based), percussion keys, and what counts as a drum pitch. */
public final class GeneralMidi {
    private GeneralMidi() {}

    /** Percussion keys of GM Level 1 (35..81) plus the GS/XG extensions producers' files use (27..34, 82..87). */
    public static final int MIN_DRUM_PITCH = 27;
    public static final int MAX_DRUM_PITCH = 87;

    public static final int KICK = 36;
    public static final int SNARE = 38;
    public static final int CLAP = 39;
    public static final int CLOSED_HAT = 42;
    public static final int PEDAL_HAT = 44;
    public static final int OPEN_HAT = 46;
    public static final int CRASH = 49;
    public static final int RIDE = 51;

    private static final String[] PROGRAMS = {
        "Acoustic Grand Piano", "Bright Acoustic Piano", "Electric Grand Piano", "Honky-tonk Piano", "Electric Piano 1",
        "Electric Piano 2", "Harpsichord", "Clavinet", "Celesta", "Glockenspiel", "Music Box", "Vibraphone", "Marimba",
        "Xylophone", "Tubular Bells", "Dulcimer", "Drawbar Organ", "Percussive Organ", "Rock Organ", "Church Organ",
        "Reed Organ", "Accordion", "Harmonica", "Tango Accordion", "Acoustic Guitar (nylon)", "Acoustic Guitar (steel)",
        "Electric Guitar (jazz)", "Electric Guitar (clean)", "Electric Guitar (muted)", "Overdriven Guitar",
        "Distortion Guitar", "Guitar Harmonics", "Acoustic Bass", "Electric Bass (finger)", "Electric Bass (pick)",
        "Fretless Bass", "Slap Bass 1", "Slap Bass 2", "Synth Bass 1", "Synth Bass 2", "Violin", "Viola", "Cello",
        "Contrabass", "Tremolo Strings", "Pizzicato Strings", "Orchestral Harp", "Timpani", "String Ensemble 1",
        "String Ensemble 2", "Synth Strings 1", "Synth Strings 2", "Choir Aahs", "Voice Oohs", "Synth Voice",
        "Orchestra Hit", "Trumpet", "Trombone", "Tuba", "Muted Trumpet", "French Horn", "Brass Section", "Synth Brass 1",
        "Synth Brass 2", "Soprano Sax", "Alto Sax", "Tenor Sax", "Baritone Sax", "Oboe", "English Horn", "Bassoon",
        "Clarinet", "Piccolo", "Flute", "Recorder", "Pan Flute", "Blown Bottle", "Shakuhachi", "Whistle", "Ocarina",
        "Lead 1 (square)", "Lead 2 (sawtooth)", "Lead 3 (calliope)", "Lead 4 (chiff)", "Lead 5 (charang)",
        "Lead 6 (voice)", "Lead 7 (fifths)", "Lead 8 (bass + lead)", "Pad 1 (new age)", "Pad 2 (warm)",
        "Pad 3 (polysynth)", "Pad 4 (choir)", "Pad 5 (bowed)", "Pad 6 (metallic)", "Pad 7 (halo)", "Pad 8 (sweep)",
        "FX 1 (rain)", "FX 2 (soundtrack)", "FX 3 (crystal)", "FX 4 (atmosphere)", "FX 5 (brightness)", "FX 6 (goblins)",
        "FX 7 (echoes)", "FX 8 (sci-fi)", "Sitar", "Banjo", "Shamisen", "Koto", "Kalimba", "Bagpipe", "Fiddle", "Shanai",
        "Tinkle Bell", "Agogo", "Steel Drums", "Woodblock", "Taiko Drum", "Melodic Tom", "Synth Drum", "Reverse Cymbal",
        "Guitar Fret Noise", "Breath Noise", "Seashore", "Bird Tweet", "Telephone Ring", "Helicopter", "Applause",
        "Gunshot"
    };

    private static final Map<Integer, String> DRUMS = new TreeMap<>(Map.ofEntries(
            Map.entry(27, "High Q"), Map.entry(28, "Slap"), Map.entry(29, "Scratch Push"), Map.entry(30, "Scratch Pull"),
            Map.entry(31, "Sticks"), Map.entry(32, "Square Click"), Map.entry(33, "Metronome Click"),
            Map.entry(34, "Metronome Bell"), Map.entry(35, "Acoustic Bass Drum"), Map.entry(36, "Bass Drum 1"),
            Map.entry(37, "Side Stick"), Map.entry(38, "Acoustic Snare"), Map.entry(39, "Hand Clap"),
            Map.entry(40, "Electric Snare"), Map.entry(41, "Low Floor Tom"), Map.entry(42, "Closed Hi-Hat"),
            Map.entry(43, "High Floor Tom"), Map.entry(44, "Pedal Hi-Hat"), Map.entry(45, "Low Tom"),
            Map.entry(46, "Open Hi-Hat"), Map.entry(47, "Low-Mid Tom"), Map.entry(48, "Hi-Mid Tom"),
            Map.entry(49, "Crash Cymbal 1"), Map.entry(50, "High Tom"), Map.entry(51, "Ride Cymbal 1"),
            Map.entry(52, "Chinese Cymbal"), Map.entry(53, "Ride Bell"), Map.entry(54, "Tambourine"),
            Map.entry(55, "Splash Cymbal"), Map.entry(56, "Cowbell"), Map.entry(57, "Crash Cymbal 2"),
            Map.entry(58, "Vibraslap"), Map.entry(59, "Ride Cymbal 2"), Map.entry(60, "Hi Bongo"),
            Map.entry(61, "Low Bongo"), Map.entry(62, "Mute Hi Conga"), Map.entry(63, "Open Hi Conga"),
            Map.entry(64, "Low Conga"), Map.entry(65, "High Timbale"), Map.entry(66, "Low Timbale"),
            Map.entry(67, "High Agogo"), Map.entry(68, "Low Agogo"), Map.entry(69, "Cabasa"), Map.entry(70, "Maracas"),
            Map.entry(71, "Short Whistle"), Map.entry(72, "Long Whistle"), Map.entry(73, "Short Guiro"),
            Map.entry(74, "Long Guiro"), Map.entry(75, "Claves"), Map.entry(76, "Hi Wood Block"),
            Map.entry(77, "Low Wood Block"), Map.entry(78, "Mute Cuica"), Map.entry(79, "Open Cuica"),
            Map.entry(80, "Mute Triangle"), Map.entry(81, "Open Triangle"), Map.entry(82, "Shaker"),
            Map.entry(83, "Jingle Bell"), Map.entry(84, "Belltree"), Map.entry(85, "Castanets"),
            Map.entry(86, "Mute Surdo"), Map.entry(87, "Open Surdo")));

    /** Name of a GM program, 0-based. */
    public static String programName(int program) {
        if (program < 0 || program >= PROGRAMS.length) throw new IllegalArgumentException("program must be 0..127, was " + program);
        return PROGRAMS[program];
    }

    /** Name of a GM percussion key, or {@code "Drum <pitch>"} outside the map. */
    public static String drumName(int pitch) {
        return DRUMS.getOrDefault(pitch, "Drum " + pitch);
    }

    public static boolean isDrumPitch(int pitch) {
        return pitch >= MIN_DRUM_PITCH && pitch <= MAX_DRUM_PITCH;
    }

    public static boolean isBassProgram(int program) {
        return program >= 32 && program <= 39;
    }

    public static boolean isPadProgram(int program) {
        return (program >= 88 && program <= 95) || (program >= 48 && program <= 54);
    }

    public static boolean isFxProgram(int program) {
        return (program >= 96 && program <= 103) || program >= 120;
    }
}
