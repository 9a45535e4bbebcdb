package loopsmith.library;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import loopsmith.music.Track;

/**
 * What ingest knows of the public corpora beside the repository ({@code ../shared/corpus}), keyed by the
 * {@code source} label their {@code metadata.csv} gives every file, and of how any labelled piece was made:
 * <ul>
 *   <li>{@code groove} (Groove MIDI Dataset): a Roland TD-11 kit, mapped to General MIDI ({@link DrumKit}); fills
 *       (files named {@code …_fill_…}) get the style {@code fill}, so beats and fills are asked for apart.</li>
 *   <li>{@code pop909}: songs the index writes in 2/4 are 4/4 pop (two 2/4 bars make one bar a producer counts);
 *       the piano accompaniment is split into bass and chords ({@link PianoSplit}); the secondary melody
 *       ({@code BRIDGE}) is left out so one melody part remains.</li>
 *   <li>feel: a {@code feel} label ({@code human}/{@code tight}, or a word for either) wins; else performed corpora
 *       (Groove, POP909) are {@code human} and the starter corpus, written by rule on the grid, is {@code tight}.</li>
 * </ul>
 * Rules never touch a file whose labels name no such source: a producer's own library is taken as labelled.
 */
public final class CorpusRules {
    public static final String FEEL_TAG = "feel";
    public static final String HUMAN = "human";
    public static final String TIGHT = "tight";

    private static final String ORIGIN = "corpus rules";

    private CorpusRules() {}

    /** The source label, lower-case, or empty. */
    static String source(Labels labels) {
        return labels.freeTags().getOrDefault("source", "").trim().toLowerCase(Locale.ROOT);
    }

    /** {@code human}, {@code tight} or empty: from a feel label, else from the corpus. */
    public static Optional<String> feel(Labels labels) {
        String said = labels.freeTags().getOrDefault(FEEL_TAG, "").trim().toLowerCase(Locale.ROOT);
        Optional<String> word = feelWord(said);
        if (word.isPresent()) return word;
        return switch (source(labels)) {
            case "groove", "pop909" -> Optional.of(HUMAN);
            case "starter" -> Optional.of(TIGHT);
            default -> Optional.empty();
        };
    }

    /** A word for how a part was made, as a feel: "live", "performed", "humanized" → human; "quantized" → tight. */
    public static Optional<String> feelWord(String word) {
        return switch (word) {
            case "human", "live", "performed", "played", "humanized", "humanised", "loose" -> Optional.of(HUMAN);
            case "tight", "programmed", "quantized", "quantised", "sequenced", "on-grid", "robotic" -> Optional.of(TIGHT);
            default -> Optional.empty();
        };
    }

    /** The labels with a corpus's rules applied (a label the file's own sidecar gives is left as it is). */
    public static Labels labels(Labels labels, String relativePath) {
        List<Label> added = new ArrayList<>();
        String source = source(labels);
        String name = relativePath.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (source.equals("groove") && name.contains("_fill_"))
            added.add(new Label(Label.STYLE, "fill", LabelSource.CORPUS_RULE, ORIGIN + " (a Groove fill)"));
        if (source.equals("pop909") && labels.timeSignature().filter(ts -> ts.equals(new TimeSignature(2, 4))).isPresent())
            added.add(new Label(Label.TIME_SIGNATURE, "4/4", LabelSource.CORPUS_RULE, ORIGIN + " (POP909's 2/4 counted as 4/4)"));
        if (added.isEmpty()) return labels;
        List<Label> provenance = new ArrayList<>();
        for (Label l : labels.provenance()) if (l.source().compareTo(LabelSource.CORPUS_RULE) < 0) provenance.add(l);
        provenance.addAll(added);
        for (Label l : labels.provenance()) if (l.source().compareTo(LabelSource.CORPUS_RULE) > 0) provenance.add(l);
        return Labels.merge(provenance, labels.warnings());
    }

    /** The piece with a corpus's rules applied; any drum part played on a Roland kit is mapped to GM. */
    public static Piece piece(Piece piece, Labels labels) {
        String source = source(labels);
        List<Track> tracks = new ArrayList<>();
        for (Track t : piece.tracks()) {
            if (t.isDrum()) {
                tracks.add(DrumKit.toGeneralMidi(t, source.equals("groove")));
            } else if (source.equals("pop909") && t.name().trim().equalsIgnoreCase("BRIDGE")) {
                continue;
            } else if (source.equals("pop909") && t.role() == Role.CHORDS) {
                for (Track part : PianoSplit.split(t, piece.ticksPerQuarter())) if (!part.notes().isEmpty()) tracks.add(part);
            } else {
                tracks.add(t);
            }
        }
        return piece.withTracks(tracks);
    }
}
