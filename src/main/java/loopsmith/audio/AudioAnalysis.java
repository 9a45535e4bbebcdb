package loopsmith.audio;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** The figures for reports, JSON and sidecars, rounded for reading. */
    public Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file.toString());
        m.put("seconds", round(seconds, 3));
        m.put("bpm", tempo.bpm());
        m.put("bpm_confidence", tempo.confidence());
        m.put("bpm_octave_confidence", tempo.octave().confidence());
        m.put("bpm_alternative", tempo.octave().alternativeBpm().isPresent() ? tempo.octave().alternativeBpm().getAsDouble() : null);
        m.put("bpm_alternative_confidence", tempo.octave().alternativeConfidence());
        m.put("rhythm", tempo.octave().rhythm().label());
        m.put("octave_by_genre_label", tempo.octave().byGenreLabel());
        m.put("first_beat_s", tempo.firstBeatSeconds());
        m.put("first_downbeat_s", tempo.downbeat().firstSeconds());
        m.put("downbeat_confidence", tempo.downbeat().confidence());
        m.put("bars", tempo.bars());
        m.put("loop_length_prior", tempo.loopLength());
        m.put("kind", kind.label());
        m.put("key", key.map(k -> k.key().displayName()).orElse(null));
        m.put("key_confidence", key.map(k -> round(k.confidence(), 3)).orElse(null));
        m.put("voiced_share", round(voicedShare, 3));
        m.put("onsets", onsets);
        m.put("drum_hits", drumHits.size());
        m.put("notes", notes.size());
        return m;
    }

    public Optional<Key> detectedKey() {
        return key.map(KeyFinder.Estimate::key);
    }

    private static double round(double v, int places) {
        double f = Math.pow(10, places);
        return Math.round(v * f) / f;
    }
}
