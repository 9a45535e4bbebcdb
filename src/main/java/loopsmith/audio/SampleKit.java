package loopsmith.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import loopsmith.music.GeneralMidi;
import loopsmith.music.LoopsmithException;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Track;

/**
 * A producer's own drum samples, mapped to General MIDI drum notes by file name ({@code kick.wav} → 36, {@code
 * snare.wav} → 38, {@code hat.wav} / {@code closed-hat.wav} → 42, {@code open-hat.wav} → 46, …). A drum part is
 * rendered by placing each hit's sample at its time, scaled by velocity; notes without a sample are left silent.
 */
public final class SampleKit {
    private static final List<Map.Entry<String, Integer>> NAMES = List.of(
            Map.entry("openhat", GeneralMidi.OPEN_HAT), Map.entry("open-hat", GeneralMidi.OPEN_HAT), Map.entry("ohh", GeneralMidi.OPEN_HAT),
            Map.entry("pedal", GeneralMidi.PEDAL_HAT), Map.entry("closedhat", GeneralMidi.CLOSED_HAT), Map.entry("closed-hat", GeneralMidi.CLOSED_HAT),
            Map.entry("chh", GeneralMidi.CLOSED_HAT), Map.entry("hat", GeneralMidi.CLOSED_HAT), Map.entry("hihat", GeneralMidi.CLOSED_HAT),
            Map.entry("kick", GeneralMidi.KICK), Map.entry("bd", GeneralMidi.KICK), Map.entry("snare", GeneralMidi.SNARE),
            Map.entry("sd", GeneralMidi.SNARE), Map.entry("clap", GeneralMidi.CLAP), Map.entry("rim", 37), Map.entry("crash", GeneralMidi.CRASH),
            Map.entry("ride", GeneralMidi.RIDE), Map.entry("tom", 45), Map.entry("cowbell", 56), Map.entry("shaker", 82),
            Map.entry("tamb", 54), Map.entry("perc", 75));

    private final Map<Integer, float[][]> samples;

    private SampleKit(Map<Integer, float[][]> samples) {
        this.samples = samples;
    }

    /** Loads the WAV/AIFF files of a folder whose names say what they are. */
    public static SampleKit load(Path dir, int sampleRateHz) {
        if (!Files.isDirectory(dir)) throw new LoopsmithException(dir, "drum kit folder not found");
        Map<Integer, float[][]> samples = new HashMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.sorted().toList()) {
                String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                if (!(name.endsWith(".wav") || name.endsWith(".aif") || name.endsWith(".aiff"))) continue;
                for (Map.Entry<String, Integer> e : NAMES) {
                    if (name.startsWith(e.getKey()) || name.contains("_" + e.getKey()) || name.contains("-" + e.getKey()) || name.contains(" " + e.getKey())) {
                        samples.putIfAbsent(e.getValue(), stereo(WavReader.read(f, sampleRateHz)));
                        break;
                    }
                }
            }
        } catch (IOException e) {
            throw new LoopsmithException(dir, "cannot read drum kit: " + e.getMessage(), e);
        }
        if (samples.isEmpty()) throw new LoopsmithException(dir, "no drum samples found (name them kick.wav, snare.wav, hat.wav, …)");
        return new SampleKit(samples);
    }

    private static float[][] stereo(float[][] s) {
        return s.length >= 2 ? new float[][] {s[0], s[1]} : new float[][] {s[0], s[0].clone()};
    }

    public int size() {
        return samples.size();
    }

    /** The drum track as stereo audio, {@code frames} long, hits placed at their exact sample. */
    public float[][] render(Piece piece, Track drums, int sampleRateHz, long frames) {
        float[][] out = new float[2][(int) frames];
        for (Note n : drums.notes()) {
            float[][] s = samples.get(n.pitch());
            if (s == null) continue;
            int at = (int) Math.round(piece.secondsAt(n.startTick()) * sampleRateHz);
            float gain = n.velocity() / 127f;
            for (int c = 0; c < 2; c++) for (int i = 0; i < s[c].length && at + i < frames; i++) out[c][at + i] += s[c][i] * gain;
        }
        return out;
    }
}
