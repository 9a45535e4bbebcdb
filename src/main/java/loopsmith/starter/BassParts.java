package loopsmith.starter;

import java.util.List;
import loopsmith.music.Key;

/**
 * Basslines that follow the harmony: each bar starts from its chord's root (between A1 and G#2) and moves by the
 * idiom's rhythm and intervals: house off-beats, rolling techno sixteenths, boom-bap roots on the kicks, long 808s,
 * drum & bass sustains, funk octaves and ghosts, reggae's empty beat one, walking quarters with chromatic approaches.
 */
final class BassParts {
    private BassParts() {}

    private static final int LOW = 33; // A1

    static void play(Parts.Bass style, List<Chord> chords, Key key, PartWriter w) {
        int[] cell = {w.rng.nextInt(3), w.rng.nextInt(2)}; // one rhythm idea per loop, shared by its bars
        int[] eightOEight = w.pick(List.of(new int[] {0, 7, 10}, new int[] {0, 3, 11}, new int[] {0, 10, 13}));
        for (int b = 0; b < w.bars; b++) {
            Chord c = chords.get(b);
            Chord next = chords.get((b + 1) % chords.size());
            int root = c.rootFrom(LOW);
            if (w.stepsPerBar != 16) {
                oddMeter(style, c, next, root, b, w);
                continue;
            }
            switch (style) {
                case OFFBEAT -> {
                    for (int s = 2; s < 16; s += 4) w.note(b, s, s == 14 && cell[0] == 1 ? root + 12 : root, 100, 1.5);
                    if (cell[0] == 2) w.note(b, 7, root + c.fifth(), 80, 1);
                }
                case ROLLING -> {
                    for (int s = 0; s < 16; s++) if (s % 4 != 0 && (cell[0] == 0 || s % 4 != 1))
                        w.note(b, s, s % 4 == 3 && cell[1] == 1 ? root + 12 : root, s % 4 == 2 ? 104 : 84, 1);
                }
                case HIP_HOP -> {
                    w.note(b, 0, root, 104, cell[0] == 0 ? 6 : 3);
                    if (cell[0] == 1) w.note(b, 3, root, 80, 2);
                    w.note(b, 7, cell[1] == 0 ? root + c.fifth() : root + 12, 88, 2);
                    w.note(b, 10, root, 96, cell[0] == 2 ? 2 : 4);
                    if (cell[0] == 2) w.note(b, 14, approach(next.rootFrom(LOW), key, w), 80, 2);
                }
                case EIGHT_O_EIGHT -> {
                    int[] hits = eightOEight;
                    for (int i = 0; i < hits.length; i++) {
                        int end = i + 1 < hits.length ? hits[i + 1] : 16;
                        int pitch = i == hits.length - 1 && w.chance(0.3) ? root + 12 : root;
                        w.note(b, hits[i], pitch, 110, end - hits[i]);
                    }
                }
                case REESE -> {
                    if (cell[0] == 0) w.note(b, 0, root, 100, 16);
                    else {
                        w.note(b, 0, root, 100, 10);
                        w.note(b, 10, root + (cell[1] == 0 ? c.fifth() : 12), 92, 6);
                    }
                }
                case FUNK -> funk(root, c, next, key, b, cell, w);
                case ROOT_EIGHTHS -> {
                    if (cell[0] == 0) for (int s = 0; s < 16; s += 2) w.note(b, s, root, s % 4 == 0 ? 100 : 84, 2);
                    else for (int s : new int[] {0, 3, 6, 8, 10, 14}) w.note(b, s, s == 14 ? approach(next.rootFrom(LOW), key, w) : root, 96, 2);
                }
                case REGGAE -> {
                    // One drop: beat one is left empty; the line answers the drums.
                    int[] line = {root, root + c.third(), root + c.fifth(), root + 12};
                    w.note(b, 2, root, 100, 2);
                    w.note(b, 4, line[cell[0] % 4], 92, 2);
                    w.note(b, 6, line[(cell[0] + 1) % 4], 88, 1);
                    w.note(b, 8, root + c.fifth(), 96, 3);
                    w.note(b, 12, line[(cell[1] + 2) % 4], 90, 2);
                    w.note(b, 14, root, 86, 2);
                }
                case WALKING -> walk(root, c, next, key, b, 4, w);
                case DRONE -> w.note(b, 0, root, 70, 16);
            }
        }
    }


    private static void funk(int root, Chord c, Chord next, Key key, int b, int[] cell, PartWriter w) {
        int seventh = root + (c.intervals().length > 3 ? c.intervals()[3] : 10);
        w.note(b, 0, root, 112, 2);
        w.note(b, 3, root + 12, 96, 1);
        if (cell[0] != 1) w.note(b, 2, root, 44, 0.5); // ghost
        w.note(b, 6, root, 100, 1);
        w.note(b, 7, root + 12, 90, 1);
        w.note(b, 10, cell[1] == 0 ? seventh : root + c.fifth(), 98, 2);
        w.note(b, 12, root + c.fifth(), 92, 1);
        if (cell[0] == 2) w.note(b, 13, root + 12, 80, 1);
        w.note(b, 15, next.rootFrom(LOW) - 1, 88, 1); // chromatic approach into the next bar
    }

    /** Quarter notes: root, chord tones, and a half-step approach into the next bar's root. */
    private static void walk(int root, Chord c, Chord next, Key key, int b, int beats, PartWriter w) {
        int target = next.rootFrom(LOW);
        int[] tones = {root, root + c.third(), root + c.fifth(), root + 12, root + c.fifth() - 12 < LOW ? root + 7 : root + c.fifth() - 12};
        int prev = root;
        w.note(b, 0, root, 96, 4);
        for (int beat = 1; beat < beats; beat++) {
            int p;
            if (beat == beats - 1) p = w.chance(0.5) ? target + (target > prev ? -1 : 1) : scaleNeighbour(target, key, prev);
            else p = tones[1 + w.rng.nextInt(tones.length - 1)];
            w.note(b, beat * 4, p, beat % 2 == 0 ? 90 : 82, 4);
            prev = p;
        }
    }

    private static int scaleNeighbour(int target, Key key, int from) {
        int step = from > target ? 1 : -1;
        int p = target + step;
        while (!key.inScale(p)) p += step;
        return p;
    }

    private static int approach(int target, Key key, PartWriter w) {
        return w.chance(0.5) ? target - 1 : scaleNeighbour(target, key, target + (w.chance(0.5) ? 5 : -5));
    }

    private static void oddMeter(Parts.Bass style, Chord c, Chord next, int root, int b, PartWriter w) {
        if (style == Parts.Bass.DRONE) {
            w.note(b, 0, root, 70, 12);
        } else if (style == Parts.Bass.WALKING && !w.sixEight) {
            w.note(b, 0, root, 96, 4);
            w.note(b, 4, root + c.fifth(), 84, 4);
            w.note(b, 8, next.rootFrom(LOW) - 1, 84, 4);
        } else if (w.sixEight) {
            w.note(b, 0, root, 100, 5);
            w.note(b, 6, root + c.fifth(), 90, 3);
            w.note(b, 10, root + 12, 84, 2);
        } else {
            w.note(b, 0, root, 100, 4);
            w.note(b, 8, root + c.fifth(), 86, 4);
        }
    }
}
