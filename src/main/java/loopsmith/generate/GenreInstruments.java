package loopsmith.generate;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import loopsmith.model.PlayedInstrument;
import loopsmith.music.Role;

/**
 * The sound producers of a genre give each part when the prompt names none: an 808-style synth bass in trap, an
 * upright bass in jazz, a skank guitar in reggae. One instrument for every genre would pull the model toward the
 * genre it learned that instrument with, so the program is part of the request.
 *
 * <p>Where the starter corpus ({@code loopsmith.starter.Genres}) has the genre, the programs are ones it trains that
 * genre with, so the bundled model has seen the pairing; only a role the starter never plays in that genre (a pad in
 * house, chords in drum &amp; bass) may get a sound the genre is known for instead. Programs are 0-based General MIDI, as {@link
 * loopsmith.music.GeneralMidi#programName(int)} numbers them. Drums, fx and other parts keep {@link TrackSpec#of}.
 *
 * @param bass   program of the bass line
 * @param chords program of the chords or stabs
 * @param melody program of the lead line or hook
 * @param pad    program of sustained pads and strings
 */
public record GenreInstruments(int bass, int chords, int melody, int pad) {
    /**
     * Below this share of a genre's parts in a role, the table's program is one the model barely heard there
     * ({@link #heardIn}). Where a data set plays a genre on a few sounds in turn, as the starter corpus does, each
     * gets a good share of the parts; a tenth leaves those alone and catches a sound only a stray source played.
     */
    public static final double RARELY_HEARD = 0.1;

    /** With no genre, or one without an entry: the instruments of {@link TrackSpec#of}. */
    public static final GenreInstruments NO_GENRE = new GenreInstruments(
            TrackSpec.of(Role.BASS).program(), TrackSpec.of(Role.CHORDS).program(),
            TrackSpec.of(Role.MELODY).program(), TrackSpec.of(Role.PAD).program());

    // GM programs used below, by name, so the table reads as instruments.
    private static final int PIANO = 0, E_PIANO = 4, CLAVINET = 7, MUSIC_BOX = 10, VIBRAPHONE = 11, ORGAN = 16,
            HARMONICA = 22, NYLON_GUITAR = 24, STEEL_GUITAR = 25, CLEAN_GUITAR = 27, OVERDRIVEN_GUITAR = 29,
            DISTORTION_GUITAR = 30, ACOUSTIC_BASS = 32, FINGER_BASS = 33, PICK_BASS = 34, SLAP_BASS = 36,
            SYNTH_BASS_1 = 38, SYNTH_BASS_2 = 39, VIOLIN = 40, CONTRABASS = 43, STRINGS = 48, SLOW_STRINGS = 49,
            CHOIR = 52, TRUMPET = 56, TUBA = 58, FRENCH_HORN = 60, BRASS = 61, ALTO_SAX = 65, CLARINET = 71,
            FLUTE = 73, SQUARE_LEAD = 80, SAW_LEAD = 81, NEW_AGE_PAD = 88, WARM_PAD = 89, POLYSYNTH = 90,
            CRYSTAL = 98, FIDDLE = 110, SHANAI = 111;

