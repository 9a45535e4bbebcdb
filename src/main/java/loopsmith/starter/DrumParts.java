package loopsmith.starter;

import static loopsmith.music.GeneralMidi.CLAP;
import static loopsmith.music.GeneralMidi.CLOSED_HAT;
import static loopsmith.music.GeneralMidi.CRASH;
import static loopsmith.music.GeneralMidi.KICK;
import static loopsmith.music.GeneralMidi.OPEN_HAT;
import static loopsmith.music.GeneralMidi.PEDAL_HAT;
import static loopsmith.music.GeneralMidi.RIDE;
import static loopsmith.music.GeneralMidi.SNARE;

import java.util.List;

/**
 * Drum grooves per idiom on a sixteenth grid (GM percussion keys): four-on-the-floor, boom-bap and lo-fi with swing,
 * trap half-time with hat rolls, two-step drum & bass, funk ghost notes, one-drop reggae, the jazz ride; waltz and
 * 6/8 patterns for the other meters. Each loop picks a variant (kick pattern, hats, ghosts), so a genre's loops differ.
 */
final class DrumParts {
    private DrumParts() {}

    static final int SIDE_STICK = 37;
    static final int SHAKER = 70;
    static final int TAMBOURINE = 54;
    private static final int[] TOMS = {50, 48, 47, 45, 43};

    static void play(Parts.Drums style, PartWriter w) {
        if (w.stepsPerBar != 16) {
            oddMeter(style, w);
            return;
        }
        switch (style) {
            case HOUSE -> house(w);
            case TECHNO -> techno(w);
            case BOOM_BAP -> boomBap(w, 1.0);
            case LOFI -> boomBap(w, 0.75);
            case TRAP -> trap(w);
            case DNB -> dnb(w);
            case FUNK -> funk(w);
            case POP -> popRock(w, false);
            case ROCK -> popRock(w, true);
            case ONE_DROP -> oneDrop(w);
            case JAZZ -> jazz(w);
            case AMBIENT -> ambient(w);
        }
    }

    private static void house(PartWriter w) {
        boolean openHats = w.chance(0.6), sixteenths = w.chance(0.5), shaker = w.chance(0.3);
        int clap = w.chance(0.7) ? CLAP : SNARE;
        for (int b = 0; b < w.bars; b++) {
            for (int s = 0; s < 16; s += 4) w.note(b, s, KICK, 112, 1);
            w.note(b, 4, clap, 100, 1);
            w.note(b, 12, clap, 100, 1);
            for (int s = 2; s < 16; s += 4) w.note(b, s, openHats ? OPEN_HAT : CLOSED_HAT, 92, 1);
            if (sixteenths) for (int s = 1; s < 16; s += 2) w.note(b, s, CLOSED_HAT, 58, 1);
            if (shaker) for (int s = 0; s < 16; s++) w.note(b, s, SHAKER, s % 2 == 0 ? 50 : 66, 1);
            ornaments(w, b, HOUSE_ORNAMENTS);
            fill(w, b, 0.2);
        }
    }

    private static void techno(PartWriter w) {
        boolean clap = w.chance(0.6), ride = w.chance(0.4);
        int[] rims = w.pick(List.of(new int[] {3, 11, 14}, new int[] {6, 13}, new int[] {}, new int[] {7, 10, 15}));
        for (int b = 0; b < w.bars; b++) {
            for (int s = 0; s < 16; s += 4) w.note(b, s, KICK, 118, 1);
            for (int s = 0; s < 16; s++) w.note(b, s, CLOSED_HAT, s % 4 == 2 ? 88 : (s % 2 == 0 ? 62 : 48), 1);
            for (int s = 2; s < 16; s += 4) w.note(b, s, ride ? RIDE : OPEN_HAT, 84, 1);
            if (clap) {
                w.note(b, 4, CLAP, 96, 1);
                w.note(b, 12, CLAP, 96, 1);
            }
            for (int s : rims) w.note(b, s, SIDE_STICK, 74, 1);
            ornaments(w, b, TECHNO_ORNAMENTS);
        }
    }

