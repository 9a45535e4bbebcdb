package loopsmith.starter;

import static loopsmith.music.Role.BASS;
import static loopsmith.music.Role.CHORDS;
import static loopsmith.music.Role.DRUMS;
import static loopsmith.music.Role.MELODY;
import static loopsmith.music.Role.PAD;

import java.util.List;
import java.util.Optional;
import loopsmith.music.Role;

/**
 * The genres of the starter corpus and how each is played. Names are the tokenizer's GENRE tags. Progressions are
 * the usual suspects of each genre (I–V–vi–IV in pop, ii–V–I in jazz, i–VI–III–VII in drum & bass, one-chord vamps
 * in techno and funk); tempo ranges are what DJs and producers' sample packs label them.
 */
final class Genres {
    private Genres() {}

    private static final List<String> FOUR = List.of("4/4");
    private static final double[] ONLY = {1};

    static final List<Genre> ALL = List.of(
            new Genre("house", 118, 128, 0.7, FOUR, ONLY,
                    prog(new int[] {0, 0, 5, 5}, new int[] {0, 6, 5, 6}, new int[] {0, 3, 0, 3}, new int[] {1, 4, 0, 5}),
                    4, Parts.Drums.HOUSE, Parts.Bass.OFFBEAT, Parts.Comp.STABS, Parts.Lead.RIFF,
                    new int[] {38, 39, 33}, new int[] {0, 4, 16}, new int[] {80, 81, 0}, CHORDS,
                    new Feel(0.08, 0, 4, 7, 0), List.of("deep", "four-on-the-floor", "tech", "groove"),
                    List.of("groovy", "uplifting", "energetic", "dreamy"), sets(DRUMS, BASS, CHORDS, MELODY)),
            new Genre("techno", 126, 138, 0.85, FOUR, ONLY,
                    prog(new int[] {0, 0, 0, 0}, new int[] {0, 0, 5, 5}, new int[] {0, 0, 3, 3}),
                    3, Parts.Drums.TECHNO, Parts.Bass.ROLLING, Parts.Comp.PAD, Parts.Lead.RIFF,
                    new int[] {38, 39}, new int[] {89, 90, 95}, new int[] {81, 84}, PAD,
                    new Feel(0, 0, 2, 6, 0), List.of("minimal", "tech", "four-on-the-floor", "progressive"),
                    List.of("dark", "energetic", "tense", "aggressive"), sets(DRUMS, BASS, PAD, MELODY)),
            new Genre("hip-hop", 84, 98, 0.75, FOUR, ONLY,
                    prog(new int[] {0, 0, 3, 3}, new int[] {0, 5, 3, 4}, new int[] {0, 3, 5, 4}),
                    4, Parts.Drums.BOOM_BAP, Parts.Bass.HIP_HOP, Parts.Comp.SUSTAINED, Parts.Lead.SPARSE,
                    new int[] {33, 38, 32}, new int[] {4, 0, 48}, new int[] {11, 73, 0}, CHORDS,
                    new Feel(0.22, 0, 6, 9, 0), List.of("beat", "groove", "shuffle"),
                    List.of("chill", "dark", "groovy", "melancholic"), sets(DRUMS, BASS, CHORDS, MELODY)),
            new Genre("boom-bap", 86, 96, 0.8, FOUR, ONLY,
                    prog(new int[] {0, 0, 3, 3}, new int[] {0, 3, 0, 4}, new int[] {0, 5, 0, 5}),
                    4, Parts.Drums.BOOM_BAP, Parts.Bass.HIP_HOP, Parts.Comp.SUSTAINED, Parts.Lead.SPARSE,
                    new int[] {33, 32}, new int[] {0, 4, 11}, new int[] {56, 65, 11}, CHORDS,
                    new Feel(0.28, 0, 7, 10, 0), List.of("beat", "shuffle", "swing"),
                    List.of("groovy", "dark", "melancholic"), sets(DRUMS, BASS, CHORDS, MELODY)),
            new Genre("lo-fi", 70, 90, 0.4, List.of("4/4", "3/4"), new double[] {0.9, 0.1},
                    prog(new int[] {1, 4, 0, 5}, new int[] {3, 2, 1, 0}, new int[] {0, 5, 1, 4}, new int[] {3, 4, 2, 5}),
                    5, Parts.Drums.LOFI, Parts.Bass.HIP_HOP, Parts.Comp.SUSTAINED, Parts.Lead.SPARSE,
                    new int[] {33, 32, 35}, new int[] {4, 5, 0}, new int[] {11, 73, 26}, CHORDS,
                    new Feel(0.3, 0, 9, 10, 0), List.of("beat", "shuffle", "swing"),
                    List.of("chill", "mellow", "melancholic", "dreamy"), sets(DRUMS, BASS, CHORDS, MELODY)),
            new Genre("trap", 130, 160, 0.9, FOUR, ONLY,
                    prog(new int[] {0, 0, 5, 5}, new int[] {0, 3, 5, 4}, new int[] {0, 6, 5, 6}),
                    3, Parts.Drums.TRAP, Parts.Bass.EIGHT_O_EIGHT, Parts.Comp.PAD, Parts.Lead.BELLS,
                    new int[] {38, 39}, new int[] {48, 89, 52}, new int[] {10, 14, 11, 45}, PAD,
                    new Feel(0, 0, 2, 8, 0), List.of("halftime", "beat"),
                    List.of("dark", "aggressive", "tense", "melancholic"), sets(DRUMS, BASS, MELODY, PAD)),
            new Genre("drum-and-bass", 168, 176, 0.85, FOUR, ONLY,
                    prog(new int[] {0, 5, 2, 6}, new int[] {0, 3, 0, 3}, new int[] {0, 0, 5, 6}),
                    4, Parts.Drums.DNB, Parts.Bass.REESE, Parts.Comp.PAD, Parts.Lead.RIFF,
                    new int[] {38, 39, 87}, new int[] {89, 88, 50}, new int[] {81, 80, 4}, PAD,
                    new Feel(0.03, 0, 3, 8, 0), List.of("beat", "groove"),
                    List.of("energetic", "dark", "dreamy", "uplifting"), sets(DRUMS, BASS, PAD, MELODY)),
            new Genre("funk", 96, 116, 0.7, FOUR, ONLY,
                    prog(new int[] {0, 0, 0, 0}, new int[] {0, 0, 3, 3}, new int[] {0, 3, 0, 4}),
                    4, Parts.Drums.FUNK, Parts.Bass.FUNK, Parts.Comp.CLAV, Parts.Lead.RIFF,
                    new int[] {36, 37, 33}, new int[] {7, 28, 4}, new int[] {61, 56, 66}, CHORDS,
                    new Feel(0.12, 0, 5, 11, 0), List.of("groove", "beat", "straight"),
                    List.of("funky", "groovy", "energetic", "happy"), sets(DRUMS, BASS, CHORDS, MELODY)),
            new Genre("pop", 96, 124, 0.35, List.of("4/4", "6/8", "3/4"), new double[] {0.85, 0.1, 0.05},
                    prog(new int[] {0, 4, 5, 3}, new int[] {5, 3, 0, 4}, new int[] {0, 5, 3, 4}, new int[] {3, 0, 4, 5}),
                    3, Parts.Drums.POP, Parts.Bass.ROOT_EIGHTHS, Parts.Comp.PIANO_PULSE, Parts.Lead.HOOK,
                    new int[] {34, 33, 38}, new int[] {0, 4, 25}, new int[] {80, 0, 73, 11}, CHORDS,
                    new Feel(0, 0, 4, 8, 0), List.of("straight", "beat", "groove"),
                    List.of("happy", "uplifting", "romantic", "sad"), sets(DRUMS, BASS, CHORDS, MELODY)),
            new Genre("rock", 100, 150, 0.4, List.of("4/4", "6/8"), new double[] {0.85, 0.15},
                    prog(new int[] {0, 3, 4, 0}, new int[] {0, 4, 5, 3}, new int[] {5, 3, 0, 4}, new int[] {0, 6, 5, 6}),
                    3, Parts.Drums.ROCK, Parts.Bass.ROOT_EIGHTHS, Parts.Comp.POWER, Parts.Lead.HOOK,
                    new int[] {34, 33}, new int[] {29, 30, 27}, new int[] {29, 30, 27}, CHORDS,
                    new Feel(0, 0, 5, 9, 0), List.of("straight", "beat", "fill"),
                    List.of("energetic", "aggressive", "uplifting", "epic"), sets(DRUMS, BASS, CHORDS, MELODY)),
            new Genre("reggae", 66, 84, 0.5, FOUR, ONLY,
                    prog(new int[] {0, 3, 0, 3}, new int[] {0, 4, 5, 3}, new int[] {0, 0, 3, 4}),
                    3, Parts.Drums.ONE_DROP, Parts.Bass.REGGAE, Parts.Comp.SKANK, Parts.Lead.HOOK,
                    new int[] {33, 32}, new int[] {16, 27, 17}, new int[] {56, 16, 65}, CHORDS,
                    new Feel(0.18, 0, 5, 9, 0), List.of("groove", "beat", "shuffle"),
                    List.of("happy", "chill", "uplifting"), sets(DRUMS, BASS, CHORDS, MELODY)),
            new Genre("jazz", 100, 180, 0.3, List.of("4/4", "3/4"), new double[] {0.75, 0.25},
                    prog(new int[] {1, 4, 0, 0}, new int[] {1, 4, 0, 5}, new int[] {2, 5, 1, 4}, new int[] {0, 5, 1, 4}),
                    4, Parts.Drums.JAZZ, Parts.Bass.WALKING, Parts.Comp.COMPING, Parts.Lead.LINE,
                    new int[] {32}, new int[] {0, 4, 26}, new int[] {65, 66, 56, 73}, CHORDS,
                    new Feel(0, 1.0 / 3, 6, 10, 0), List.of("swing", "groove"),
                    List.of("mellow", "romantic", "happy"), sets(DRUMS, BASS, CHORDS, MELODY)),
            new Genre("neo-soul", 72, 92, 0.45, List.of("4/4", "6/8"), new double[] {0.9, 0.1},
                    prog(new int[] {1, 4, 0, 3}, new int[] {3, 2, 1, 0}, new int[] {0, 3, 1, 4}, new int[] {5, 1, 4, 0}),
                    5, Parts.Drums.LOFI, Parts.Bass.HIP_HOP, Parts.Comp.COMPING, Parts.Lead.SPARSE,
                    new int[] {33, 35}, new int[] {4, 5}, new int[] {4, 61, 73}, CHORDS,
                    new Feel(0.25, 0, 8, 10, 0), List.of("groove", "shuffle", "swing"),
                    List.of("romantic", "mellow", "groovy"), sets(DRUMS, BASS, CHORDS, MELODY)),
            new Genre("ambient", 60, 90, 0.4, List.of("4/4", "3/4", "6/8"), new double[] {0.6, 0.3, 0.1},
                    prog(new int[] {0, 3, 0, 3}, new int[] {5, 3, 0, 4}, new int[] {0, 0, 3, 3}, new int[] {3, 4, 5, 5}),
                    5, Parts.Drums.AMBIENT, Parts.Bass.DRONE, Parts.Comp.PAD, Parts.Lead.FLOATING,
                    new int[] {38, 89, 32}, new int[] {88, 89, 91, 94, 48}, new int[] {88, 98, 11, 73, 10}, PAD,
                    new Feel(0, 0, 6, 6, 0), List.of("minimal", "straight"),
                    List.of("dreamy", "mellow", "melancholic"),
                    List.of(List.of(PAD, MELODY), List.of(PAD, MELODY, BASS), List.of(PAD), List.of(DRUMS, PAD, MELODY, BASS))));

    static Optional<Genre> named(String name) {
        return ALL.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    private static List<int[]> prog(int[]... progressions) {
        return List.of(progressions);
    }

    /** The full band first, then the partial line-ups producers keep as separate loops. */
    private static List<List<Role>> sets(Role drums, Role bass, Role harmony, Role lead) {
        return List.of(List.of(drums, bass, harmony, lead), List.of(drums, bass, harmony), List.of(drums),
                List.of(drums, bass), List.of(harmony, lead), List.of(bass, harmony, lead));
    }
}
