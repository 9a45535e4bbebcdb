package loopsmith.dataset;

import loopsmith.library.CleanConfig;
import loopsmith.tokens.TokenizerConfig;

/**
 * Everything that shapes a dataset. Defaults in {@link #defaults()}.
 *
 * @param windowBars         segment length in bars (4, 8 or 16 are the usual choices)
 * @param hopBars            distance between window starts; half a window by default, so every bar is seen in two
 *                           contexts without copying whole windows
 * @param minNotes           a window with fewer notes is "nearly empty" and dropped
 * @param validationFraction share of source files (not segments: no file is on both sides) held out
 * @param seed               decides the split; the same seed and library give the same split
 * @param threads            files processed at once
 * @param transcribeAudio    drum loops among the library's audio are transcribed into training material; off by
 *                           default, since a transcription is less exact than a producer's own MIDI
 */
public record IngestConfig(int windowBars, int hopBars, int minNotes, double validationFraction, long seed, int threads,
                           CleanConfig clean, TokenizerConfig tokenizer, boolean transcribeAudio) {
    public IngestConfig {
        if (windowBars < 1 || windowBars > 64) throw new IllegalArgumentException("windowBars must be 1..64");
        if (hopBars < 1) throw new IllegalArgumentException("hopBars must be >= 1");
        if (!(validationFraction >= 0 && validationFraction < 1)) throw new IllegalArgumentException("validationFraction must be 0..<1");
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1");
    }

    /** A config that leaves audio as a catalogue only. */
    public IngestConfig(int windowBars, int hopBars, int minNotes, double validationFraction, long seed, int threads,
                        CleanConfig clean, TokenizerConfig tokenizer) {
        this(windowBars, hopBars, minNotes, validationFraction, seed, threads, clean, tokenizer, false);
    }

    public IngestConfig withTranscribeAudio(boolean on) {
        return new IngestConfig(windowBars, hopBars, minNotes, validationFraction, seed, threads, clean, tokenizer, on);
    }

    public static IngestConfig defaults() {
        return withWindow(8);
    }

    /** Defaults for a window length: the hop is half a window. */
    public static IngestConfig withWindow(int windowBars) {
        return new IngestConfig(windowBars, Math.max(1, windowBars / 2), 8, 0.1, 1337,
                Math.max(1, Runtime.getRuntime().availableProcessors()), CleanConfig.defaults(), TokenizerConfig.defaults());
    }
}