    /** Boom-bap; lo-fi is the same idea played softer and sparser ({@code intensity} below 1). */
    private static void boomBap(PartWriter w, double intensity) {
        int[] kicks = w.pick(List.of(new int[] {0, 10}, new int[] {0, 7, 10}, new int[] {0, 3, 10}, new int[] {0, 8, 10, 15},
                new int[] {0, 6, 9}));
        int snare = intensity < 1 && w.chance(0.5) ? SIDE_STICK : SNARE;
        boolean sixteenthHats = w.chance(0.3), ghosts = w.chance(0.5), openHat = w.chance(0.4);
        for (int b = 0; b < w.bars; b++) {
            boolean last = b % 4 == 3;
            for (int k : kicks) w.note(b, k, KICK, (int) (110 * intensity), 1);
            if (last && w.chance(0.4)) w.note(b, 13, KICK, (int) (90 * intensity), 1);
            w.note(b, 4, snare, (int) (110 * intensity), 1);
            w.note(b, 12, snare, (int) (110 * intensity), 1);
            for (int s = 0; s < 16; s += sixteenthHats ? 1 : 2)
                if (!(openHat && s == 14)) w.note(b, s, CLOSED_HAT, (int) ((s % 4 == 0 ? 84 : s % 2 == 0 ? 66 : 48) * intensity), 1);
            if (openHat) w.note(b, 14, OPEN_HAT, (int) (76 * intensity), 2);
            if (ghosts) for (int s : new int[] {7, 9, 15}) if (w.chance(0.35)) w.note(b, s, SNARE, (int) (38 * intensity), 1);
            ornaments(w, b, BOOM_BAP_ORNAMENTS, intensity);
        }
    }

    private static void trap(PartWriter w) {
        int[] kicks = w.pick(List.of(new int[] {0, 7, 10}, new int[] {0, 3, 11}, new int[] {0, 10, 13}, new int[] {0, 6, 11, 14}));
        int clap = w.chance(0.6) ? CLAP : SNARE;
        boolean sixteenthHats = w.chance(0.5);
        for (int b = 0; b < w.bars; b++) {
            for (int k : kicks) w.note(b, k, KICK, 118, 2);
            w.note(b, 8, clap, 110, 1);
            for (int beat = 0; beat < 4; beat++) {
                int s = beat * 4;
                double roll = w.rng.nextDouble();
                if (roll < 0.18) {
                    // A 32nd-note roll over half a beat.
                    for (int i = 0; i < 4; i++) w.note(b, s + 2 + i * 0.5, CLOSED_HAT, 60 + i * 10, 0.5);
                    w.note(b, s, CLOSED_HAT, 90, 1);
                } else if (roll < 0.3) {
                    // A sixteenth-triplet roll over a beat.
                    for (int i = 0; i < 6; i++) w.note(b, s + i * (2.0 / 3), CLOSED_HAT, 64 + i * 6, 2.0 / 3);
                } else {
                    for (int i = 0; i < 4; i += sixteenthHats ? 1 : 2) w.note(b, s + i, CLOSED_HAT, i == 0 ? 92 : 64, 1);
                }
            }
            if (b % 2 == 1 && w.chance(0.5)) w.note(b, 14, OPEN_HAT, 80, 2);
        }
    }

    private static void dnb(PartWriter w) {
        int[] kicks = w.pick(List.of(new int[] {0, 10}, new int[] {0, 6, 10}, new int[] {0, 10, 11}));
        boolean ride = w.chance(0.35), ghosts = w.chance(0.7);
        for (int b = 0; b < w.bars; b++) {
            for (int k : kicks) w.note(b, k, KICK, 116, 1);
            w.note(b, 4, SNARE, 118, 1);
            w.note(b, 12, SNARE, 118, 1);
            for (int s = 0; s < 16; s += 2) w.note(b, s, ride ? RIDE : CLOSED_HAT, s % 4 == 2 ? 80 : 64, 1);
            if (ghosts) for (int s : new int[] {7, 9, 14}) if (w.chance(0.5)) w.note(b, s, SNARE, 42, 1);
            ornaments(w, b, DNB_ORNAMENTS);
            fill(w, b, 0.25);
        }
    }

