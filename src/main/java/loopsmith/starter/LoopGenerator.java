package loopsmith.starter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import loopsmith.music.Key;
import loopsmith.music.Mode;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import loopsmith.music.Track;

/** Writes one labelled loop of a genre: tempo, key, meter and line-up drawn from the genre, then each part. */
final class LoopGenerator {
    private LoopGenerator() {}

    /** Loop {@code index} of {@code genre}; the same (seed, genre, index) always gives the same loop. */
    static StarterLoop loop(Genre genre, int index, long seed) {
        SplittableRandom rng = new SplittableRandom(seed * 1_000_003L + genre.name().hashCode() * 7919L + index);
        int bpm = genre.minBpm() + rng.nextInt(genre.maxBpm() - genre.minBpm() + 1);
        TimeSignature meter = TimeSignature.parse(genre.meter(rng.nextDouble())).orElseThrow();
        boolean minor = rng.nextDouble() < genre.minorShare();
        Key key = new Key(rng.nextInt(12), minor ? Mode.MINOR : Mode.MAJOR);
        int bars = rng.nextDouble() < 0.5 ? 4 : 8;
        List<Role> roles = lineUp(genre, rng);
        int[] progression = genre.progressions().get(rng.nextInt(genre.progressions().size()));
        int chordNotes = genre.chordNotes() == 5 && rng.nextDouble() < 0.4 ? 4 : genre.chordNotes();
        List<Chord> chords = new ArrayList<>();
        for (int b = 0; b < bars; b++) {
            int degree = progression[b % progression.length];
            // The progressions are written for minor, where VII is a major chord; in major that degree is diminished,
            // which these genres answer with V.
            if (degree == 6 && !minor) degree = 4;
            chords.add(Chord.onDegree(key, degree, chordNotes));
        }

        int stepsPerBar = (int) Math.round(meter.quartersPerBar() * 4);
        boolean sixEight = meter.numerator() == 6 && meter.denominator() == 8;
        List<Track> tracks = new ArrayList<>();
        for (Role role : roles) {
            PartWriter w = new PartWriter(stepsPerBar, sixEight, bars, genre.feel(), rng.split());
            int program = 0;
            switch (role) {
                case DRUMS -> DrumParts.play(genre.drums(), w);
                case BASS -> {
                    program = w.pick(genre.bassPrograms());
                    BassParts.play(genre.bass(), chords, key, w);
                }
                case CHORDS, PAD -> {
                    program = w.pick(genre.compPrograms());
                    boolean lofiLate = genre.name().equals("lo-fi") || genre.name().equals("neo-soul");
                    PartWriter keys = lofiLate ? new PartWriter(stepsPerBar, sixEight, bars, genre.feel().withLate(18), w.rng) : w;
                    ChordParts.play(role == Role.PAD ? Parts.Comp.PAD : genre.comp(), chords, keys);
                    if (keys != w) w.notes().addAll(keys.notes());
                }
                case MELODY -> {
                    program = w.pick(genre.leadPrograms());
                    boolean pentatonic = w.chance(pentatonicShare(genre.name()));
                    LeadParts.play(genre.lead(), chords, key, pentatonic, w);
                }
                default -> throw new IllegalStateException("no part writer for " + role);
            }
            List<Note> notes = w.notes();
            if (notes.isEmpty()) continue;
            tracks.add(new Track(role.displayName(), role, program, role == Role.DRUMS, notes));
        }
        long end = (long) bars * stepsPerBar * Feel.STEP;
        Piece piece = Piece.of(Feel.TICKS_PER_QUARTER, bpm, meter, Optional.of(key), tracks, end);
        String style = meter.numerator() == 3 ? "waltz" : genre.styles().get(rng.nextInt(genre.styles().size()));
        String mood = genre.moods().get(rng.nextInt(genre.moods().size()));
        List<Role> present = tracks.stream().map(Track::role).toList();
        String path = String.format(Locale.ROOT, "%s/%s_%04d_%dbpm_%s.mid", genre.name(), genre.name(), index, bpm, key.shortName());
        return new StarterLoop(path, piece, genre.name(), style, mood, bpm, key.displayName(), meter.toString(), bars, present);
    }

    /** The full band most of the time, and the partial line-ups (drums alone, no drums…) producers also keep. */
    private static List<Role> lineUp(Genre genre, SplittableRandom rng) {
        List<List<Role>> sets = genre.roleSets();
        return rng.nextDouble() < 0.5 ? sets.get(0) : sets.get(rng.nextInt(sets.size()));
    }

    private static double pentatonicShare(String genre) {
        return switch (genre) {
            case "hip-hop", "boom-bap", "trap", "funk", "rock", "reggae" -> 0.6;
            case "ambient", "lo-fi", "neo-soul" -> 0.3;
            default -> 0.15;
        };
    }
}
