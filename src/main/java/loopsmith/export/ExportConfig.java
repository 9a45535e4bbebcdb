package loopsmith.export;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How a result folder is written. Defaults in {@link #defaults()}.
 *
 * @param audio        render WAV stems and a mix (off: MIDI only)
 * @param sampleRateHz 44100 or 48000
 * @param bitsPerSample 24 or 16
 * @param tail         also write each stem's release tail (what rings past the loop end) as {@code <Stem>_tail.wav}
 * @param soundfont    a SoundFont to use instead of the system's General MIDI one
 * @param kit          a folder of the producer's own drum samples (kick.wav, snare.wav, hat.wav, …) for drum stems
 * @param splitDrums   also write each drum part as Kick, Snare, Hats, Toms, Cymbals and Percussion parts (MIDI and
 *                     stems), for one Live track per pad group
 */
public record ExportConfig(boolean audio, int sampleRateHz, int bitsPerSample, boolean tail, Optional<Path> soundfont,
                           Optional<Path> kit, boolean splitDrums) {
    public ExportConfig {
        if (sampleRateHz != 44100 && sampleRateHz != 48000) throw new IllegalArgumentException("sample rate must be 44100 or 48000");
        if (bitsPerSample != 16 && bitsPerSample != 24) throw new IllegalArgumentException("bits per sample must be 16 or 24");
        soundfont = soundfont == null ? Optional.empty() : soundfont;
        kit = kit == null ? Optional.empty() : kit;
    }

    public static ExportConfig defaults() {
        return new ExportConfig(true, 44100, 24, false, Optional.empty(), Optional.empty(), false);
    }

    public static ExportConfig midiOnly() {
        return new ExportConfig(false, 44100, 24, false, Optional.empty(), Optional.empty(), false);
    }

    /** This config rendering with {@code sf2}; empty keeps its own choice. */
    public ExportConfig withSoundfont(Optional<Path> sf2) {
        return sf2.isEmpty() ? this : new ExportConfig(audio, sampleRateHz, bitsPerSample, tail, sf2, kit, splitDrums);
    }

    public ExportConfig withSplitDrums(boolean split) {
        return new ExportConfig(audio, sampleRateHz, bitsPerSample, tail, soundfont, kit, split);
    }
}