    private static void funk(PartWriter w) {
        int[] kicks = w.pick(List.of(new int[] {0, 3, 10}, new int[] {0, 6, 10}, new int[] {0, 3, 7, 10}, new int[] {0, 2, 10, 13}));
        boolean openHat = w.chance(0.5);
        for (int b = 0; b < w.bars; b++) {
            for (int k : kicks) w.note(b, k, KICK, 110, 1);
            w.note(b, 4, SNARE, 116, 1);
            w.note(b, 12, SNARE, 116, 1);
            for (int s = 0; s < 16; s++) {
                if (openHat && s == 14) w.note(b, s, OPEN_HAT, 84, 2);
                else if (!(openHat && s == 15)) w.note(b, s, CLOSED_HAT, s % 4 == 0 ? 90 : s % 2 == 0 ? 72 : 52, 1);
            }
            for (int s : new int[] {1, 6, 7, 9, 11, 15}) if (w.chance(0.3)) w.note(b, s, SNARE, 34, 1);
            fill(w, b, 0.2);
        }
    }

    private static void popRock(PartWriter w, boolean rock) {
        int[] kicks = w.pick(rock ? List.of(new int[] {0, 8}, new int[] {0, 8, 10}, new int[] {0, 2, 8}, new int[] {0, 7, 8})
                : List.of(new int[] {0, 8}, new int[] {0, 6, 8}, new int[] {0, 8, 10}, new int[] {0, 3, 8, 11}));
        boolean ride = rock && w.chance(0.3), tambourine = !rock && w.chance(0.4);
        int backbeat = !rock && w.chance(0.4) ? CLAP : SNARE;
        for (int b = 0; b < w.bars; b++) {
            if (rock && b % 4 == 0) w.note(b, 0, CRASH, 104, 4);
            for (int k : kicks) w.note(b, k, KICK, 112, 1);
            w.note(b, 4, backbeat, rock ? 122 : 106, 1);
            w.note(b, 12, backbeat, rock ? 122 : 106, 1);
            for (int s = 0; s < 16; s += 2) if (!(rock && b % 4 == 0 && s == 0))
                w.note(b, s, ride ? RIDE : CLOSED_HAT, s % 4 == 0 ? 88 : 70, 1);
            if (tambourine) for (int s = 2; s < 16; s += 4) w.note(b, s, TAMBOURINE, 70, 1);
            ornaments(w, b, rock ? ROCK_ORNAMENTS : POP_ORNAMENTS);
            fill(w, b, rock ? 0.4 : 0.2);
        }
    }

    private static void oneDrop(PartWriter w) {
        boolean steppers = w.chance(0.25);
        for (int b = 0; b < w.bars; b++) {
            if (steppers) for (int s = 0; s < 16; s += 4) w.note(b, s, KICK, 104, 1);
            else w.note(b, 8, KICK, 108, 1);
            w.note(b, 8, SIDE_STICK, 100, 1);
            for (int s = 0; s < 16; s += 2) w.note(b, s, CLOSED_HAT, s % 4 == 2 ? 80 : 56, 1);
            if (w.chance(0.3)) w.note(b, 15, SIDE_STICK, 60, 1);
            ornaments(w, b, REGGAE_ORNAMENTS);
        }
    }

