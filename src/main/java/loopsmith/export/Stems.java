package loopsmith.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import loopsmith.audio.SampleKit;
import loopsmith.audio.SoundFonts;
import loopsmith.audio.StemRenderer;
import loopsmith.audio.WavWriter;
import loopsmith.music.DrumGroup;
import loopsmith.music.Piece;
import loopsmith.music.Track;

/**
 * WAV stems for a result: one per track and a mix, every file exactly the loop's length in samples (bars × beats ×
 * 60 / bpm seconds), so they line up in Live without warping. Each file is peak-normalized to -1 dBFS (never
 * clipping); the mix is the sum of the unnormalized stems, normalized the same way. The parts of a split drum track
 * share one gain, that of their drum stem unless one of them peaks higher, so together they sound as the drum stem
 * does; they stay out of the mix, which has their drums already.
 */
final class Stems {
    private static final float PEAK = (float) Math.pow(10, -1 / 20.0);
    private static final double TAIL_SECONDS = 4;

    private Stems() {}

    /** One pad group of the drum track at {@code sourceTrack}, written as {@code <baseName>.wav} beside its MIDI file. */
    record Split(int sourceTrack, DrumGroup group, Track track, String baseName, String midiFile) { }

    /**
     * Writes the stems (and those of the split drum parts) into {@code dir}; returns the file names, or a warning
     * when no SoundFont can be found.
     */
    static List<String> write(Piece piece, Path dir, List<String> trackBaseNames, List<Split> splits, ExportConfig config,
                              List<String> warnings) {
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
        List<Track> all = new ArrayList<>(piece.tracks());
        for (Split s : splits) all.add(s.track());
        List<float[][]> rendered = renderAll(piece, all, renderer, kit, frames, tail, config.sampleRateHz());
        float[][] mix = new float[StemRenderer.CHANNELS][(int) frames];
        float[] splitGain = new float[piece.tracks().size()];
        for (int i = 0; i < piece.tracks().size(); i++) {
            float[][] audio = rendered.get(i);
            float[][] loop = slice(audio, 0, frames);
            for (int c = 0; c < mix.length; c++) for (int f = 0; f < frames; f++) mix[c][f] += loop[c][f];
            float peak = peak(loop);
            for (int s = 0; s < splits.size(); s++)
                if (splits.get(s).sourceTrack() == i) peak = Math.max(peak, peak(slice(rendered.get(piece.tracks().size() + s), 0, frames)));
            splitGain[i] = gain(peak);
            writeStem(dir, trackBaseNames.get(i), audio, frames, tail, 0, config, files);
        }
        for (int s = 0; s < splits.size(); s++)
            writeStem(dir, splits.get(s).baseName(), rendered.get(piece.tracks().size() + s), frames, tail,
                    splitGain[splits.get(s).sourceTrack()], config, files);
        WavWriter.write(dir.resolve("Mix.wav"), normalized(mix), config.sampleRateHz(), config.bitsPerSample());
        files.add("Mix.wav");
        return files;
    }

    /** {@code <base>.wav}, normalized on its own when {@code gain} is 0, and when asked {@code <base>_tail.wav}, normalized on its own. */
    private static void writeStem(Path dir, String base, float[][] audio, long frames, long tail, float gain, ExportConfig config,
                                  List<String> files) {
        String name = base + ".wav";
        float[][] loop = slice(audio, 0, frames);
        WavWriter.write(dir.resolve(name), gain == 0 ? normalized(loop) : scaled(loop, gain), config.sampleRateHz(), config.bitsPerSample());
        files.add(name);
        if (tail > 0) {
            String tailName = base + "_tail.wav";
            WavWriter.write(dir.resolve(tailName), normalized(slice(audio, frames, tail)), config.sampleRateHz(), config.bitsPerSample());
            files.add(tailName);
        }
    }

    /** The SoundFont renders every track a kit does not play; the kit, when given, plays the drum tracks. */
    private static List<float[][]> renderAll(Piece piece, List<Track> tracks, StemRenderer renderer, SampleKit kit, long frames,
                                             long tail, int rate) {
        List<Track> synthesized = tracks.stream().filter(t -> kit == null || !t.isDrum()).toList();
        java.util.Iterator<float[][]> fromSynth = renderer.renderAll(piece, synthesized, frames, tail).iterator();
        List<float[][]> out = new ArrayList<>(tracks.size());
        for (Track t : tracks) out.add(kit != null && t.isDrum() ? kit.render(piece, t, rate, frames + tail) : fromSynth.next());
        return out;
    }

    private static float[][] slice(float[][] audio, long from, long length) {
        float[][] out = new float[audio.length][(int) length];
        for (int c = 0; c < audio.length; c++) System.arraycopy(audio[c], (int) from, out[c], 0, (int) length);
        return out;
    }

    static float[][] normalized(float[][] audio) {
        float peak = peak(audio);
        return peak == 0 ? audio : scaled(audio, gain(peak));
    }

    private static float peak(float[][] audio) {
        float peak = 0;
        for (float[] ch : audio) for (float v : ch) peak = Math.max(peak, Math.abs(v));
        return peak;
    }

    /** The gain that brings {@code peak} to -1 dBFS; 1 for silence. */
    private static float gain(float peak) {
        return peak == 0 ? 1 : PEAK / peak;
    }

    private static float[][] scaled(float[][] audio, float gain) {
        for (float[] ch : audio) for (int i = 0; i < ch.length; i++) ch[i] *= gain;
        return audio;
    }
}
