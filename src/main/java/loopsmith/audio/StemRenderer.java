package loopsmith.audio;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import loopsmith.music.LoopsmithException;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Track;

/**
 * Renders tracks to stereo audio offline through a General MIDI SoundFont, each track on its own, exactly {@code
 * frames} long plus the release tail after it when asked. Every note starts on its exact frame and is rendered as
 * its SoundFont layers ({@link SoundFontVoice}); voices of a track are summed.
 *
 * <p>Why not Java's own synthesizer (Gervill), which an earlier version used: it renders in real-time-shaped blocks
 * through a control loop, 12–16× realtime per stem here against FluidSynth's 26× for a whole mix (SoundFont loading
 * included), and quantizes note starts to its control rate. Rendering voice by voice from a memory-mapped SoundFont
 * is an order of magnitude faster and sample-exact.
 */
public final class StemRenderer implements AutoCloseable {
    public static final int CHANNELS = 2;
    /** Output gain, FluidSynth's default: a few loud voices together stay below full scale before normalizing. */
    private static final float MASTER_GAIN = 0.2f;
    private static final int DRUM_BANK = 128;
    /** A note shorter than this still sounds this long before its release (a 1-tick drum hit is a hit, not a click). */
    private static final double MIN_NOTE_SECONDS = 0.001;

    private final SoundFont font;
    private final int sampleRateHz;

    /** Opens the SoundFont once; renders share it (and the samples converted so far). */
    public StemRenderer(Path soundfont, int sampleRateHz) {
        this.font = SoundFont.open(soundfont);
        this.sampleRateHz = sampleRateHz;
    }

    public Path soundfont() {
        return font.file();
    }

    public int sampleRateHz() {
        return sampleRateHz;
    }

    /** Frames in the piece's loop: bars × beats × 60 / bpm seconds, at this sample rate. */
    public long loopFrames(Piece piece) {
        return Math.round(piece.secondsAt(piece.barGrid().barLineAtOrAfter(piece.endTick())) * sampleRateHz);
    }

    /**
     * One track as stereo float samples, {@code frames + tailFrames} long; the caller cuts the loop and the tail. An
     * interrupted thread ends it with a {@link CancellationException}, as the generator ends a cancelled job.
     */
    public float[][] render(Piece piece, Track track, long frames, long tailFrames) {
        if (frames + tailFrames > Integer.MAX_VALUE) throw new LoopsmithException(font.file(), "render too long: " + (frames + tailFrames) + " frames");
        float[][] out = new float[CHANNELS][(int) (frames + tailFrames)];
        int[] preset = preset(track);
        long loopEnd = piece.barGrid().barLineAtOrAfter(piece.endTick());
        List<SoundFontVoice> voices = new ArrayList<>();
        Map<Integer, List<SoundFontVoice>> byClass = new HashMap<>();
        List<Note> notes = new ArrayList<>(track.notes());
        notes.sort(java.util.Comparator.comparingLong(Note::startTick));
        for (Note n : notes) {
            if (n.startTick() >= loopEnd) continue;
            double on = piece.secondsAt(n.startTick());
            double off = Math.max(on + MIN_NOTE_SECONDS, piece.secondsAt(Math.min(n.endTick(), loopEnd)));
            long onFrame = Math.round(on * sampleRateHz), offFrame = Math.round(off * sampleRateHz);
            for (SoundFont.Layer layer : font.layers(preset[0], preset[1], n.pitch(), n.velocity())) {
                int exclusive = layer.generators()[SoundFont.EXCLUSIVE_CLASS];
                if (exclusive != 0) // a new note of an exclusive class cuts the sounding ones (a closed hat stops an open one)
                    for (SoundFontVoice earlier : byClass.getOrDefault(exclusive, List.of()))
                        if (earlier.startFrame() < onFrame) earlier.choke(onFrame);
                SoundFontVoice v = new SoundFontVoice(font, layer, n.pitch(), n.velocity(), onFrame, offFrame, sampleRateHz);
                voices.add(v);
                if (exclusive != 0) byClass.computeIfAbsent(exclusive, k -> new ArrayList<>()).add(v);
            }
        }
        for (SoundFontVoice v : voices) v.renderInto(out[0], out[1], MASTER_GAIN);
        return out;
    }

    /** Bank and program: the drum kit (bank 128) for drums, else the track's GM program; the standard ones when missing. */
    private int[] preset(Track track) {
        if (track.isDrum()) return font.hasPreset(DRUM_BANK, track.program()) ? new int[] {DRUM_BANK, track.program()} : new int[] {DRUM_BANK, 0};
        int program = Math.max(Track.MIN_PROGRAM, Math.min(Track.MAX_PROGRAM, track.program()));
        return font.hasPreset(0, program) ? new int[] {0, program} : new int[] {0, 0};
    }

    /**
     * Several tracks at once: tracks render independently, so they render in parallel over the cores, the SoundFont
     * shared. Results are in the order of {@code tracks}.
     */
    public List<float[][]> renderAll(Piece piece, List<Track> tracks, long frames, long tailFrames) {
        int threads = Math.max(1, Math.min(tracks.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<float[][]>> jobs = new ArrayList<>();
            for (Track t : tracks) jobs.add(pool.submit(() -> render(piece, t, frames, tailFrames)));
            List<float[][]> out = new ArrayList<>(tracks.size());
            for (Future<float[][]> j : jobs) out.add(j.get());
            return out;
        } catch (InterruptedException e) {
            // A cancelled or timed-out job, told as the generator tells it; shutdownNow below stops the tracks' threads.
            Thread.currentThread().interrupt();
            CancellationException c = new CancellationException("rendering interrupted");
            c.initCause(e);
            throw c;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    public void close() {
        // The SoundFont is a read-only memory map, released with it by the garbage collector.
    }
}