    private static final Map<String, GenreInstruments> BY_GENRE = Map.ofEntries(
            // Genres of the starter corpus: each program is among those it trains that genre with.
            Map.entry("house", of(SYNTH_BASS_1, E_PIANO, SAW_LEAD, WARM_PAD)),
            Map.entry("techno", of(SYNTH_BASS_1, POLYSYNTH, SAW_LEAD, WARM_PAD)),
            Map.entry("hip-hop", of(FINGER_BASS, E_PIANO, VIBRAPHONE, STRINGS)),
            Map.entry("boom-bap", of(FINGER_BASS, PIANO, TRUMPET, STRINGS)),
            Map.entry("lo-fi", of(FINGER_BASS, E_PIANO, VIBRAPHONE, WARM_PAD)),
            // Synth Bass 1 is what the prompt word "808" names, so "trap" and "trap with 808s" sound alike.
            Map.entry("trap", of(SYNTH_BASS_1, WARM_PAD, MUSIC_BOX, STRINGS)),
            // Liquid drum & bass chords are a Rhodes; the starter plays it there as a lead.
            Map.entry("drum-and-bass", of(SYNTH_BASS_1, E_PIANO, SAW_LEAD, WARM_PAD)),
            Map.entry("funk", of(SLAP_BASS, CLAVINET, BRASS, STRINGS)),
            Map.entry("pop", of(PICK_BASS, PIANO, SQUARE_LEAD, WARM_PAD)),
            Map.entry("rock", of(PICK_BASS, OVERDRIVEN_GUITAR, DISTORTION_GUITAR, STRINGS)),
            Map.entry("reggae", of(FINGER_BASS, CLEAN_GUITAR, TRUMPET, ORGAN)),
            Map.entry("jazz", of(ACOUSTIC_BASS, PIANO, ALTO_SAX, STRINGS)),
            Map.entry("neo-soul", of(FINGER_BASS, E_PIANO, FLUTE, WARM_PAD)),
            Map.entry("ambient", of(SYNTH_BASS_1, NEW_AGE_PAD, CRYSTAL, WARM_PAD)),
            // Electronic genres the starter corpus lacks.
            Map.entry("trance", of(SYNTH_BASS_1, POLYSYNTH, SAW_LEAD, WARM_PAD)),
            Map.entry("edm", of(SYNTH_BASS_1, POLYSYNTH, SAW_LEAD, WARM_PAD)),
            Map.entry("dance", of(SYNTH_BASS_1, E_PIANO, SAW_LEAD, WARM_PAD)),
            Map.entry("garage", of(SYNTH_BASS_1, E_PIANO, SAW_LEAD, WARM_PAD)),
            Map.entry("dubstep", of(SYNTH_BASS_2, POLYSYNTH, SAW_LEAD, WARM_PAD)),
            Map.entry("jungle", of(SYNTH_BASS_1, E_PIANO, SAW_LEAD, WARM_PAD)),
            Map.entry("breakbeat", of(SYNTH_BASS_1, E_PIANO, SAW_LEAD, WARM_PAD)),
            Map.entry("hardstyle", of(SYNTH_BASS_1, POLYSYNTH, SAW_LEAD, WARM_PAD)),
            Map.entry("future-bass", of(SYNTH_BASS_1, POLYSYNTH, SQUARE_LEAD, WARM_PAD)),
            Map.entry("synthwave", of(SYNTH_BASS_1, POLYSYNTH, SAW_LEAD, WARM_PAD)),
            // Hip-hop and its relatives.
            Map.entry("drill", of(SYNTH_BASS_1, PIANO, PIANO, STRINGS)),
            Map.entry("grime", of(SYNTH_BASS_1, POLYSYNTH, SQUARE_LEAD, STRINGS)),
            Map.entry("rnb", of(FINGER_BASS, E_PIANO, VIBRAPHONE, WARM_PAD)),
            Map.entry("soul", of(FINGER_BASS, E_PIANO, BRASS, STRINGS)),
            // The Hammond organ (GM Drawbar Organ) is the sound of gospel chords; the pad is a choir.
            Map.entry("gospel", of(FINGER_BASS, ORGAN, PIANO, CHOIR)),
            Map.entry("blues", of(FINGER_BASS, CLEAN_GUITAR, OVERDRIVEN_GUITAR, ORGAN)),
            Map.entry("disco", of(FINGER_BASS, CLEAN_GUITAR, BRASS, STRINGS)),
            // Latin, African and Caribbean.
            Map.entry("bossa-nova", of(ACOUSTIC_BASS, NYLON_GUITAR, FLUTE, STRINGS)),
            Map.entry("latin", of(ACOUSTIC_BASS, PIANO, TRUMPET, STRINGS)),
            Map.entry("afro-cuban", of(ACOUSTIC_BASS, PIANO, TRUMPET, STRINGS)),
            Map.entry("afrobeat", of(FINGER_BASS, CLEAN_GUITAR, BRASS, ORGAN)),
            Map.entry("highlife", of(FINGER_BASS, CLEAN_GUITAR, TRUMPET, STRINGS)),
            // GM has no melodica; the harmonica is the nearest free reed.
            Map.entry("dub", of(FINGER_BASS, ORGAN, HARMONICA, WARM_PAD)),
            Map.entry("reggaeton", of(SYNTH_BASS_1, PIANO, SAW_LEAD, WARM_PAD)),
            Map.entry("dancehall", of(SYNTH_BASS_1, E_PIANO, SAW_LEAD, WARM_PAD)),
            // Bands.
            Map.entry("metal", of(PICK_BASS, DISTORTION_GUITAR, DISTORTION_GUITAR, STRINGS)),
            Map.entry("punk", of(PICK_BASS, DISTORTION_GUITAR, OVERDRIVEN_GUITAR, STRINGS)),
            Map.entry("country", of(FINGER_BASS, STEEL_GUITAR, FIDDLE, STRINGS)),
            Map.entry("folk", of(ACOUSTIC_BASS, STEEL_GUITAR, FIDDLE, STRINGS)),
            // A brass band's bass line is the sousaphone; GM's nearest is the tuba.
            Map.entry("new-orleans", of(TUBA, PIANO, TRUMPET, STRINGS)),
            // GM has no oud, ney or zurna: a nylon guitar plucks the chords and the shanai, a double reed, leads.
            Map.entry("middle-eastern", of(ACOUSTIC_BASS, NYLON_GUITAR, SHANAI, STRINGS)),
            Map.entry("classical", of(CONTRABASS, PIANO, VIOLIN, STRINGS)),
            Map.entry("cinematic", of(CONTRABASS, STRINGS, FRENCH_HORN, SLOW_STRINGS)));