    private static void jazz(PartWriter w) {
        for (int b = 0; b < w.bars; b++) {
            // Spang-a-lang: ride on every beat, the swung "a" before beats 2 and 4.
            for (int s : new int[] {0, 4, 6, 8, 12, 14}) w.note(b, s, RIDE, s % 4 == 0 ? 78 : 62, 1);
            w.note(b, 4, PEDAL_HAT, 70, 1);
            w.note(b, 12, PEDAL_HAT, 70, 1);
            for (int s = 0; s < 16; s += 4) if (w.chance(0.5)) w.note(b, s, KICK, 34, 1);
            for (int s : new int[] {2, 6, 10, 11, 14, 15}) if (w.chance(0.15)) w.note(b, s, SNARE, 46, 1);
            fill(w, b, 0.15);
        }
    }

    private static void ambient(PartWriter w) {
        boolean shaker = w.chance(0.5);
        for (int b = 0; b < w.bars; b++) {
            if (b % 2 == 0) w.note(b, 0, KICK, 70, 2);
            if (w.chance(0.5)) w.note(b, 12, SIDE_STICK, 52, 1);
            if (shaker) for (int s = 2; s < 16; s += 4) w.note(b, s, SHAKER, 48, 1);
        }
    }

    /** 3/4 (twelve sixteenths, three beats) and 6/8 (twelve sixteenths, two dotted-quarter pulses). */
    private static void oddMeter(Parts.Drums style, PartWriter w) {
        boolean jazz = style == Parts.Drums.JAZZ;
        boolean waltz = !w.sixEight;
        for (int b = 0; b < w.bars; b++) {
            if (waltz) {
                w.note(b, 0, KICK, jazz ? 50 : 104, 1);
                if (jazz) {
                    for (int s : new int[] {0, 4, 6, 8}) w.note(b, s, RIDE, s == 0 ? 78 : 62, 1);
                    w.note(b, 4, PEDAL_HAT, 66, 1);
                    w.note(b, 8, PEDAL_HAT, 66, 1);
                } else {
                    w.note(b, 4, style == Parts.Drums.AMBIENT ? SIDE_STICK : SNARE, 84, 1);
                    w.note(b, 8, style == Parts.Drums.AMBIENT ? SIDE_STICK : SNARE, 78, 1);
                    for (int s = 0; s < 12; s += 2) w.note(b, s, CLOSED_HAT, s % 4 == 0 ? 80 : 58, 1);
                }
            } else {
                w.note(b, 0, KICK, 108, 1);
                if (w.chance(0.4)) w.note(b, 10, KICK, 86, 1);
                w.note(b, 6, SNARE, 110, 1);
                for (int s = 0; s < 12; s += 2) w.note(b, s, CLOSED_HAT, s % 6 == 0 ? 88 : 60, 1);
            }
            ornaments(w, b, jazz ? JAZZ_WALTZ_ORNAMENTS : waltz ? WALTZ_ORNAMENTS : SIX_EIGHT_ORNAMENTS);
        }
    }

    /** One hit a producer may add to a bar: its sixteenth, GM key and velocity. */
    private record Hit(int step, int pitch, int velocity) {}

