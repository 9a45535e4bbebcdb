package loopsmith.starter;

import java.util.ArrayList;
import java.util.List;

/**
 * The harmony part: voice-led voicings of each bar's chord in the idiom's rhythm — house off-beat stabs, long pads,
 * sustained keys, reggae skanks, funk clav sixteenths, rock power chords, jazz comping (rootless, anticipated),
 * a pop piano pulse.
 */
final class ChordParts {
    private ChordParts() {}

    static void play(Parts.Comp style, List<Chord> chords, PartWriter w) {
        int[] stabs = w.pick(List.of(new int[] {2, 6, 10, 14}, new int[] {3, 6, 10}, new int[] {0, 3, 6, 10, 13}, new int[] {2, 5, 10, 13}));
        int[] clav = w.pick(List.of(new int[] {0, 3, 6, 8, 11, 14}, new int[] {1, 4, 6, 9, 12, 14}, new int[] {0, 2, 5, 7, 10, 13}));
        boolean halves = w.chance(0.4);
        List<Integer> voicing = List.of();
        for (int b = 0; b < w.bars; b++) {
            Chord c = chords.get(b);
            int steps = w.stepsPerBar;
            switch (style) {
                case PAD -> {
                    voicing = c.voicing(50, voicing);
                    chord(w, b, 0, voicing, 72, steps);
                }
                case STABS -> {
                    voicing = c.voicing(55, voicing);
                    for (int s : stabs) if (s < steps) chord(w, b, s, voicing, 96, 1);
                }
                case SUSTAINED -> {
                    voicing = c.voicing(52, voicing);
                    if (halves && steps == 16) {
                        chord(w, b, 0, voicing, 80, 7);
                        chord(w, b, 7, voicing, 70, 9);
                    } else {
                        chord(w, b, 0, voicing, 80, steps);
                    }
                }
                case SKANK -> {
                    voicing = c.voicing(60, voicing);
                    if (steps == 16) for (int s : halves ? new int[] {4, 12} : new int[] {2, 6, 10, 14}) chord(w, b, s, voicing, 86, 1);
                    else offbeats(w, b, voicing);
                }
                case CLAV -> {
                    List<Integer> top = topThree(c.voicing(57, voicing));
                    voicing = top;
                    for (int s : clav) if (s < steps) chord(w, b, s, top, s % 4 == 0 ? 96 : 78, 0.6);
                }
                case POWER -> {
                    int root = c.rootFrom(40);
                    List<Integer> power = List.of(root, root + c.fifth(), root + 12);
                    for (int s = 0; s < steps; s += 2) chord(w, b, s, power, s % 4 == 0 ? 104 : 86, halves ? 2 : 1.5);
                }
                case COMPING -> {
                    voicing = rootless(c.voicing(55, voicing), c);
                    if (steps == 16) {
                        int[] hits = w.pick(List.of(new int[] {0, 6}, new int[] {2, 10}, new int[] {0, 7, 14}, new int[] {3, 10}));
                        for (int i = 0; i < hits.length; i++) {
                            int end = i + 1 < hits.length ? hits[i + 1] : 16;
                            chord(w, b, hits[i], voicing, 74, Math.max(2, end - hits[i]));
                        }
                    } else {
                        chord(w, b, 4, voicing, 70, 3);
                        chord(w, b, 8, voicing, 66, 3);
                    }
                }
                case PIANO_PULSE -> {
                    voicing = c.voicing(55, voicing);
                    if (steps != 16) offbeats(w, b, voicing);
                    else if (halves) {
                        chord(w, b, 0, voicing, 84, 8);
                        chord(w, b, 8, voicing, 76, 8);
                    } else {
                        for (int s = 0; s < 16; s += 2) chord(w, b, s, voicing, s % 4 == 0 ? 84 : 68, 2);
                    }
                }
            }
        }
    }

    /** Waltz "oom-pah-pah" and 6/8 pulses: the chord on the beats after the downbeat. */
    private static void offbeats(PartWriter w, int bar, List<Integer> voicing) {
        int[] hits = w.sixEight ? new int[] {2, 4, 8, 10} : new int[] {4, 8};
        for (int s : hits) chord(w, bar, s, voicing, 78, 2);
    }

    private static void chord(PartWriter w, int bar, double step, List<Integer> pitches, int velocity, double steps) {
        for (int p : pitches) w.note(bar, step, p, velocity, steps);
    }

    private static List<Integer> topThree(List<Integer> v) {
        return v.size() <= 3 ? v : v.subList(v.size() - 3, v.size());
    }

    /** Jazz voicings leave the root to the bass: drop it when the chord has four or more notes. */
    private static List<Integer> rootless(List<Integer> v, Chord c) {
        if (v.size() < 4) return v;
        List<Integer> out = new ArrayList<>();
        for (int p : v) if (Math.floorMod(p - c.rootPitchClass(), 12) != 0) out.add(p);
        return out;
    }
}