    public GenreInstruments {
        for (int program : new int[] {bass, chords, melody, pad})
            if (program < 0 || program > 127) throw new IllegalArgumentException("program must be 0..127, was " + program);
    }

    /** The instruments of a canonical genre ("hip-hop"), or {@link #NO_GENRE} when it has none or none is named. */
    public static GenreInstruments forGenre(Optional<String> genre) {
        return genre.map(BY_GENRE::get).orElse(NO_GENRE);
    }

    /** Whether the genre has its own entry rather than falling back to {@link #NO_GENRE}. */
    public static boolean covers(String genre) {
        return BY_GENRE.containsKey(genre);
    }

    /** The part for a role with this genre's instrument; drums, fx and other parts as {@link TrackSpec#of}. */
    public TrackSpec track(Role role) {
        return switch (role) {
            case BASS -> new TrackSpec(role, bass, false);
            case CHORDS -> new TrackSpec(role, chords, false);
            case MELODY -> new TrackSpec(role, melody, false);
            case PAD -> new TrackSpec(role, pad, false);
            case DRUMS, FX, OTHER -> TrackSpec.of(role);
        };
    }

    /**
     * These instruments as a model that recorded what its training data played ({@link PlayedInstrument}) should be
     * asked for them in {@code genre}: where that data played a role in the genre but never on this table's program,
     * the program it played that role on most (a library of folk tunes on piano is asked for piano, not a fiddle);
     * where it played it on this table's program in under {@link #RARELY_HEARD} of its parts, the same, but only for a
     * line-up without drums ({@code withDrums} false); elsewhere this table's. An instrument token the model rarely
     * heard in a genre steers it to those few parts, not to the genre it learned; but the rows count parts per genre,
     * not per line-up, and a genre's rare sound can be its drummed one: the bundled model's pop is POP909's piano songs,
     * which have no drums, beside the starter's pop loops, which have drums and play pick bass and square lead. Asked
     * for drums beside the piano, a line-up it never heard, its drums lost the genre's idiom, so a line-up with drums
     * keeps the table's sounds there. Only the genre's own rows count (rows without a genre where none is named), so a
     * library's sounds do not follow the model into genres the library never played.
     */
    public GenreInstruments heardIn(Optional<String> genre, List<PlayedInstrument> played, boolean withDrums) {
        return of(heard(Role.BASS, bass, genre, played, withDrums), heard(Role.CHORDS, chords, genre, played, withDrums),
                heard(Role.MELODY, melody, genre, played, withDrums), heard(Role.PAD, pad, genre, played, withDrums));
    }

    private static int heard(Role role, int usual, Optional<String> genre, List<PlayedInstrument> played, boolean withDrums) {
        List<PlayedInstrument> rows = played.stream()
                .filter(p -> p.role().equals(role.label()) && Optional.ofNullable(p.genre()).equals(genre)).toList();
        long all = rows.stream().mapToLong(PlayedInstrument::parts).sum();
        long onUsual = rows.stream().filter(p -> p.program() == usual).mapToLong(PlayedInstrument::parts).sum();
        if (rows.isEmpty() || onUsual >= RARELY_HEARD * all || (onUsual > 0 && withDrums)) return usual;
        return rows.stream().max(java.util.Comparator.comparingInt(PlayedInstrument::parts)
                .thenComparing(PlayedInstrument::program, java.util.Comparator.reverseOrder())).orElseThrow().program();
    }

    private static GenreInstruments of(int bass, int chords, int melody, int pad) {
        return new GenreInstruments(bass, chords, melody, pad);
    }
}
