package loopsmith.tokens;

import java.util.ArrayList;
import java.util.List;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TempoChange;
import loopsmith.music.TimeSignature;
import loopsmith.music.TimeSignatureChange;
import loopsmith.music.Track;

/**
 * Piece → tokens. Encoding first {@linkplain #quantize quantizes}: what the tokens can express is exactly the
 * quantized piece, so {@code decode(encode(p)) == quantize(p)}.
 */
public final class RemiEncoder {
    private final Vocabulary vocabulary;
    private final TokenGrid grid;

    public RemiEncoder(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.grid = vocabulary.grid();
    }

    /**
     * The piece as the vocabulary can express it: notes on the grid (onsets rounded to the nearest step, at most one
     * note per pitch and onset in a track, the longest kept), durations and velocities binned, drum hits a fixed
     * length, one tempo (the dominant one, binned) and one time signature (the first), tracks named after their role,
     * and the end rounded up to a whole bar. Throws {@link TokenizeException} for what cannot be expressed.
     */
    public Piece quantize(Piece piece) {
        TimeSignature ts = piece.initialTimeSignature();
        int barSteps = grid.barSteps(ts);
        if (barSteps < 0)
            throw new TokenizeException("time signature " + ts + " is not supported by the tokenizer (bars of at most "
                    + vocabulary.config().maxBarQuarters() + " quarter notes, denominators 2 to 16)");
        int ppq = piece.ticksPerQuarter();
        List<Role> roles = piece.tracks().stream().map(Track::role).toList();
        List<String> names = TrackNames.canonical(roles);
        List<Track> tracks = new ArrayList<>(piece.tracks().size());
        long maxStartStep = -1;
        for (int i = 0; i < piece.tracks().size(); i++) {
            Track t = piece.tracks().get(i);
            List<Note> notes = new ArrayList<>(t.notes().size());
            for (Note n : t.notes()) {
                long start = grid.steps(n.startTick(), ppq);
                long duration = t.isDrum() ? vocabulary.config().drumDurationSteps() : grid.durationBin(grid.steps(n.durationTicks(), ppq));
                notes.add(new Note(n.pitch(), grid.velocityLevel(n.velocity()), grid.ticks(start), grid.ticks(duration)));
                maxStartStep = Math.max(maxStartStep, start);
            }
            notes.sort(null);
            List<Note> unique = new ArrayList<>(notes.size());
            for (Note n : notes) {
                Note last = unique.isEmpty() ? null : unique.get(unique.size() - 1);
                if (last != null && last.startTick() == n.startTick() && last.pitch() == n.pitch()) continue;
                unique.add(n);
            }
            tracks.add(new Track(names.get(i), t.role(), t.isDrum() ? 0 : t.program(), t.isDrum(), unique));
        }
        long endSteps = Math.max(grid.steps(piece.endTick(), ppq), maxStartStep + 1);
        // Bars are spelled out inside tracks, so a piece without tracks has no length to express.
        long bars = tracks.isEmpty() ? 0 : Math.floorDiv(endSteps + barSteps - 1, barSteps);
        if (bars > vocabulary.config().maxBars())
            throw new TokenizeException("piece is " + bars + " bars long; the tokenizer takes at most "
                    + vocabulary.config().maxBars() + " (split it into segments first)");
        int bpm = grid.tempoBin(piece.dominantBpm());
        return new Piece(vocabulary.config().ticksPerQuarter(), List.of(new TempoChange(0, bpm)),
                List.of(new TimeSignatureChange(0, ts)), piece.key(), tracks, grid.ticks(bars * barSteps));
    }

    /** Tokens of a piece with its tags. Tags the vocabulary does not hold are left out (see {@link #unknownTags}). */
    public List<Token> encode(Piece piece, Tags tags) {
        Piece q = quantize(piece);
        TimeSignature ts = q.initialTimeSignature();
        int barSteps = grid.barSteps(ts);
        long bars = grid.steps(q.endTick(), q.ticksPerQuarter()) / barSteps;
        List<Token> out = new ArrayList<>(64 + q.noteCount() * 4);
        out.add(Token.PIECE_START);
        for (Token.Tag tag : tagTokens(tags)) if (vocabulary.contains(tag)) out.add(tag);
        out.add(new Token.Tempo((int) q.initialBpm()));
        out.add(new Token.TimeSig(ts));
        q.key().ifPresent(k -> out.add(new Token.KeyTag(k)));
        for (Track t : q.tracks()) {
            out.add(Token.TRACK_START);
            out.add(t.isDrum() ? Token.Instrument.DRUMS : new Token.Instrument(t.program(), false));
            out.add(new Token.RoleTag(t.role()));
            List<Note> notes = t.notes();
            int i = 0;
            for (long bar = 0; bar < bars; bar++) {
                out.add(Token.BAR_START);
                long barStart = bar * barSteps;
                long lastStep = -1;
                while (i < notes.size()) {
                    Note n = notes.get(i);
                    long step = grid.steps(n.startTick(), q.ticksPerQuarter());
                    if (step >= barStart + barSteps) break;
                    if (step != lastStep) {
                        out.add(new Token.Position((int) (step - barStart)));
                        lastStep = step;
                    }
                    out.add(new Token.Pitch(n.pitch()));
                    if (!t.isDrum()) out.add(new Token.Duration((int) grid.steps(n.durationTicks(), q.ticksPerQuarter())));
                    out.add(new Token.Velocity(n.velocity()));
                    i++;
                }
                out.add(Token.BAR_END);
            }
            out.add(Token.TRACK_END);
        }
        out.add(Token.PIECE_END);
        return out;
    }

    public int[] encodeIds(Piece piece, Tags tags) {
        return vocabulary.ids(encode(piece, tags));
    }

    /** Tags the vocabulary does not hold, as {@code GENRE=zydeco}: they are left out of the encoding. */
    public List<String> unknownTags(Tags tags) {
        return tagTokens(tags).stream().filter(t -> !vocabulary.contains(t)).map(Token::toString).toList();
    }

    private static List<Token.Tag> tagTokens(Tags tags) {
        List<Token.Tag> out = new ArrayList<>(3);
        tags.genre().ifPresent(g -> out.add(new Token.Tag(Token.TagKind.GENRE, g)));
        tags.style().ifPresent(s -> out.add(new Token.Tag(Token.TagKind.STYLE, s)));
        tags.mood().ifPresent(m -> out.add(new Token.Tag(Token.TagKind.MOOD, m)));
        return out;
    }
}
