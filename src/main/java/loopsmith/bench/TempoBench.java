package loopsmith.bench;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.TreeSet;
import java.util.stream.Stream;
import loopsmith.audio.Analyzer;
import loopsmith.audio.AudioAnalysis;
import loopsmith.audio.AudioNote;
import loopsmith.audio.SoundFonts;
import loopsmith.audio.WavWriter;
import loopsmith.midi.MidiFormatException;
import loopsmith.midi.MidiReader;
import loopsmith.midi.MidiWriter;
import loopsmith.audio.StemRenderer;
import loopsmith.music.LoopsmithException;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import loopsmith.music.Track;

/**
 * {@code bench tempo}: tempo accuracy on labelled drum loops, ours next to aubio's on the same files in the same run,
 * plus the onset F-measure of our drum transcription.
 *
 * <p>The loops are made here: 4/4 beats from the Groove corpus, cut to 2, 4 or 8 bars at a random bar, re-timed to a
 * tempo drawn from 70–180 BPM (from a file recorded within 20% of it, so the groove still sounds like itself) and
 * rendered with FluidR3_GM to {@code NNN_<style>_<bars>bars_<bpm>bpm.wav} beside the cut MIDI. The set depends only on
 * the seed (a smaller count is a prefix), so it is kept in the work folder and reused. Scoring is aubio's: exact within 2%, octave
 * also accepting double or half. aubio reports three estimates; the ratio uses whichever scores best here.
 */
public final class TempoBench {
    static final double TOLERANCE = 0.02;
    static final double ONSET_WINDOW_S = 0.05;
    /** Reference hits closer than this are one onset: a flam or kick-and-hat is one attack to a listener. */
    static final double SAME_ONSET_S = 0.03;
    private static final int MIN_BPM = 70;
    private static final int MAX_BPM = 180;
    private static final int[] BARS = {2, 4, 8};
    private static final int SAMPLE_RATE_HZ = 44100;
    private static final double PEAK = 0.9;

    private TempoBench() {}

