package loopsmith.audio;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import loopsmith.music.Key;
import loopsmith.music.KeyFinder;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import loopsmith.music.Track;

/**
 * What {@link Analyzer} heard in a clip.
 *
 * @param kind        what the clip sounds like: a monophonic part ({@code notes} holds its notes), drums alone, or
 *                    drums with pitched material (both: {@code drumHits} holds the transcribed drums)
 * @param key         empty for drum-only clips and clips without a clear key
 * @param voicedShare share of the clip's non-silent frames that had a clear pitch
 */
public record AudioAnalysis(Path file, double seconds, Tempo tempo, Optional<KeyFinder.Estimate> key, Kind kind,
                            double voicedShare, int onsets, List<AudioNote> drumHits, List<AudioNote> notes) {
    public enum Kind {
        PITCHED, DRUMS, MIXED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public AudioAnalysis {
        drumHits = List.copyOf(drumHits);
        notes = List.copyOf(notes);
    }

    /** The transcription as a piece at the detected tempo and key: a drum track and/or a pitched track. */
    public Piece toPiece() {
        List<Track> tracks = new ArrayList<>();
        if (!drumHits.isEmpty()) tracks.add(GridQuantizer.track("Drums", Role.DRUMS, 0, true, drumHits, tempo));
        if (!notes.isEmpty()) {
            boolean bass = notes.stream().mapToInt(AudioNote::pitch).sorted().skip(notes.size() / 2).findFirst().orElse(60) < 48;
            tracks.add(GridQuantizer.track(bass ? "Bass" : "Melody", bass ? Role.BASS : Role.MELODY, bass ? 33 : 80, false, notes, tempo));
        }
        return Piece.of(GridQuantizer.TICKS_PER_QUARTER, tempo.bpm(), TimeSignature.FOUR_FOUR, key.map(KeyFinder.Estimate::key),
                tracks, (long) tempo.bars() * 4 * GridQuantizer.TICKS_PER_QUARTER);
    }

    /** {@link #toPiece()} repeated (or cut) to {@code bars} bars: a loop's groove under a longer request. */
    public Piece toPiece(int bars) {
        Piece one = toPiece();
        long loopTicks = one.endTick();
        long endTick = (long) bars * 4 * GridQuantizer.TICKS_PER_QUARTER;
        List<Track> tracks = new ArrayList<>();
        for (Track t : one.tracks()) {
            List<loopsmith.music.Note> notes = new ArrayList<>();
            for (long at = 0; at < endTick; at += loopTicks)
                for (loopsmith.music.Note n : t.notes())
                    if (at + n.startTick() < endTick)
                        notes.add(new loopsmith.music.Note(n.pitch(), n.velocity(), at + n.startTick(), Math.min(n.durationTicks(), endTick - at - n.startTick())));
            tracks.add(t.withNotes(notes));
        }
        return one.withTracks(tracks).withEndTick(endTick);
    }

    /**
     * The same analysis with time 0 at the clip's first downbeat: what comes before it (a clip started on beat 3) moves
     * to the end of the loop, as a loop comes round. Its {@link #toPiece(int)} starts bar 1 on the clip's bar line, so
     * parts made beside it line up with the clip's bars when the clip plays from its first downbeat (cue it
     * {@code tempo().downbeat().firstSeconds()} in, or start the parts that much after the clip).
     */
    public AudioAnalysis startingAtDownbeat() {
        double downbeat = tempo.downbeat().firstSeconds();
        if (downbeat == 0) return this;
        double loopSeconds = tempo.bars() * tempo.barSeconds();
        // A hit up to half a sixteenth early still belongs to the downbeat, not to the end of the loop.
        double early = tempo.beatSeconds() / 8;
        UnaryOperator<AudioNote> moved = n -> {
            double t = n.startSeconds() - downbeat;
            return new AudioNote(t < -early ? t + loopSeconds : t, n.durationSeconds(), n.pitch(), n.velocity());
        };
        Comparator<AudioNote> byTime = Comparator.comparingDouble(AudioNote::startSeconds);
        Tempo rebased = new Tempo(tempo.bpm(), tempo.confidence(), 0, tempo.bars(), tempo.loopLength(),
                new Tempo.Downbeat(0, tempo.downbeat().confidence()), tempo.octave());
        return new AudioAnalysis(file, seconds, rebased, key, kind, voicedShare, onsets, drumHits.stream().map(moved).sorted(byTime).toList(),
                notes.stream().map(moved).sorted(byTime).toList());
    }

    /** The drum hits' feel against the tempo's grid (no hits for a pitched clip): see {@link Groove}. */
    public Groove groove() {
        return Groove.of(drumHits, tempo);
    }

    /**
     * The figures for reports, JSON and sidecars, rounded for reading. Every field is boxed: a sidecar written before
     * a field existed (the octave and downbeat figures came later than the tempo) reads it back as null, not
     * recorded, never as 0.
     *
     * @param file          the path the clip was analysed from, or its name alone where a sidecar records it
     * @param bpmAlternative the best reading an octave away; null when the clip allows none
     * @param key           null for drum-only clips and clips without a clear key, as is {@code keyConfidence}
     * @param feelOffsetsMs the clip's pocket as generate --feel-from-audio played it into the new parts: 16 offsets
     *                      in milliseconds, one per 16th step ({@link GrooveTemplate#offsetMs}); null, and not
     *                      written, otherwise
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Summary(String file, Double seconds, Double bpm, Double bpmConfidence, Double bpmOctaveConfidence,
                          Double bpmAlternative, Double bpmAlternativeConfidence, String rhythm, Boolean octaveByGenreLabel,
                          @JsonProperty("first_beat_s") Double firstBeatSeconds,
                          @JsonProperty("first_downbeat_s") Double firstDownbeatSeconds, Double downbeatConfidence,
                          Integer bars, Boolean loopLengthPrior, String kind, String key, Double keyConfidence,
                          Double voicedShare, Integer onsets, Integer drumHits, Integer notes,
                          @JsonInclude(JsonInclude.Include.NON_NULL) List<Double> feelOffsetsMs) {
        public Summary {
            feelOffsetsMs = feelOffsetsMs == null ? null : List.copyOf(feelOffsetsMs);
        }
    }

    public Summary summary() {
        return summary(file.toString(), null);
    }

    /**
     * As a sidecar records the clip: by {@code fileName}, so that it does not tell whoever reads it the user's folder
     * layout, and with the pocket played into the new parts ({@code feelOffsetsMs}, null when none was).
     */
    public Summary summary(String fileName, double[] feelOffsetsMs) {
        return new Summary(fileName, round(seconds, 3), tempo.bpm(), tempo.confidence(), tempo.octave().confidence(),
                tempo.octave().alternativeBpm().isPresent() ? tempo.octave().alternativeBpm().getAsDouble() : null,
                tempo.octave().alternativeConfidence(), tempo.octave().rhythm().label(), tempo.octave().byGenreLabel(),
                tempo.firstBeatSeconds(), tempo.downbeat().firstSeconds(), tempo.downbeat().confidence(), tempo.bars(),
                tempo.loopLength(), kind.label(), key.map(k -> k.key().displayName()).orElse(null),
                key.map(k -> round(k.confidence(), 3)).orElse(null), round(voicedShare, 3), onsets, drumHits.size(), notes.size(),
                feelOffsetsMs == null ? null : Arrays.stream(feelOffsetsMs).boxed().toList());
    }

    public Optional<Key> detectedKey() {
        return key.map(KeyFinder.Estimate::key);
    }

    private static double round(double v, int places) {
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }
}
