package loopsmith.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import loopsmith.library.Cleaned;
import loopsmith.library.Cleaner;
import loopsmith.library.CorpusRules;
import loopsmith.library.Label;
import loopsmith.library.Labels;
import loopsmith.library.Segment;
import loopsmith.library.Segmenter;
import loopsmith.midi.MidiFormatException;
import loopsmith.midi.MidiReadResult;
import loopsmith.midi.MidiReader;
import loopsmith.music.Key;
import loopsmith.music.Piece;
import loopsmith.music.Track;
import loopsmith.tokens.RemiEncoder;
import loopsmith.tokens.Tags;
import loopsmith.tokens.TokenGrid;
import loopsmith.tokens.Token;
import loopsmith.tokens.TokenizeException;
import loopsmith.tokens.TokenizerConfig;
import loopsmith.tokens.Vocabulary;

/** One MIDI file (or a transcribed audio loop) through the whole ingest: read, label, clean, segment, tokenize. Thread-safe; never throws on bad files. */
final class FileProcessor {
    /**
     * Longest file ingested, in bars: a long song is a few hundred (a 20-minute set at 180 BPM is 900), so more is a
     * file whose delta times are garbage, and cutting its tens of millions of empty bars into windows would take minutes.
     */
    static final long MAX_BARS = 4096;

    private final IngestConfig config;
    private final Cleaner cleaner;
    private final Segmenter segmenter;

    FileProcessor(IngestConfig config) {
        this.config = config;
        this.cleaner = new Cleaner(config.clean());
        this.segmenter = new Segmenter(config.windowBars(), config.hopBars(), config.minNotes());
    }

    FileResult process(Path absolute, String relative, Labels labels) {
        MidiReadResult read;
        try {
            read = MidiReader.read(absolute);
        } catch (MidiFormatException e) {
            return FileResult.skipped(relative, e.reason(), labels.warnings());
        }
        List<String> warnings = new ArrayList<>(read.warnings());
        warnings.addAll(labels.warnings());
        return process(relative, read.piece(), read.tempoInFile(), !read.clean(), warnings, labels);
    }

    /**
     * A piece from any source (a MIDI file, an audio loop's transcription) cleaned, segmented and tokenized.
     *
     * @param repaired whether reading it needed repairs
     */
    FileResult process(String relative, Piece piece, boolean tempoInFile, boolean repaired, List<String> readWarnings, Labels given) {
        List<String> warnings = new ArrayList<>(readWarnings);
        if (piece.noteCount() == 0) return FileResult.skipped(relative, "no note events", warnings);
        Labels labels = CorpusRules.labels(given, relative);
        piece = CorpusRules.piece(piece, labels);

        Cleaned cleaned = cleaner.clean(piece, tempoInFile, labels);
        warnings.addAll(cleaned.warnings());
        long bars = cleaned.piece().lengthBars();
        if (bars > MAX_BARS)
            return FileResult.skipped(relative, bars + " bars long (its last note is that far from its first); files of more than "
                    + MAX_BARS + " bars are skipped", warnings);
        if (!cleaned.tempoNote().isEmpty()) warnings.add(cleaned.tempoNote());
        Segmenter.Result windows = segmenter.segment(cleaned.piece());

        Tags tags = Tags.of(labels);
        RemiEncoder encoder = new RemiEncoder(vocabularyWith(tags));
        List<FileResult.SegmentTokens> segments = new ArrayList<>();
        int unsupported = 0;
        String unsupportedReason = "";
        // Notes were straightened; the swing goes into the tokens as a tag so generation can play it back.
        int ppq = cleaned.piece().ticksPerQuarter();
        Optional<Token.Swing> swing = cleaned.swing().map(sw -> TokenGrid.swing(sw.pairTicks() * 2 <= ppq ? 16 : 8, sw.offBeatPhase()));
        for (Segment s : windows.segments()) {
            try {
                List<String> tokens = encoder.encode(s.piece(), tags, swing).stream().map(Token::toString).toList();
                List<String> roles = s.piece().tracks().stream().map(t -> t.role().label()).distinct().sorted().toList();
                segments.add(new FileResult.SegmentTokens(s.startBar(), s.bars(), roles, tokens));
            } catch (TokenizeException e) {
                unsupported++;
                unsupportedReason = e.reason();
            }
        }
        String meter = cleaned.piece().initialTimeSignature().toString();
        if (segments.isEmpty()) {
            String reason = unsupported > 0 ? unsupportedReason
                    : "no usable " + config.windowBars() + "-bar window (" + windows.nearlyEmpty() + " nearly empty, "
                    + windows.acrossMeterChange() + " across a meter change)";
            return FileResult.skipped(relative, reason, warnings);
        }
        List<String> roles = new ArrayList<>(new TreeSet<>(cleaned.piece().tracks().stream().map(Track::role).map(r -> r.label()).toList()));
        return new FileResult(relative, FileResult.INGESTED, "", warnings, repaired,
                labels.genre().orElse(null), labels.style().orElse(null), labels.mood().orElse(null),
                cleaned.piece().initialBpm(), cleaned.bpmSource(), cleaned.tempoNote(),
                cleaned.key().map(Key::displayName).orElse(null), cleaned.keySource(), round(cleaned.keyConfidence()),
                meter, roles, cleaned.swing().map(sw -> round(sw.ratio())).orElse(null),
                cleaned.leadingBarsDropped(), cleaned.pickupNotesDropped(), windows.nearlyEmpty(),
                windows.acrossMeterChange(), unsupported, winningLabels(labels), segments);
    }

    /** The configured vocabulary plus this file's own tags, so its tag tokens are never left out. */
    private Vocabulary vocabularyWith(Tags tags) {
        TokenizerConfig t = config.tokenizer();
        return Vocabulary.of(t.withTags(plus(t.genres(), tags.genre()), plus(t.styles(), tags.style()), plus(t.moods(), tags.mood())));
    }

    private static List<String> plus(List<String> list, Optional<String> value) {
        if (value.isEmpty() || list.contains(value.get())) return list;
        List<String> out = new ArrayList<>(list);
        out.add(value.get());
        return out;
    }

    private static Map<String, String> winningLabels(Labels labels) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Label l : labels.provenance()) out.put(l.field(), l.value() + " (" + l.origin() + ")");
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
