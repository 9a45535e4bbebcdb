package loopsmith.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import loopsmith.audio.SoundFonts;
import loopsmith.audio.StemRenderer;
import loopsmith.audio.WavReader;
import loopsmith.audio.WavWriter;
import loopsmith.midi.MidiWriter;
import loopsmith.music.LoopsmithException;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import loopsmith.music.Track;
import loopsmith.starter.StarterConfig;
import loopsmith.starter.StarterCorpus;
import loopsmith.starter.StarterLoop;

/**
 * The tempo bench's loop set: 4/4 drum loops of eleven genre families, each at a tempo drawn from the range the genre is
 * counted in, rendered from MIDI by our renderer or by FluidSynth (alternately), 2 or 4 bars long, and half of them
 * started one to three beats into the bar, so that the first downbeat is not at 0 s. Nine families come from the
 * starter corpus's drum parts (with its swing and timing drift), reggaeton and dubstep from {@link GenreDrums}.
 *
 * <p>Case {@code i} depends only on the seed and {@code i}: a smaller set is a prefix of a larger one, and the files
 * are kept in the work folder and reused. FluidSynth renders with its defaults (reverb and chorus on) and is cut to
 * the loop's length, as a DAW exports a loop.
 */
final class TempoSet {
    /** Bumped whenever the set's recipe changes, so loops made by an earlier recipe are not reused. */
    private static final String GENERATION = "genres2";
    private static final String MIX_GENERATION = "mixes1";
    static final int SAMPLE_RATE_HZ = 44100;
    private static final int BEATS_PER_BAR = 4;
    private static final double PEAK = 0.9;
    private static final int[] BARS = {2, 4};
    /** Starter loops per genre to draw patterns from. */
    private static final int STARTER_LOOPS = 24;

    enum Renderer {
        OURS, FLUIDSYNTH;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A family: the genre whose loops it draws and the tempo range producers count it in.
     *
     * @param starterGenre the starter corpus genre whose drum parts it plays, or empty for {@link GenreDrums}
     */
    record Family(String name, int minBpm, int maxBpm, Optional<String> starterGenre) { }

    static final List<Family> FAMILIES = List.of(
            new Family("drum-and-bass", 160, 180, Optional.of("drum-and-bass")),
            new Family("trap", 130, 160, Optional.of("trap")),
            new Family("dubstep", 136, 150, Optional.empty()),
            new Family("reggaeton", 85, 100, Optional.empty()),
            new Family("house", 116, 130, Optional.of("house")),
            new Family("techno", 122, 140, Optional.of("techno")),
            new Family("boom-bap", 82, 98, Optional.of("boom-bap")),
            new Family("funk", 92, 120, Optional.of("funk")),
            new Family("rock", 96, 160, Optional.of("rock")),
            new Family("jazz", 100, 180, Optional.of("jazz")),
            new Family("reggae", 66, 84, Optional.of("reggae")));

    /**
     * One loop with its known answers.
     *
     * @param shiftBeats           beats into the bar the clip starts at (0: on the downbeat)
     * @param firstDownbeatSeconds where the first downbeat of the clip falls
     * @param piece                the MIDI as rendered (shifted), for the groove's reference offsets
     */
    record Case(Path wav, Family family, Renderer renderer, double bpm, int bars, int shiftBeats, double firstDownbeatSeconds,
                Piece piece) { }

    private TempoSet() {}

    /** The first {@code cases} loops of the seed's set in {@code work}, rendered first where missing. */
    static List<Case> build(Path work, int cases, long seed, Path fluidsynthPeer) {
        Map<String, List<Track>> starterDrums = starterDrums(seed);
        return cases(work.resolve(String.format(Locale.ROOT, "%s-seed%d", GENERATION, seed)), cases, seed * 1_000_003L, FAMILIES,
                (family, bars, bpm, rnd) -> {
                    Track drums = family.starterGenre().map(g -> pick(starterDrums.get(g), rnd)).orElseGet(() ->
                            family.name().equals("reggaeton") ? GenreDrums.reggaeton(bars, rnd) : GenreDrums.dubstep(bars, rnd));
                    return cut(drums, bars, bpm);
                }, false, fluidsynthPeer);
    }

