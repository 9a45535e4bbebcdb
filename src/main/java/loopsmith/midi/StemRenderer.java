package loopsmith.midi;

import com.sun.media.sound.AudioSynthesizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Soundbank;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import loopsmith.music.LoopsmithException;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Track;

/**
 * Renders tracks to audio offline with Java's software synthesizer (Gervill; here because javax.sound.midi stays in
 * this package) and a General MIDI SoundFont: each track
 * on its own, as fast as the CPU allows, exactly {@code frames} long, plus the release tail after it when asked.
 *
 * <p>Gervill's offline entry point ({@code AudioSynthesizer.openStream}) is in {@code com.sun.media.sound}, which the
 * launcher exports to us ({@code --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED}). Its control rate is
 * raised from 147 Hz to 1 kHz so note onsets land within a millisecond of their MIDI time; linear interpolation
 * (rather than sinc, which adds a third of a millisecond of filter delay) keeps onsets tight and renders faster.
 */
public final class StemRenderer implements AutoCloseable {
    public static final int CHANNELS = 2;
    private static final int DRUM_CHANNEL = 9;
    private static final float CONTROL_RATE_HZ = 1000f;

    private final Soundbank soundbank;
    private final Path soundfont;
    private final int sampleRateHz;

    /** Loads the SoundFont once; renders share it. */
    public StemRenderer(Path soundfont, int sampleRateHz) {
        this.soundfont = soundfont;
        this.sampleRateHz = sampleRateHz;
        if (!Files.isRegularFile(soundfont)) throw new LoopsmithException(soundfont, "SoundFont not found");
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(soundfont), 1 << 20)) {
            this.soundbank = MidiSystem.getSoundbank(in);
        } catch (InvalidMidiDataException e) {
            throw new LoopsmithException(soundfont, "not a SoundFont: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new LoopsmithException(soundfont, "cannot read SoundFont: " + e.getMessage(), e);
        }
    }

    public Path soundfont() {
        return soundfont;
    }

    public int sampleRateHz() {
        return sampleRateHz;
    }

    /** Frames in the piece's loop: bars × beats × 60 / bpm seconds, at this sample rate. */
    public long loopFrames(Piece piece) {
        return Math.round(piece.secondsAt(piece.barGrid().barLineAtOrAfter(piece.endTick())) * sampleRateHz);
    }

    /** One track as stereo float samples, {@code frames + tailFrames} long; the caller cuts the loop and the tail. */
    public float[][] render(Piece piece, Track track, long frames, long tailFrames) {
        AudioFormat format = new AudioFormat(sampleRateHz, 16, CHANNELS, true, false);
        Map<String, Object> info = new HashMap<>();
        info.put("control rate", CONTROL_RATE_HZ);
        info.put("interpolation", "linear");
        info.put("max polyphony", 256);
        info.put("reverb", false);
        info.put("chorus", false);
        AudioSynthesizer synth;
        try {
            synth = (AudioSynthesizer) MidiSystem.getSynthesizer();
        } catch (MidiUnavailableException e) {
            throw new LoopsmithException(soundfont, "no software synthesizer in this Java: " + e.getMessage(), e);
        }
        try (AudioInputStream stream = synth.openStream(format, info)) {
            synth.unloadAllInstruments(synth.getDefaultSoundbank());
            synth.loadAllInstruments(soundbank);
            Receiver recv = synth.getReceiver();
            int channel = track.isDrum() ? DRUM_CHANNEL : 0;
            recv.send(new ShortMessage(ShortMessage.PROGRAM_CHANGE, channel, track.isDrum() ? 0 : track.program(), 0), 0);
            long loopEnd = piece.barGrid().barLineAtOrAfter(piece.endTick());
            List<Note> notes = track.notes();
            for (Note n : notes) {
                if (n.startTick() >= loopEnd) continue;
                long on = Math.round(piece.secondsAt(n.startTick()) * 1e6);
                long off = Math.round(piece.secondsAt(Math.min(n.endTick(), loopEnd)) * 1e6);
                recv.send(new ShortMessage(ShortMessage.NOTE_ON, channel, n.pitch(), n.velocity()), on);
                recv.send(new ShortMessage(ShortMessage.NOTE_OFF, channel, n.pitch(), 0), Math.max(on + 1000, off));
            }
            return read(stream, frames + tailFrames);
        } catch (MidiUnavailableException | InvalidMidiDataException e) {
            throw new LoopsmithException(soundfont, "synthesizer failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new LoopsmithException(soundfont, "rendering failed: " + e.getMessage(), e);
        } finally {
            synth.close();
        }
    }

    /**
     * Several tracks at once: tracks render independently, so they render in parallel over the cores, one
     * synthesizer each, the SoundFont shared. Results are in the order of {@code tracks}.
     */
    public List<float[][]> renderAll(Piece piece, List<Track> tracks, long frames, long tailFrames) {
        int threads = Math.max(1, Math.min(tracks.size(), Runtime.getRuntime().availableProcessors()));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<float[][]>> jobs = new java.util.ArrayList<>();
            for (Track t : tracks) jobs.add(pool.submit(() -> render(piece, t, frames, tailFrames)));
            List<float[][]> out = new java.util.ArrayList<>(tracks.size());
            for (java.util.concurrent.Future<float[][]> j : jobs) out.add(j.get());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoopsmithException(soundfont, "rendering interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static float[][] read(AudioInputStream stream, long frames) throws IOException {
        if (frames > Integer.MAX_VALUE) throw new IOException("render too long: " + frames + " frames");
        float[][] out = new float[CHANNELS][(int) frames];
        byte[] buf = new byte[4 * 4096];
        int frame = 0;
        while (frame < frames) {
            int want = (int) Math.min(buf.length / 4, frames - frame) * 4;
            int got = stream.readNBytes(buf, 0, want);
            if (got <= 0) break;
            for (int i = 0; i + 3 < got; i += 4) {
                out[0][frame] = (short) ((buf[i] & 0xFF) | (buf[i + 1] << 8)) / 32768f;
                out[1][frame] = (short) ((buf[i + 2] & 0xFF) | (buf[i + 3] << 8)) / 32768f;
                frame++;
            }
        }
        return out;
    }

    @Override
    public void close() {
        // The SoundFont is plain heap memory; nothing native to release.
    }
}
