package loopsmith.dataset;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import loopsmith.audio.Analyzer;
import loopsmith.audio.AudioAnalysis;
import loopsmith.audio.AudioFileInfo;
import loopsmith.audio.Tempo;
import loopsmith.library.Labels;
import loopsmith.music.Key;
import loopsmith.music.LoopsmithException;
import loopsmith.music.Role;

/**
 * One audio file of the library: its header facts, tempo, key and bars from its labels or else from the analysis,
 * and, when asked, a drum loop's transcription sent down the MIDI path ({@link FileProcessor}) as training material.
 * Thread-safe; never throws on bad files.
 */
final class AudioProcessor {
    static final String LABEL = "label";
    static final String ANALYSIS = "analysis";
    static final String NONE = "none";
    private static final double BEATS_PER_BAR = 4;

    private final IngestConfig config;
    private final FileProcessor pieces;

    AudioProcessor(IngestConfig config, FileProcessor pieces) {
        this.config = config;
        this.pieces = pieces;
    }

    AudioResult process(Path absolute, String relative, Labels labels) {
        AudioFileInfo info;
        float[] mono;
        try {
            info = AudioFileInfo.read(absolute);
            mono = Analyzer.readMono(absolute);
        } catch (LoopsmithException e) {
            return new AudioResult(unreadable(relative, labels, e.reason()), null);
        }
        Optional<AudioAnalysis> analysis;
        String note = null;
        try {
            // The genre label settles a tempo's octave where the genre is counted in a narrow range (trap at 140, not 70).
            analysis = Optional.of(Analyzer.analyze(absolute, mono, labels.genre()));
        } catch (LoopsmithException e) {
            // Silent or too short: still catalogued, with whatever its labels say.
            analysis = Optional.empty();
            note = "not analysed: " + e.reason();
        }
        Optional<Tempo> tempo = analysis.map(a -> labelledTempo(a, labels));
        FileResult transcription = null;
        Integer segments = null;
        if (config.transcribeAudio() && analysis.isPresent()) {
            if (isDrumLoop(analysis.get(), labels)) {
                transcription = transcribe(analysis.get(), tempo.get(), relative, labels);
                if (transcription.ingested()) segments = transcription.segments().size();
                else note = "not transcribed: " + transcription.reason();
            } else if (labels.roles().contains(Role.DRUMS)) {
                note = "not transcribed: labelled drums, but the analysis hears a " + analysis.get().kind().label() + " part";
            }
        }

        Double bpm = null;
        String bpmSource = NONE;
        Double bpmConfidence = null;
        Integer bars = null;
        if (labels.bpm().isPresent()) {
            bpm = labels.bpm().getAsDouble();
            bpmSource = LABEL;
            bpmConfidence = 1.0;
            bars = barsAt(bpm, info.seconds());
        } else if (analysis.isPresent()) {
            Tempo t = analysis.get().tempo();
            bpm = t.bpm();
            bpmSource = ANALYSIS;
            bpmConfidence = round(t.confidence());
            bars = t.bars();
        }
        String key = null;
        String keySource = NONE;
        Double keyConfidence = null;
        if (labels.key().isPresent()) {
            key = labels.key().get().displayName();
            keySource = LABEL;
            keyConfidence = 1.0;
        } else if (analysis.flatMap(AudioAnalysis::key).isPresent()) {
            var estimate = analysis.get().key().get();
            key = estimate.key().displayName();
            keySource = ANALYSIS;
            keyConfidence = round(estimate.confidence());
        }
        IngestReport.AudioEntry entry = new IngestReport.AudioEntry(relative, round(info.seconds()), info.sampleRateHz(),
                info.channels(), info.bitsPerSample(), analysis.map(a -> a.kind().label()).orElse(null), bpm, bpmSource,
                bpmConfidence, bars, key, keySource, keyConfidence, labels.genre().orElse(null), segments, note, null);
        return new AudioResult(entry, transcription);
    }

    /** Drums by ear, or labelled drums ("Drum Loops/…") with drum hits heard under other material. */
    static boolean isDrumLoop(AudioAnalysis a, Labels labels) {
        return a.kind() == AudioAnalysis.Kind.DRUMS || (labels.roles().contains(Role.DRUMS) && !a.drumHits().isEmpty());
    }

    /**
     * The grid the transcription is placed on: the labelled tempo when there is one (a detector's octave error must
     * not halve the groove), the detected one otherwise.
     */
    private static Tempo labelledTempo(AudioAnalysis a, Labels labels) {
        if (labels.bpm().isEmpty()) return a.tempo();
        double bpm = labels.bpm().getAsDouble();
        return a.tempo().at(bpm, barsAt(bpm, a.seconds()));
    }

    /**
     * The drum hits as a piece of the loop's length at its tempo, then cleaned, segmented and tokenized like a MIDI
     * file with the loop's labels (a loop shorter than a window is one segment of its own length, as for MIDI loops).
     */
    private FileResult transcribe(AudioAnalysis a, Tempo tempo, String relative, Labels labels) {
        AudioAnalysis drums = new AudioAnalysis(a.file(), a.seconds(), tempo, a.key(), a.kind(), a.voicedShare(), a.onsets(),
                a.drumHits(), List.of());
        return pieces.process(relative, drums.toPiece(), true, false, labels.warnings(), labels);
    }

    /** The catalogue entry of a file that could not be read or processed: its labels, and why. */
    static IngestReport.AudioEntry unreadable(String relative, Labels labels, String reason) {
        return new IngestReport.AudioEntry(relative, null, null, null, null, null,
                labels.bpm().isPresent() ? labels.bpm().getAsDouble() : null, labels.bpm().isPresent() ? LABEL : NONE,
                null, null, labels.key().map(Key::displayName).orElse(null), labels.key().isPresent() ? LABEL : NONE, null,
                labels.genre().orElse(null), null, null, reason);
    }

    private static int barsAt(double bpm, double seconds) {
        return (int) Math.max(1, Math.round(seconds * bpm / 60 / BEATS_PER_BAR));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
