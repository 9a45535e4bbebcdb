package loopsmith.tokens;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import loopsmith.music.GeneralMidi;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TempoChange;
import loopsmith.music.TimeSignature;
import loopsmith.music.TimeSignatureChange;
import loopsmith.music.Track;

/**
 * Piece → tokens, bar by bar with every part's bar in turn (see {@link Grammar}). Encoding first
 * {@linkplain #quantize quantizes}: what the tokens can express is exactly the quantized piece, so
 * {@code decode(encode(p)) == quantize(p)}.
 */
public final class RemiEncoder {
    /**
     * The order parts are written in within a bar. Harmony before the lines that follow it: the bass and the melody of
     * bar k are written with the chords of bar k in view, and everything with the drums of bar k in view.
     */
    public static final List<Role> PART_ORDER = List.of(Role.DRUMS, Role.CHORDS, Role.PAD, Role.BASS, Role.MELODY, Role.FX, Role.OTHER);

    /** Notes of a chord part this many grid steps after a chord's first note (~20 ms at 120 BPM) belong to that chord. */
    static final int CHORD_SPREAD_STEPS = 1;

    private final Vocabulary vocabulary;
    private final TokenGrid grid;

    public RemiEncoder(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.grid = vocabulary.grid();
    }

    /** Sorts parts into {@link #PART_ORDER} (stable within a role). */
    public static Comparator<Role> partOrder() {
        return Comparator.comparingInt(PART_ORDER::indexOf);
    }

    /**
     * The piece as the vocabulary can express it: parts in {@link #PART_ORDER}, notes on the grid (onsets rounded to
     * the nearest step, a chord or pad part's notes a step after a chord's first note moved onto it, at most one note
     * per pitch and onset in a part, the first kept), durations and velocities
     * binned, drum hits a fixed length on the GM percussion keys (others are left out), one tempo (the dominant one,
     * binned) and one time signature (the first), parts named after their role, and the end rounded up to a whole bar.
     * Throws {@link TokenizeException} for what cannot be expressed.
     */
    public Piece quantize(Piece piece) {
        TimeSignature ts = piece.initialTimeSignature();
        int barSteps = grid.barSteps(ts);
        if (barSteps < 0)
            throw new TokenizeException("time signature " + ts + " is not supported by the tokenizer (bars of at most "
                    + vocabulary.config().maxBarQuarters() + " quarter notes, denominators 2 to 16)");
        if (piece.tracks().size() > vocabulary.config().maxTracks())
            throw new TokenizeException("piece has " + piece.tracks().size() + " parts; the tokenizer takes at most "
                    + vocabulary.config().maxTracks() + " (merge parts that share a role first)");
        int ppq = piece.ticksPerQuarter();
        List<Track> ordered = new ArrayList<>(piece.tracks());
        ordered.sort(Comparator.comparing(Track::role, partOrder()));
        List<String> names = TrackNames.canonical(ordered.stream().map(Track::role).toList());
        List<Track> tracks = new ArrayList<>(ordered.size());
        long maxStartStep = -1;
        for (int i = 0; i < ordered.size(); i++) {
            Track t = ordered.get(i);
            List<Note> notes = new ArrayList<>(t.notes().size());
            boolean chordal = t.role().playsChords();
            long chordStep = -CHORD_SPREAD_STEPS - 1; // no chord yet (onsets are at step 0 or later)
            for (Note n : t.notes()) { // in onset order (Track keeps its notes sorted), so a chord's first note comes first
                if (t.isDrum() && !GeneralMidi.isDrumPitch(n.pitch())) continue;
                long start = grid.steps(n.startTick(), ppq);
                // A played chord's notes land on neighbouring steps (a hand is not a sequencer; ingest keeps the
                // micro-timing): a chord part's note a step after the chord began is in that chord, so the model
                // learns chords as chords and the part's polyphony control counts them. It keeps its end.
                long early = 0;
                if (chordal && start - chordStep <= CHORD_SPREAD_STEPS) {
                    early = start - chordStep;
                    start = chordStep;
                } else if (chordal) {
                    chordStep = start;
                }
                long duration = t.isDrum() ? vocabulary.config().drumDurationSteps()
                        : grid.durationBin(grid.steps(n.durationTicks(), ppq) + early);
                int velocity = t.isDrum() ? grid.drumVelocityLevel(n.velocity()) : grid.velocityLevel(n.velocity());
                notes.add(new Note(n.pitch(), velocity, grid.ticks(start), grid.ticks(duration)));
                maxStartStep = Math.max(maxStartStep, start);
            }
            notes.sort(Comparator.comparingLong(Note::startTick).thenComparingInt(Note::pitch));
            List<Note> unique = new ArrayList<>(notes.size());
            for (Note n : notes) {
                Note last = unique.isEmpty() ? null : unique.get(unique.size() - 1);
                if (last != null && last.startTick() == n.startTick() && last.pitch() == n.pitch()) continue;
                unique.add(n);
            }
            tracks.add(new Track(names.get(i), t.role(), t.isDrum() ? 0 : t.program(), t.isDrum(), unique));
        }
        long endSteps = Math.max(grid.steps(piece.endTick(), ppq), maxStartStep + 1);
        // Bars are spelled out by BAR_START, so a piece without parts has no length to express.
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
        return encode(piece, tags, Optional.empty());
    }

