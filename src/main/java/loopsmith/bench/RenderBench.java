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
import loopsmith.audio.SoundFonts;
import loopsmith.midi.StemRenderer;
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
 * which is four passes over the same time span.
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
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            StemRenderer renderer = new StemRenderer(sf2, 44100);
            long frames = renderer.loopFrames(piece);
            renderer.renderAll(piece, piece.tracks(), frames, 0); // the export's own path
            factors.add(seconds / ((System.nanoTime() - t0) / 1e9));
        }
        factors.sort(null);
        double ours = factors.get(factors.size() / 2);
        Path wav = midi.resolveSibling(midi.getFileName() + ".wav");
        JsonNode peer = Peer.runWithEnv(peerScript, List.of(midi.toString(), wav.toString(), sf2.toString()),
                Map.of("FLUIDSYNTH_OPTS", "-R 0 -C 0"), 600);
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
        out.put("ours", Map.of("renderer", "Gervill, one pass per stem, linear interpolation, 1 kHz control rate",
                "realtime_factor", Math.round(ours * 10) / 10.0, "passes", piece.tracks().size(), "repeats", repeats));
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
