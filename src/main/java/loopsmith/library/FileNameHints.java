package loopsmith.library;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;

/**
 * Labels from a file's own name. Names in the Groove MIDI layout ({@code <id>_<genre>[-<style>]_<bpm>_<beat|fill>_<n-d>})
 * are read by position, because there every part is known to be a label; any other name is scanned word by word by
 * {@link NameHints}, with bare numbers allowed as tempos under its rules.
 */
final class FileNameHints {
    private FileNameHints() {}

    static final String ORIGIN = "file name";

    private static final Pattern GROOVE = Pattern.compile(
            "\\d+_([a-z]+)(?:-([a-z0-9-]+))?_(\\d{2,3})_(beat|fill)_([1-9]\\d?)-([1-9]\\d?)");

    static Findings of(String fileName) {
        String stem = stem(fileName);
        Matcher g = GROOVE.matcher(stem);
        if (g.matches()) {
            Findings groove = groove(g);
            if (!groove.labels().isEmpty()) return groove;
        }
        return NameHints.scan(stem, LabelSource.FILE_NAME, ORIGIN, true);
    }

    /** The name without its last extension: "beat.mid" → "beat", "a.b.mid" → "a.b". */
    static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    private static Findings groove(Matcher g) {
        List<Label> labels = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String genreWord = g.group(1);
        Optional<String> genre = Synonyms.genre(genreWord);
        if (genre.isEmpty()) warnings.add("file name: unknown genre '" + genreWord + "' kept as is");
        labels.add(label(Label.GENRE, genre.orElse(genreWord)));
        // Groove calls the part after the genre its style ("rock-halftime"); without one, beat or fill is the style.
        String style = g.group(2) != null ? Synonyms.word(g.group(2)).orElse(g.group(2)) : g.group(4);
        labels.add(label(Label.STYLE, style));
        double bpm = Double.parseDouble(g.group(3));
        if (Labels.MIN_BPM <= bpm && bpm <= Labels.MAX_BPM) labels.add(label(Label.BPM, Labels.bpmText(bpm)));
        TimeSignature.parse(g.group(5) + "/" + g.group(6))
                .ifPresent(t -> labels.add(label(Label.TIME_SIGNATURE, t.toString())));
        labels.add(label(Label.ROLES, Role.DRUMS.label()));
        return new Findings(labels, warnings);
    }

    private static Label label(String field, String value) {
        return new Label(field, value, LabelSource.FILE_NAME, ORIGIN);
    }
}
