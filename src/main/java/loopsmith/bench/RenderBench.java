package loopsmith.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import loopsmith.audio.Analyzer;
import loopsmith.audio.SoundFonts;
import loopsmith.audio.WavReader;
import loopsmith.audio.StemRenderer;
import loopsmith.midi.MidiReader;
import loopsmith.midi.MidiWriter;
import loopsmith.music.LoopsmithException;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Track;

/**
 * {@code bench render}: realtime factor (audio seconds per wall second, SoundFont loading included) of rendering a
 * 16-bar 4-track piece to stems, next to FluidSynth rendering the same MIDI with the same SF2, effects off on both
 * sides, in the same run. Note what differs: FluidSynth renders one mix; we render each track on its own (stems),
 * which is four passes over the same time span. Ours is the median of the repeats, each opening the SoundFont again
 * in the same JVM (as a server does); the first, cold run is reported beside it.
 */
public final class RenderBench {
    private RenderBench() {}

    public static Map<String, Object> run(Path example, int repeats, Path peerScript) {
        Path sf2 = SoundFonts.find(Optional.empty()).orElseThrow(() -> new LoopsmithException(null,
                "no SoundFont found: install fluid-soundfont-gm"));
        Piece piece = sixteenBars(MidiReader.read(example).piece());
        Path midi;
        try {
            midi = Files.createTempFile("loopsmith-bench-render", ".mid");
        } catch (IOException e) {
            throw new LoopsmithException(null, "cannot create a temp file: " + e.getMessage(), e);
        }
        MidiWriter.write(piece, midi);
        double seconds = piece.secondsAt(piece.endTick());
        List<Double> factors = new ArrayList<>();
        List<float[][]> stems = List.of();
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            StemRenderer renderer = new StemRenderer(sf2, 44100);
            long frames = renderer.loopFrames(piece);
            stems = renderer.renderAll(piece, piece.tracks(), frames, 0); // the export's own path
            factors.add(seconds / ((System.nanoTime() - t0) / 1e9));
        }
        double first = factors.get(0);
        factors.sort(null);
        double ours = factors.get(factors.size() / 2);
        Path wav = midi.resolveSibling(midi.getFileName() + ".wav");
        JsonNode peer = Peer.runWithEnv(peerScript, List.of(midi.toString(), wav.toString(), sf2.toString()),
                Map.of("FLUIDSYNTH_OPTS", "-R 0 -C 0"), 600);
        double likeness = envelopeCorrelation(Analyzer.mono(mix(stems)), Analyzer.mono(WavReader.read(wav, 44100)));
        try {
            Files.deleteIfExists(midi);
            Files.deleteIfExists(wav);
        } catch (IOException e) {
            System.err.println("warning: temp files left: " + e.getMessage());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("bench", "render");
        out.put("piece", Map.of("bars", 16, "tracks", piece.tracks().size(), "audio_s", Math.round(seconds * 1000) / 1000.0));
        out.put("soundfont", sf2.toString());
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("renderer", "SF2 voices, one pass per stem, 4-point interpolation");
        o.put("realtime_factor", Math.round(ours * 10) / 10.0);
        o.put("first_run_realtime_factor", Math.round(first * 10) / 10.0); // a fresh JVM: the code not yet compiled
        o.put("passes", piece.tracks().size());
        o.put("envelope_correlation_with_peer", Math.round(likeness * 1000) / 1000.0); // same notes, same sounds: near 1
        o.put("repeats", repeats);
        out.put("ours", o);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("peer", peer.path("peer").asText());
        p.put("version", peer.path("version").asText());
        p.put("realtime_factor", peer.path("realtime_factor").asDouble());
        p.put("wall_s", peer.path("wall_s").asDouble());
        out.put("peer", p);
        out.put("ratio", Math.round(ours / peer.path("realtime_factor").asDouble() * 100) / 100.0);
        out.put("target", 1.0);
        return out;
    }

    private static float[][] mix(List<float[][]> stems) {
        float[][] out = new float[StemRenderer.CHANNELS][stems.get(0)[0].length];
        for (float[][] s : stems)
            for (int c = 0; c < out.length; c++)
                for (int i = 0; i < out[c].length; i++) out[c][i] += s[c][i];
        return out;
    }

    /** Pearson correlation of two signals' 10 ms RMS envelopes: whether the same notes sound when and as loud. */
    static double envelopeCorrelation(float[] a, float[] b) {
        int hop = 441, frames = Math.min(a.length, b.length) / hop;
        double[] x = new double[frames], y = new double[frames];
        for (int f = 0; f < frames; f++) {
            double sa = 0, sb = 0;
            for (int i = f * hop; i < (f + 1) * hop; i++) {
                sa += a[i] * a[i];
                sb += b[i] * b[i];
            }
            x[f] = Math.sqrt(sa / hop);
            y[f] = Math.sqrt(sb / hop);
        }
        double mx = java.util.Arrays.stream(x).average().orElse(0), my = java.util.Arrays.stream(y).average().orElse(0);
        double sxy = 0, sxx = 0, syy = 0;
        for (int f = 0; f < frames; f++) {
            sxy += (x[f] - mx) * (y[f] - my);
            sxx += (x[f] - mx) * (x[f] - mx);
            syy += (y[f] - my) * (y[f] - my);
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }

    /** The example loop repeated to 16 bars. */
    static Piece sixteenBars(Piece loop) {
        long length = loop.barGrid().barLineAtOrAfter(loop.endTick());
        int copies = (int) Math.max(1, 16 / Math.max(1, loop.lengthBars()));
        List<Track> tracks = new ArrayList<>();
        for (Track t : loop.tracks()) {
            List<Note> notes = new ArrayList<>();
            for (int c = 0; c < copies; c++)
                for (Note n : t.notes()) notes.add(new Note(n.pitch(), n.velocity(), n.startTick() + c * length, n.durationTicks()));
            tracks.add(t.withNotes(notes));
        }
        return loop.withTracks(tracks).withEndTick(length * copies);
    }
}