    /** Tokens of a piece with its tags and its swing (the notes are taken as already straight). */
    public List<Token> encode(Piece piece, Tags tags, Optional<Token.Swing> swing) {
        Piece q = quantize(piece);
        List<Token> out = new ArrayList<>(64 + q.noteCount() * 3);
        out.addAll(header(q, tags, swing));
        long bars = bars(q);
        for (Track t : q.tracks()) out.addAll(declaration(t, bars));
        List<List<List<Token>>> parts = new ArrayList<>();
        for (Track t : q.tracks()) parts.add(partBars(t, bars, q));
        for (int bar = 0; bar < bars; bar++) {
            out.add(Token.BAR_START);
            for (int i = 0; i < parts.size(); i++) {
                out.add(new Token.TrackRef(i));
                out.addAll(parts.get(i).get(bar));
            }
        }
        out.add(Token.PIECE_END);
        return out;
    }

    /** PIECE_START and the piece's tags, as {@link Grammar} orders them. */
    public List<Token> header(Piece quantized, Tags tags, Optional<Token.Swing> swing) {
        List<Token> out = new ArrayList<>(8);
        out.add(Token.PIECE_START);
        for (Token.Tag tag : tags.tokens()) if (vocabulary.contains(tag)) out.add(tag);
        out.add(new Token.Tempo(grid.tempoBin(quantized.initialBpm())));
        out.add(new Token.TimeSig(quantized.initialTimeSignature()));
        quantized.key().ifPresent(k -> out.add(new Token.KeyTag(k)));
        swing.filter(vocabulary::contains).ifPresent(out::add);
        return out;
    }

    /** A part's declaration: role, instrument and the controls measured on its own notes. */
    public List<Token> declaration(Track t, long bars) {
        List<Token> out = new ArrayList<>(4);
        out.add(new Token.RoleTag(t.role()));
        out.add(t.isDrum() ? Token.Instrument.DRUMS : new Token.Instrument(t.program(), false));
        out.add(new Token.Density(Controls.density(t, bars)));
        if (!t.isDrum()) out.add(new Token.Polyphony(Controls.polyphony(t)));
        return out;
    }

    /** Whole bars of a quantized piece. */
    public long bars(Piece quantized) {
        return grid.steps(quantized.endTick(), quantized.ticksPerQuarter()) / grid.barSteps(quantized.initialTimeSignature());
    }

    /**
     * The tokens of each bar of one quantized part, without its TRK: POS groups, a VEL before a pitched note whose
     * level differs from the part's previous note in the bar, NOTE_ON with a DUR when its length differs from that
     * note's, or a HIT per drum note.
     */
    public List<List<Token>> partBars(Track t, long bars, Piece quantized) {
        int ppq = quantized.ticksPerQuarter();
        int barSteps = grid.barSteps(quantized.initialTimeSignature());
        List<List<Token>> out = new ArrayList<>((int) bars);
        List<Note> notes = t.notes();
        int i = 0;
        for (long bar = 0; bar < bars; bar++) {
            List<Token> tokens = new ArrayList<>();
            long barStart = bar * barSteps;
            long lastStep = -1;
            int velocity = -1;
            long duration = -1;
            while (i < notes.size()) {
                Note n = notes.get(i);
                long step = grid.steps(n.startTick(), ppq);
                if (step >= barStart + barSteps) break;
                if (step != lastStep) {
                    tokens.add(new Token.Position((int) (step - barStart)));
                    lastStep = step;
                }
                if (t.isDrum()) {
                    tokens.add(new Token.DrumHit(n.pitch(), n.velocity()));
                } else {
                    if (n.velocity() != velocity) {
                        tokens.add(new Token.Velocity(n.velocity()));
                        velocity = n.velocity();
                    }
                    tokens.add(new Token.Pitch(n.pitch()));
                    long steps = grid.steps(n.durationTicks(), ppq);
                    if (steps != duration) {
                        tokens.add(new Token.Duration((int) steps));
                        duration = steps;
                    }
                }
                i++;
            }
            out.add(tokens);
        }
        return out;
    }

    public int[] encodeIds(Piece piece, Tags tags) {
        return vocabulary.ids(encode(piece, tags));
    }

    /** Tags the vocabulary does not hold, as {@code GENRE=zydeco}: they are left out of the encoding. */
    public List<String> unknownTags(Tags tags) {
        return tags.tokens().stream().filter(t -> !vocabulary.contains(t)).map(Token::toString).toList();
    }
}
