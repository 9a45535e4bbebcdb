package loopsmith.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import loopsmith.export.ExportConfig;
import loopsmith.generate.GenerationRequest;
import loopsmith.generate.KeyConstraint;
import loopsmith.music.Key;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;

/**
 * Everything a caller (CLI, HTTP, OSC) can ask of one generation, already read and checked ({@link GenerateInput}
 * makes one from the caller's words). Explicit fields override what the text says; empty means "from the text, the
 * seed MIDI or the genre's defaults", in that order.
 *
 * @param seed         random seed; empty picks one at random (and the result records it)
 * @param varyBars     for {@link GenerationRequest.Mode#VARY}: "5-8" (1-based, inclusive)
 * @param audio        an audio clip whose tempo, key, bars and transcribed groove steer the result (explicit options win)
 * @param controls     density, swing, quantization and feel; a density or feel left empty comes from the text ("sparse",
 *                     "busy", "live", "tight")
 * @param guidance     classifier-free guidance on the genre (see {@link loopsmith.generate.SamplingConfig}); 1 = off
 * @param minP         min-p sampling threshold, 0 = off; empty: the one the model asks for, else generate's
 * @param feelFromAudio with {@code audio}: the new parts are played in the clip's groove (its per-sixteenth timing and
 *                     accents) instead of the model's feel
 */
public record GenerateOptions(Optional<String> text, Optional<String> genre, Optional<String> style, Optional<String> mood,
                              Optional<Double> bpm, Optional<Key> key, Optional<TimeSignature> timeSignature,
                              Optional<Integer> bars, Optional<List<Role>> roles, KeyConstraint inKey, double temperature,
                              int topK, double topP, Optional<Long> seed, int variations, Optional<Path> seedMidi,
                              GenerationRequest.Mode mode, Optional<String> varyBars, Optional<Path> model, Path outDir,
                              ExportConfig export, Optional<Path> audio, GenerationRequest.Controls controls, double guidance,
                              Optional<Double> minP, boolean feelFromAudio) {
    public GenerateOptions {
        roles = roles == null ? Optional.empty() : roles.map(List::copyOf);
        audio = audio == null ? Optional.empty() : audio;
        controls = controls == null ? GenerationRequest.Controls.MODEL : controls;
        minP = minP == null ? Optional.empty() : minP;
    }

    /** These options written as {@code e} says (a server's SoundFont, for one). */
    public GenerateOptions withExport(ExportConfig e) {
        return new GenerateOptions(text, genre, style, mood, bpm, key, timeSignature, bars, roles, inKey, temperature, topK, topP,
                seed, variations, seedMidi, mode, varyBars, model, outDir, e, audio, controls, guidance, minP, feelFromAudio);
    }
}