    public static Map<String, Object> run(Path corpus, Path work, int cases, long seed, Path peerScript) {
        List<Path> loops = loops(corpus, work, cases, seed);
        int exact = 0;
        int octave = 0;
        long tp = 0;
        long fp = 0;
        long fn = 0;
        double audioSeconds = 0;
        long t0 = System.nanoTime();
        List<Map<String, Object>> misses = new ArrayList<>();
        for (Path wav : loops) {
            AudioAnalysis a = Analyzer.analyze(wav);
            audioSeconds += a.seconds();
            double known = knownBpm(wav);
            if (close(a.tempo().bpm(), known)) exact++;
            if (close(a.tempo().bpm(), known) || close(a.tempo().bpm(), known * 2) || close(a.tempo().bpm(), known / 2)) octave++;
            else if (misses.size() < 10) misses.add(Map.of("file", wav.getFileName().toString(), "bpm", a.tempo().bpm()));
            Piece reference = MidiReader.read(midiOf(wav)).piece();
            long[] m = match(onsets(reference), a.drumHits().stream().map(AudioNote::startSeconds).toList());
            tp += m[0];
            fp += m[1];
            fn += m[2];
        }
        double oursSeconds = (System.nanoTime() - t0) / 1e9;

        JsonNode peer = Peer.run(peerScript, loops.stream().map(Path::toString).toList(), 3600);
        Map<String, Object> aubio = new LinkedHashMap<>();
        String best = null;
        double bestExact = -1;
        for (String method : List.of("median", "mean", "tracker")) {
            JsonNode acc = peer.path("accuracy").path(method);
            aubio.put(method, Map.of("exact", acc.path("exact").asDouble(), "octave", acc.path("octave").asDouble()));
            if (acc.path("exact").asDouble() > bestExact) {
                bestExact = acc.path("exact").asDouble();
                best = method;
            }
        }
        aubio.put("best", best);
        aubio.put("version", peer.path("version").asText());
        aubio.put("files", peer.path("files").asInt());
        aubio.put("errors", peer.path("errors").asInt());
        aubio.put("realtime_factor", peer.path("realtime_factor").asDouble());

        int n = loops.size();
        double oursExact = round(exact / (double) n);
        Map<String, Object> ours = new LinkedHashMap<>();
        ours.put("exact", oursExact);
        ours.put("octave", round(octave / (double) n));
        ours.put("realtime_factor", round(audioSeconds / oursSeconds));
        ours.put("misses", misses);
        double precision = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
        double recall = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
        Map<String, Object> drums = new LinkedHashMap<>();
        drums.put("f_measure", round(precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)));
        drums.put("precision", round(precision));
        drums.put("recall", round(recall));
        drums.put("reference_onsets", tp + fn);
        drums.put("window_s", ONSET_WINDOW_S);

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("bench", "tempo");
        out.put("cases", n);
        out.put("seed", seed);
        out.put("work", loops.get(0).getParent().toString());
        out.put("tolerance", TOLERANCE);
        out.put("ours", ours);
        out.put("aubio", aubio);
        out.put("ratio", bestExact > 0 ? round(oursExact / bestExact) : null);
        out.put("ratio_uses", "aubio " + best + " (its best exact accuracy here)");
        out.put("target", "ours exact >= aubio exact + 0.10");
        out.put("target_met", oursExact >= bestExact + 0.10);
        out.put("drum_onsets", drums);
        return out;
    }

    static boolean close(double bpm, double target) {
        return Math.abs(bpm - target) <= TOLERANCE * target;
    }

    static double knownBpm(Path wav) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{2,3}(?:\\.\\d+)?)bpm").matcher(wav.getFileName().toString());
        if (!m.find()) throw new LoopsmithException(wav, "no tempo in the file name");
        return Double.parseDouble(m.group(1));
    }

    private static Path midiOf(Path wav) {
        String name = wav.getFileName().toString();
        return wav.resolveSibling(name.substring(0, name.length() - 4) + ".mid");
    }

    /** Distinct onset times (seconds) of a piece's notes, hits within {@link #SAME_ONSET_S} merged. */
    static List<Double> onsets(Piece p) {
        TreeSet<Double> times = new TreeSet<>();
        for (Track t : p.tracks()) for (Note n : t.notes()) if (n.startTick() < p.endTick()) times.add(p.secondsAt(n.startTick()));
        List<Double> out = new ArrayList<>();
        for (double t : times) if (out.isEmpty() || t - out.get(out.size() - 1) > SAME_ONSET_S) out.add(t);
        return out;
    }

    /** {true positives, false positives, false negatives}: each reference matched at most once, in time order. */
    static long[] match(List<Double> reference, List<Double> detected) {
        List<Double> det = new ArrayList<>(new TreeSet<>(detected));
        boolean[] used = new boolean[det.size()];
        long tp = 0;
        int j = 0;
        for (double r : reference) {
            while (j < det.size() && det.get(j) < r - ONSET_WINDOW_S) j++;
            for (int k = j; k < det.size() && det.get(k) <= r + ONSET_WINDOW_S; k++) {
                if (!used[k]) {
                    used[k] = true;
                    tp++;
                    break;
                }
            }
        }
        return new long[] {tp, det.size() - tp, reference.size() - tp};
    }

    /** Bumped whenever StemRenderer's sound changes (sf2: the SF2 voice renderer that replaced Gervill). */
    private static final String RENDER_GENERATION = "sf2";

    /** The labelled loops in {@code work}, rendered first where missing. */
    static List<Path> loops(Path corpus, Path work, int cases, long seed) {
        List<Path> beats = beats(corpus);
        if (beats.isEmpty()) throw new LoopsmithException(corpus, "no 4/4 Groove beat files (*_beat_4-4.mid) found");
        Path sf2 = SoundFonts.find(Optional.empty()).orElseThrow(() -> new LoopsmithException(null, "no SoundFont found: install fluid-soundfont-gm"));
        // Case i depends only on the seed and the cases before it, so a smaller set is a prefix of a larger one.
        // The folder names the renderer generation too: loops rendered by an earlier renderer are not reused.
        Path dir = work.resolve(String.format(Locale.ROOT, "%s-seed%d", RENDER_GENERATION, seed));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new LoopsmithException(dir, "cannot create the work folder: " + e.getMessage(), e);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        StemRenderer renderer = new StemRenderer(sf2, SAMPLE_RATE_HZ);
        Map<Path, Piece> read = new LinkedHashMap<>();
        List<Path> out = new ArrayList<>();
        int attempts = 0;
        while (out.size() < cases && attempts++ < cases * 20) {
            int bpm = MIN_BPM + rnd.nextInt(MAX_BPM - MIN_BPM + 1);
            int bars = BARS[rnd.nextInt(BARS.length)];
            Path source = beats.get(rnd.nextInt(beats.size()));
            double pick = rnd.nextDouble();
            Piece p = read.computeIfAbsent(source, f -> readOrNull(f));
            if (p == null || Math.abs(p.initialBpm() - bpm) > 0.2 * bpm || p.lengthBars() < bars) continue;
            long startBar = (long) Math.floor(pick * (p.lengthBars() - bars + 1));
            Piece loop = cut(p, startBar, bars, bpm);
            if (loop.noteCount() < 8 * bars) continue;
            String style = source.getFileName().toString().replaceAll("^\\d+_", "").replaceAll("_.*", "");
            String base = String.format(Locale.ROOT, "%03d_%s_%dbars_%dbpm", out.size(), style, bars, bpm);
            Path wav = dir.resolve(base + ".wav");
            Path mid = dir.resolve(base + ".mid");
            if (!Files.isRegularFile(wav) || !Files.isRegularFile(mid)) {
                MidiWriter.write(loop, mid);
                float[][] stereo = renderer.render(loop, loop.tracks().get(0), renderer.loopFrames(loop), 0);
                WavWriter.write(wav, new float[][] {normalised(stereo)}, SAMPLE_RATE_HZ, 16);
            }
            out.add(wav);
        }
        return out;
    }

    private static Piece readOrNull(Path f) {
        try {
            Piece p = MidiReader.read(f).piece();
            return p.tracks().stream().anyMatch(Track::isDrum) && p.initialTimeSignature().equals(TimeSignature.FOUR_FOUR) ? p : null;
        } catch (MidiFormatException e) {
            return null;
        }
    }

    /** Bars {@code from .. from+bars-1} of the piece's drums, moved to tick 0 and set to {@code bpm}. */
    static Piece cut(Piece p, long fromBar, int bars, double bpm) {
        long start = p.barGrid().barStartTick(fromBar);
        long end = p.barGrid().barStartTick(fromBar + bars);
        List<Note> notes = new ArrayList<>();
        for (Track t : p.tracks()) {
            if (!t.isDrum()) continue;
            for (Note n : t.notes())
                if (n.startTick() >= start && n.startTick() < end)
                    notes.add(new Note(n.pitch(), n.velocity(), n.startTick() - start, Math.min(n.durationTicks(), end - n.startTick())));
        }
        return Piece.of(p.ticksPerQuarter(), bpm, TimeSignature.FOUR_FOUR, Optional.empty(),
                List.of(new Track("Drums", Role.DRUMS, 0, true, notes)), end - start);
    }

    private static float[] normalised(float[][] stereo) {
        float[] mono = new float[stereo[0].length];
        float peak = 0;
        for (int i = 0; i < mono.length; i++) {
            mono[i] = (stereo[0][i] + stereo[1][i]) / 2;
            peak = Math.max(peak, Math.abs(mono[i]));
        }
        if (peak > 0) for (int i = 0; i < mono.length; i++) mono[i] *= PEAK / peak;
        return mono;
    }

    private static List<Path> beats(Path corpus) {
        if (!Files.isDirectory(corpus)) throw new LoopsmithException(corpus, "not a directory");
        try (Stream<Path> s = Files.walk(corpus)) {
            return s.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith("_beat_4-4.mid")).sorted().toList();
        } catch (IOException e) {
            throw new LoopsmithException(corpus, "cannot list: " + e.getMessage(), e);
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