    /*
     * Per-bar ornaments (a pickup kick, a ghost, an open hat, a rim or percussion hit), chosen bar by bar so that a
     * genre's phrases do not repeat bar for bar. With only the loop-wide choices above, a few 4-bar drum windows of
     * techno, house, reggae and drum & bass were shared by dozens of loops, and models trained on them reproduced
     * those windows verbatim. None of the options touches what the genre's idiom rests on: no snare on 2 or 4 where
     * the backbeat is absent, no kick on the one in reggae, the four-on-the-floor kick and backbeat left as they are.
     */
    private static final List<Hit> HOUSE_ORNAMENTS = List.of(new Hit(14, KICK, 84), new Hit(7, SIDE_STICK, 64),
            new Hit(10, SIDE_STICK, 60), new Hit(11, CLAP, 70), new Hit(15, OPEN_HAT, 70), new Hit(6, TAMBOURINE, 62),
            new Hit(3, SHAKER, 58));
    private static final List<Hit> TECHNO_ORNAMENTS = List.of(new Hit(14, KICK, 90), new Hit(7, SIDE_STICK, 70),
            new Hit(10, SIDE_STICK, 66), new Hit(15, CLAP, 72), new Hit(3, SIDE_STICK, 62), new Hit(11, CLAP, 66),
            new Hit(13, OPEN_HAT, 70));
    private static final List<Hit> BOOM_BAP_ORNAMENTS = List.of(new Hit(13, KICK, 86), new Hit(3, KICK, 80),
            new Hit(15, KICK, 76), new Hit(14, OPEN_HAT, 70), new Hit(11, SNARE, 40), new Hit(6, KICK, 82));
    private static final List<Hit> DNB_ORNAMENTS = List.of(new Hit(11, KICK, 100), new Hit(14, KICK, 96),
            new Hit(6, KICK, 98), new Hit(3, SNARE, 44), new Hit(15, SNARE, 52), new Hit(10, OPEN_HAT, 76));
    private static final List<Hit> POP_ORNAMENTS = List.of(new Hit(10, KICK, 96), new Hit(14, KICK, 90),
            new Hit(6, KICK, 92), new Hit(15, SNARE, 48), new Hit(14, OPEN_HAT, 74), new Hit(7, SNARE, 40));
    private static final List<Hit> ROCK_ORNAMENTS = List.of(new Hit(10, KICK, 104), new Hit(14, KICK, 100),
            new Hit(3, KICK, 98), new Hit(15, SNARE, 60), new Hit(14, OPEN_HAT, 84), new Hit(7, SNARE, 46));
    private static final List<Hit> REGGAE_ORNAMENTS = List.of(new Hit(3, SIDE_STICK, 52), new Hit(7, SIDE_STICK, 50),
            new Hit(11, SIDE_STICK, 54), new Hit(14, OPEN_HAT, 66), new Hit(6, SIDE_STICK, 48), new Hit(10, KICK, 80));
    private static final List<Hit> WALTZ_ORNAMENTS = List.of(new Hit(10, KICK, 80), new Hit(6, SNARE, 44),
            new Hit(11, SNARE, 50), new Hit(10, OPEN_HAT, 66));
    private static final List<Hit> JAZZ_WALTZ_ORNAMENTS = List.of(new Hit(10, SNARE, 44), new Hit(7, SNARE, 40),
            new Hit(8, KICK, 36), new Hit(11, RIDE, 56));
    private static final List<Hit> SIX_EIGHT_ORNAMENTS = List.of(new Hit(4, KICK, 82), new Hit(9, SNARE, 46),
            new Hit(11, SNARE, 52), new Hit(5, OPEN_HAT, 64));
    private static final double ORNAMENT_CHANCE = 0.5;

    /** Up to two ornaments in a bar: one with {@link #ORNAMENT_CHANCE}, a second with its square. */
    private static void ornaments(PartWriter w, int bar, List<Hit> options) {
        ornaments(w, bar, options, 1.0);
    }

    /** As above, velocities scaled by {@code intensity} (lo-fi plays boom-bap's ornaments softer). */
    private static void ornaments(PartWriter w, int bar, List<Hit> options, double intensity) {
        for (int i = 0; i < 2 && w.chance(ORNAMENT_CHANCE); i++) {
            Hit hit = w.pick(options);
            w.note(bar, hit.step(), hit.pitch(), (int) (hit.velocity() * intensity), 1);
        }
    }

    /** The last bar of a phrase may end in a fill: snare sixteenths rising, or a run down the toms. */
    private static void fill(PartWriter w, int bar, double p) {
        if (bar % 4 != 3 || !w.chance(p)) return;
        boolean toms = w.chance(0.5);
        for (int i = 0; i < 4; i++) w.note(bar, 12 + i, toms ? TOMS[i + 1] : SNARE, 70 + i * 12, 1);
    }
}
