package loopsmith.audio;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import loopsmith.music.KeyFinder;
import loopsmith.music.LoopsmithException;

/**
 * Reads an audio clip and says what is in it: tempo, first beat and bar count, key, and a transcription (drum hits for
 * drum loops, notes for monophonic pitched stems). Everything runs on a mono mix at {@link #SAMPLE_RATE_HZ}: enough
 * bandwidth for hi-hats, half the work of 44.1 kHz.
 */
public final class Analyzer {
    public static final int SAMPLE_RATE_HZ = 22050;
    static final int FRAME_SIZE = 1024;
    /** About 6 ms per onset frame: onsets land within a few ms, and tempo periods resolve finely. */
    static final int HOP = 128;
    static final double MIN_SECONDS = 0.5;
    /** A clip counts as a pitched part when this share of its sounding frames has a clear pitch. */
    static final double PITCHED_SHARE = 0.6;
    /** Below this key confidence a drum loop's chroma is noise from the drums' tuning, not a key. */
    static final double MIN_KEY_CONFIDENCE = 0.5;
    /** Every clip is analysed as if it peaked here (-0.9 dBFS, where the tempo bench's loops were made). */
    static final double ANALYSIS_PEAK = 0.9;
    /** Below this share of the peak (-40 dB) a sample is silence: dither and a fade-in's first samples. */
    static final double SILENT_SHARE = 0.01;

    private Analyzer() {}

    public static AudioAnalysis analyze(Path file) {
        return analyze(file, readMono(file));
    }

    /**
     * As {@link #analyze(Path)}, with the clip's genre label ("trap", "drum-and-bass": the library's genre names):
     * where the genre's counted tempo range is narrower than an octave it settles the octave (see {@link GenreTempos}).
     */
    public static AudioAnalysis analyze(Path file, Optional<String> genre) {
        return analyze(file, readMono(file), genre);
    }

    /** As {@link #analyze(Path)}, refusing a clip that decodes to more than {@code maxSeconds}. */
    public static AudioAnalysis analyze(Path file, double maxSeconds) {
        return analyze(file, maxSeconds, Optional.empty());
    }

    /** As {@link #analyze(Path, double)}, with the clip's genre label if it has one. */
    public static AudioAnalysis analyze(Path file, double maxSeconds, Optional<String> genre) {
        return analyze(file, mono(WavReader.read(file, SAMPLE_RATE_HZ, maxSeconds)), genre);
    }

    /** The file as the analysis hears it: a mono mix at {@link #SAMPLE_RATE_HZ}. Unreadable audio throws. */
    public static float[] readMono(Path file) {
        return mono(WavReader.read(file, SAMPLE_RATE_HZ));
    }

    /** Analysis of samples already read (mono, at {@link #SAMPLE_RATE_HZ}); {@code file} names them in errors. */
    public static AudioAnalysis analyze(Path file, float[] mono) {
        return analyze(file, mono, Optional.empty());
    }

    /** As {@link #analyze(Path, float[])}, with the clip's genre label if it has one. */
    public static AudioAnalysis analyze(Path file, float[] mono, Optional<String> genre) {
        double seconds = mono.length / (double) SAMPLE_RATE_HZ;
        if (mono.length == 0) throw new LoopsmithException(file, "no audio samples (zero length)");
        if (seconds < MIN_SECONDS) throw new LoopsmithException(file, String.format(java.util.Locale.ROOT,
                "too short to analyse: %.2f s (at least %.1f s)", seconds, MIN_SECONDS));
        double peak = peak(mono);
        if (peak == 0) throw new LoopsmithException(file, "the audio is silent");
        float[] level = atAnalysisPeak(mono, peak);
        Spectrogram spec = Spectrogram.of(level, SAMPLE_RATE_HZ, FRAME_SIZE, HOP);
        OnsetEnvelope envelope = OnsetEnvelope.of(spec);
        List<Integer> onsets = envelope.onsetFrames();
        // The tempo and the bar are read from what the drums play: in a full mix a bass line's notes and the chords'
        // stabs would otherwise sound in the kick's and the snare's bands and be read as their pattern.
        Spectrogram hits = Percussive.of(spec);
        Tempo tempo = TempoDetector.detect(OnsetEnvelope.of(hits), BandFlux.of(hits), seconds, leadSeconds(mono, peak), genre.flatMap(GenreTempos::of));
        PitchTracker.Track pitch = PitchTracker.track(mono, SAMPLE_RATE_HZ);
        boolean pitched = pitch.voicedShare() >= PITCHED_SHARE;
        Optional<KeyFinder.Estimate> key = KeyDetector.detect(KeyDetector.chroma(mono, SAMPLE_RATE_HZ))
                .filter(k -> pitched || k.confidence() >= MIN_KEY_CONFIDENCE);
        AudioAnalysis.Kind kind = pitched ? AudioAnalysis.Kind.PITCHED : key.isPresent() ? AudioAnalysis.Kind.MIXED : AudioAnalysis.Kind.DRUMS;
        List<AudioNote> drums = pitched ? List.of() : DrumTranscriber.transcribe(spec, envelope, level);
        List<AudioNote> notes = pitched ? PitchTracker.notes(pitch, onsets.stream().map(envelope::seconds).toList()) : List.of();
        return new AudioAnalysis(file, seconds, tempo, key, kind, pitch.voicedShare(), onsets.size(), drums, notes);
    }

    /**
     * The clip scaled to peak at {@link #ANALYSIS_PEAK}. Onset flux and band levels take log1p of spectral magnitudes,
     * which is not scale-free: the same loop exported 12 dB quieter would otherwise read differently.
     */
    static float[] atAnalysisPeak(float[] mono, double peak) {
        if (peak == ANALYSIS_PEAK) return mono;
        float[] out = new float[mono.length];
        double gain = ANALYSIS_PEAK / peak;
        for (int i = 0; i < out.length; i++) out[i] = (float) (mono[i] * gain);
        return out;
    }

    /** Seconds of silence (below {@link #SILENT_SHARE} of the peak) before the clip's first sound. */
    static double leadSeconds(float[] mono, double peak) {
        int i = 0;
        while (i < mono.length && Math.abs(mono[i]) < SILENT_SHARE * peak) i++;
        return i / (double) SAMPLE_RATE_HZ;
    }

    static double peak(float[] mono) {
        double peak = 0;
        for (float v : mono) peak = Math.max(peak, Math.abs(v));
        return peak;
    }

    /** The channels averaged. */
    public static float[] mono(float[][] channels) {
        if (channels.length == 1) return channels[0];
        float[] out = new float[channels[0].length];
        for (float[] c : channels) for (int i = 0; i < out.length; i++) out[i] += c[i] / channels.length;
        return out;
    }
}