    /**
     * The same kind of cases as {@link #build}, for the nine starter families, but each a whole starter loop: drums with
     * the bass, chords, melody and pad the loop has, as a producer's loops and bounced beats usually are. In the mix a
     * bass line's notes sound in the kick's band and chord stabs in the snare's, which drum loops alone never test.
     */
    static List<Case> buildMixes(Path work, int cases, long seed, Path fluidsynthPeer) {
        Map<String, List<Piece>> starter = starterLoops(seed, true);
        return cases(work.resolve(String.format(Locale.ROOT, "%s-seed%d", MIX_GENERATION, seed)), cases, seed * 2_000_003L,
                FAMILIES.stream().filter(f -> f.starterGenre().isPresent()).toList(),
                (family, bars, bpm, rnd) -> {
                    List<Piece> loops = starter.get(family.starterGenre().get());
                    return cut(loops.get(rnd.nextInt(loops.size())).tracks(), bars, bpm);
                }, true, fluidsynthPeer);
    }

    /** What loop a case plays, from its family, length and tempo; any further choice comes from {@code rnd}. */
    private interface LoopMaker {
        Piece make(Family family, int bars, int bpm, SplittableRandom rnd);
    }

    /**
     * Case {@code i}: the families in turn, the renderers alternating every round of them, a tempo in the family's
     * range, a length and a start shift, all from a generator seeded by {@code salt + i} alone.
     */
    private static List<Case> cases(Path dir, int cases, long salt, List<Family> families, LoopMaker loops, boolean namePartCount,
                                    Path fluidsynthPeer) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new LoopsmithException(dir, "cannot create the work folder: " + e.getMessage(), e);
        }
        StemRenderer renderer = null;
        List<Case> out = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            SplittableRandom rnd = new SplittableRandom(salt + i);
            Family family = families.get(i % families.size());
            Renderer how = (i / families.size()) % 2 == 0 ? Renderer.OURS : Renderer.FLUIDSYNTH;
            int bpm = family.minBpm() + rnd.nextInt(family.maxBpm() - family.minBpm() + 1);
            int bars = BARS[rnd.nextInt(BARS.length)];
            int shift = rnd.nextBoolean() ? 0 : 1 + rnd.nextInt(BEATS_PER_BAR - 1);
            Piece loop = shifted(loops.make(family, bars, bpm, rnd), shift);
            String base = String.format(Locale.ROOT, "%03d_%s_%s_%dbars_%dbpm_shift%d", i, family.name(), how.label(), bars, bpm, shift)
                    + (namePartCount ? "_" + loop.tracks().size() + "parts" : "");
            Path wav = dir.resolve(base + ".wav");
            if (!Files.isRegularFile(wav)) {
                if (how == Renderer.OURS && renderer == null) renderer = new StemRenderer(soundFont(), SAMPLE_RATE_HZ);
                render(loop, how, renderer, dir, base, fluidsynthPeer);
            }
            out.add(new Case(wav, family, how, bpm, bars, shift, ((BEATS_PER_BAR - shift) % BEATS_PER_BAR) * 60.0 / bpm, loop));
        }
        return out;
    }

    /** {@code dir/base.wav} (mono, peak-normalised) and {@code dir/base.mid} from the loop, by one of the two renderers. */
    private static void render(Piece loop, Renderer how, StemRenderer renderer, Path dir, String base, Path fluidsynthPeer) {
        Path wav = dir.resolve(base + ".wav");
        Path mid = dir.resolve(base + ".mid");
        MidiWriter.write(loop, mid);
        if (how == Renderer.OURS) {
            List<float[][]> stems = renderer.renderAll(loop, loop.tracks(), renderer.loopFrames(loop), 0);
            float[][] stereo = new float[stems.get(0).length][stems.get(0)[0].length];
            for (float[][] stem : stems)
                for (int c = 0; c < stereo.length; c++) for (int k = 0; k < stereo[c].length; k++) stereo[c][k] += stem[c][k];
            WavWriter.write(wav, new float[][] {normalised(stereo)}, SAMPLE_RATE_HZ, 16);
            return;
        }
        Path raw = dir.resolve(base + ".fluidsynth.wav");
        Peer.run(fluidsynthPeer, List.of(mid.toString(), raw.toString(), soundFont().toString()), 120);
        float[][] stereo = WavReader.read(raw, SAMPLE_RATE_HZ);
        long frames = Math.round(loop.secondsAt(loop.endTick()) * SAMPLE_RATE_HZ);
        WavWriter.write(wav, new float[][] {normalised(cutTo(stereo, (int) frames))}, SAMPLE_RATE_HZ, 16);
        try {
            Files.delete(raw);
        } catch (IOException e) {
            throw new LoopsmithException(raw, "cannot delete: " + e.getMessage(), e);
        }
    }

    /** The drum tracks of 4/4 starter loops per genre (the starter corpus of this seed). */
    private static Map<String, List<Track>> starterDrums(long seed) {
        Map<String, List<Track>> out = new LinkedHashMap<>();
        starterLoops(seed, false).forEach((genre, pieces) ->
                out.put(genre, pieces.stream().map(p -> p.tracks().stream().filter(Track::isDrum).findFirst().orElseThrow()).toList()));
        return out;
    }

    /**
     * The 4/4 starter loops with drums per genre (the starter corpus of this seed); with {@code withParts}, only those
     * that also have a pitched part.
     */
    private static Map<String, List<Piece>> starterLoops(long seed, boolean withParts) {
        List<String> genres = FAMILIES.stream().flatMap(f -> f.starterGenre().stream()).toList();
        Map<String, List<Piece>> out = new LinkedHashMap<>();
        for (StarterLoop l : StarterCorpus.loops(new StarterConfig(STARTER_LOOPS, seed, genres))) {
            if (!l.piece().initialTimeSignature().equals(TimeSignature.FOUR_FOUR)) continue;
            if (l.piece().tracks().stream().noneMatch(Track::isDrum)) continue;
            if (withParts && l.piece().tracks().stream().allMatch(Track::isDrum)) continue;
            out.computeIfAbsent(l.genre(), g -> new ArrayList<>()).add(l.piece());
        }
        for (String g : genres)
            if (!out.containsKey(g)) throw new LoopsmithException(null, "the starter corpus has no 4/4 loop with drums" + (withParts ? " and parts" : "") + " of " + g);
        return out;
    }

    private static Track pick(List<Track> tracks, SplittableRandom rnd) {
        return tracks.get(rnd.nextInt(tracks.size()));
    }

    /** The first {@code bars} bars of a drum track at {@code bpm} (starter loops are 4 or 8 bars at 480 ticks a beat). */
    static Piece cut(Track drums, int bars, double bpm) {
        return cut(List.of(new Track("Drums", Role.DRUMS, 0, true, drums.notes())), bars, bpm);
    }

    /** The first {@code bars} bars of a loop's tracks at {@code bpm}. */
    static Piece cut(List<Track> tracks, int bars, double bpm) {
        long end = (long) bars * BEATS_PER_BAR * GenreDrums.TICKS_PER_QUARTER;
        List<Track> out = new ArrayList<>();
        for (Track t : tracks) {
            List<Note> notes = new ArrayList<>();
            for (Note n : t.notes())
                if (n.startTick() < end) notes.add(new Note(n.pitch(), n.velocity(), n.startTick(), Math.min(n.durationTicks(), end - n.startTick())));
            out.add(t.withNotes(notes));
        }
        return Piece.of(GenreDrums.TICKS_PER_QUARTER, bpm, TimeSignature.FOUR_FOUR, Optional.empty(), out, end);
    }

    /** The loop started {@code beats} beats into its first bar: what was before that point moves to the end. */
    static Piece shifted(Piece loop, int beats) {
        if (beats == 0) return loop;
        long length = loop.endTick();
        long by = (long) beats * loop.ticksPerQuarter();
        List<Track> tracks = new ArrayList<>();
        for (Track t : loop.tracks()) {
            List<Note> notes = new ArrayList<>();
            for (Note n : t.notes()) {
                long start = Math.floorMod(n.startTick() - by, length);
                notes.add(new Note(n.pitch(), n.velocity(), start, Math.max(1, Math.min(n.durationTicks(), length - start))));
            }
            notes.sort(java.util.Comparator.comparingLong(Note::startTick));
            tracks.add(t.withNotes(notes));
        }
        return loop.withTracks(tracks);
    }

    private static Path soundFont() {
        return SoundFonts.find(Optional.empty()).orElseThrow(() -> new LoopsmithException(null, "no SoundFont found: install fluid-soundfont-gm"));
    }

    private static float[][] cutTo(float[][] channels, int frames) {
        float[][] out = new float[channels.length][frames];
        for (int c = 0; c < channels.length; c++) System.arraycopy(channels[c], 0, out[c], 0, Math.min(frames, channels[c].length));
        return out;
    }

    static float[] normalised(float[][] channels) {
        float[] mono = new float[channels[0].length];
        float peak = 0;
        for (int i = 0; i < mono.length; i++) {
            for (float[] c : channels) mono[i] += c[i] / channels.length;
            peak = Math.max(peak, Math.abs(mono[i]));
        }
        if (peak > 0) for (int i = 0; i < mono.length; i++) mono[i] *= PEAK / peak;
        return mono;
    }
}
