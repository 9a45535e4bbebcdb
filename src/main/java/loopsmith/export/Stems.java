package loopsmith.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import loopsmith.audio.SampleKit;
import loopsmith.audio.SoundFonts;
import loopsmith.audio.StemRenderer;
import loopsmith.audio.WavWriter;
import loopsmith.music.Piece;
import loopsmith.music.Track;

/**
 * WAV stems for a result: one per track and a mix, every file exactly the loop's length in samples (bars × beats ×
 * 60 / bpm seconds), so they line up in Live without warping. Each file is peak-normalized to -1 dBFS (never
 * clipping); the mix is the sum of the unnormalized stems, normalized the same way.
 */
final class Stems {
    private static final float PEAK = (float) Math.pow(10, -1 / 20.0);
    private static final double TAIL_SECONDS = 4;

    private Stems() {}

    /** Writes the stems into {@code dir}; returns the file names, or a warning when no SoundFont can be found. */
    static List<String> write(Piece piece, Path dir, List<String> trackBaseNames, ExportConfig config, List<String> warnings) {
        Optional<Path> sf2 = SoundFonts.find(config.soundfont());
        if (sf2.isEmpty()) {
            warnings.add("no SoundFont found (install the Debian package fluid-soundfont-gm or pass --soundfont FILE); "
                    + "wrote the MIDI files only");
            return List.of();
        }
        List<String> files = new ArrayList<>();
        StemRenderer renderer = new StemRenderer(sf2.get(), config.sampleRateHz());
        SampleKit kit = config.kit().map(k -> SampleKit.load(k, config.sampleRateHz())).orElse(null);
        long frames = renderer.loopFrames(piece);
        long tail = config.tail() ? Math.round(TAIL_SECONDS * config.sampleRateHz()) : 0;
        List<float[][]> rendered = renderAll(piece, renderer, kit, frames, tail, config.sampleRateHz());
        float[][] mix = new float[StemRenderer.CHANNELS][(int) frames];
        for (int i = 0; i < piece.tracks().size(); i++) {
            float[][] audio = rendered.get(i);
            float[][] loop = slice(audio, 0, frames);
            for (int c = 0; c < mix.length; c++) for (int f = 0; f < frames; f++) mix[c][f] += loop[c][f];
            String name = trackBaseNames.get(i) + ".wav";
            WavWriter.write(dir.resolve(name), normalized(loop), config.sampleRateHz(), config.bitsPerSample());
            files.add(name);
            if (tail > 0) {
                String tailName = trackBaseNames.get(i) + "_tail.wav";
                WavWriter.write(dir.resolve(tailName), normalized(slice(audio, frames, tail)), config.sampleRateHz(), config.bitsPerSample());
                files.add(tailName);
            }
        }
        WavWriter.write(dir.resolve("Mix.wav"), normalized(mix), config.sampleRateHz(), config.bitsPerSample());
        files.add("Mix.wav");
        return files;
    }

    /** The SoundFont renders every track a kit does not play; the kit, when given, plays the drum tracks. */
    private static List<float[][]> renderAll(Piece piece, StemRenderer renderer, SampleKit kit, long frames, long tail, int rate) {
        List<Track> synthesized = piece.tracks().stream().filter(t -> kit == null || !t.isDrum()).toList();
        java.util.Iterator<float[][]> fromSynth = renderer.renderAll(piece, synthesized, frames, tail).iterator();
        List<float[][]> out = new ArrayList<>(piece.tracks().size());
        for (Track t : piece.tracks()) out.add(kit != null && t.isDrum() ? kit.render(piece, t, rate, frames + tail) : fromSynth.next());
        return out;
    }

    private static float[][] slice(float[][] audio, long from, long length) {
        float[][] out = new float[audio.length][(int) length];
        for (int c = 0; c < audio.length; c++) System.arraycopy(audio[c], (int) from, out[c], 0, (int) length);
        return out;
    }

    static float[][] normalized(float[][] audio) {
        float peak = 0;
        for (float[] ch : audio) for (float v : ch) peak = Math.max(peak, Math.abs(v));
        if (peak == 0) return audio;
        float gain = PEAK / peak;
        for (float[] ch : audio) for (int i = 0; i < ch.length; i++) ch[i] *= gain;
        return audio;
    }
}
