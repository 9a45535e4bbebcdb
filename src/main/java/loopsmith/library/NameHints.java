package loopsmith.library;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import loopsmith.music.Key;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;

/**
 * Finds labels among the words of one name (a file stem or a folder name): genres, styles, moods and roles from
 * {@link Synonyms}, keys ({@link KeyToken}), meters ("3-4", "6/8") and tempos.
 *
 * <p>Rules, chosen so that ordinary names give no labels rather than wrong ones:
 * <ul>
 *   <li>Multi-word spellings are tried first, longest first ("drum and bass" is a genre, not a role "bass").</li>
 *   <li>A name gives at most one genre, style, mood, key, meter and tempo: the first one written, since producers
 *       put the main label first. Roles add up ("bass_chords" gives both).</li>
 *   <li>A tempo with its unit ("120bpm", "85 BPM", "bpm_90") counts when it is within 20..999.</li>
 *   <li>A bare number counts as the tempo only when {@code bareNumbers} is on (file names, not folders), no tempo
 *       with a unit was found, it has two or three digits without a leading zero, it is not the first word of a
 *       longer name (that is a track or take number: "01_intro", "1_funk_80_beat"), it is a word of its own (not
 *       glued to letters: "jigs100" and "take120" are ids), and either it stands next to a
 *       genre word and is within 40..300 ("dnb-174"), or it is within 60..200 and the name holds another label
 *       ("trap_hats_140"). A number alone ("Song 100", "track 2") is not a tempo. When two numbers qualify, neither
 *       is taken.</li>
 * </ul>
 */
final class NameHints {
    private NameHints() {}

    private static final Pattern BPM_WITH_UNIT = Pattern.compile("(?i)(\\d{2,3}(?:\\.\\d{1,2})?)bpm|bpm(\\d{2,3}(?:\\.\\d{1,2})?)");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,3}(?:\\.\\d{1,2})?");
    private static final Pattern BARE_TEMPO = Pattern.compile("[1-9]\\d{1,2}");
    private static final int MAX_WORDS_IN_SPELLING = 3;
    private static final double NEXT_TO_GENRE_MIN_BPM = 40;
    private static final double NEXT_TO_GENRE_MAX_BPM = 300;
    private static final double BARE_MIN_BPM = 60;
    private static final double BARE_MAX_BPM = 200;

    /** The tempo in a token like "120bpm" or "BPM90"; empty when there is none or it is out of range. */
    static OptionalDouble explicitBpm(String token) {
        Matcher m = BPM_WITH_UNIT.matcher(token);
        if (!m.matches()) return OptionalDouble.empty();
        return inBpmRange(Double.parseDouble(m.group(1) != null ? m.group(1) : m.group(2)));
    }

    static Findings scan(String name, LabelSource source, String origin, boolean bareNumbers) {
        List<NameTokens.Word> words = NameTokens.split(name);
        return new Scan(words.stream().map(NameTokens.Word::text).toList(),
                words.stream().map(NameTokens.Word::joined).toList(), source, origin).run(bareNumbers);
    }

    private static OptionalDouble inBpmRange(double bpm) {
        return Labels.MIN_BPM <= bpm && bpm <= Labels.MAX_BPM ? OptionalDouble.of(bpm) : OptionalDouble.empty();
    }

    /** The state of scanning one name: which words are taken and what was found. */
    private static final class Scan {
        private final List<String> words;
        private final List<Boolean> joined;
        private final boolean[] used;
        private final boolean[] genreWord;
        private final LabelSource source;
        private final String origin;
        private final List<Label> labels = new ArrayList<>();
        private final Set<Role> roles = EnumSet.noneOf(Role.class);

        Scan(List<String> words, List<Boolean> joined, LabelSource source, String origin) {
            this.words = words;
            this.joined = joined;
            this.used = new boolean[words.size()];
            this.genreWord = new boolean[words.size()];
            this.source = source;
            this.origin = origin;
        }

        Findings run(boolean bareNumbers) {
            for (int i = 0; i < words.size(); i++) {
                if (!used[i]) i += matchAt(i) - 1;
            }
            if (!roles.isEmpty()) labels.add(new Label(Label.ROLES, Labels.rolesText(roles), source, origin));
            if (bareNumbers && !has(Label.BPM)) bareTempo().ifPresent(bpm -> add(Label.BPM, Labels.bpmText(bpm)));
            return new Findings(labels, List.of());
        }

        /** Tries every kind of label at word i; returns how many words it took (at least 1). */
        private int matchAt(int i) {
            String w = words.get(i);
            String next = i + 1 < words.size() ? words.get(i + 1) : null;
            Matcher ts = NameTokens.TIME_SIGNATURE.matcher(w);
            if (ts.matches()) {
                Optional<TimeSignature> t = TimeSignature.parse(ts.group(1) + "/" + ts.group(2));
                if (t.isPresent()) return take(i, 1, Label.TIME_SIGNATURE, t.get().toString());
            }
            OptionalDouble bpm = explicitBpm(w);
            if (bpm.isPresent()) return take(i, 1, Label.BPM, Labels.bpmText(bpm.getAsDouble()));
            if (next != null && NUMBER.matcher(w).matches() && next.equalsIgnoreCase("bpm")) {
                OptionalDouble b = inBpmRange(Double.parseDouble(w));
                if (b.isPresent()) return take(i, 2, Label.BPM, Labels.bpmText(b.getAsDouble()));
            }
            if (next != null && w.equalsIgnoreCase("bpm") && NUMBER.matcher(next).matches()) {
                OptionalDouble b = inBpmRange(Double.parseDouble(next));
                if (b.isPresent()) return take(i, 2, Label.BPM, Labels.bpmText(b.getAsDouble()));
            }
            if (next != null) {
                Optional<Key> k = KeyToken.pair(w, next);
                if (k.isPresent()) return take(i, 2, Label.KEY, k.get().displayName());
            }
            Optional<Key> k = KeyToken.single(w);
            if (k.isPresent()) return take(i, 1, Label.KEY, k.get().displayName());
            for (int n = Math.min(MAX_WORDS_IN_SPELLING, words.size() - i); n >= 1; n--) {
                int taken = matchSpelling(i, n);
                if (taken > 0) return taken;
            }
            return 1;
        }

        /** Genre, role, mood or style spelled by words i..i+n-1; returns n when matched, else 0. */
        private int matchSpelling(int i, int n) {
            for (int j = i; j < i + n; j++) if (used[j]) return 0;
            String spelling = String.join(" ", words.subList(i, i + n));
            Optional<String> genre = Synonyms.genre(spelling);
            if (genre.isPresent()) {
                for (int j = i; j < i + n; j++) genreWord[j] = true;
                Synonyms.styleOfGenre(spelling).ifPresent(s -> add(Label.STYLE, s));
                return take(i, n, Label.GENRE, genre.get());
            }
            Optional<Role> role = Synonyms.role(spelling);
            if (role.isPresent()) {
                roles.add(role.get());
                markUsed(i, n);
                return n;
            }
            Optional<String> mood = Synonyms.mood(spelling);
            if (mood.isPresent()) return take(i, n, Label.MOOD, mood.get());
            Optional<String> style = Synonyms.style(spelling);
            if (style.isPresent()) return take(i, n, Label.STYLE, style.get());
            return 0;
        }

        private OptionalDouble bareTempo() {
            boolean otherLabel = !labels.isEmpty();
            OptionalDouble found = OptionalDouble.empty();
            for (int i = 0; i < words.size(); i++) {
                String w = words.get(i);
                if (used[i] || joined.get(i) || !BARE_TEMPO.matcher(w).matches() || (i == 0 && words.size() > 1)) continue;
                double v = Double.parseDouble(w);
                boolean nextToGenre = (i > 0 && genreWord[i - 1]) || (i + 1 < words.size() && genreWord[i + 1]);
                boolean qualifies = (nextToGenre && NEXT_TO_GENRE_MIN_BPM <= v && v <= NEXT_TO_GENRE_MAX_BPM)
                        || (otherLabel && BARE_MIN_BPM <= v && v <= BARE_MAX_BPM);
                if (!qualifies) continue;
                if (found.isPresent()) return OptionalDouble.empty(); // two candidates: we cannot tell which
                found = OptionalDouble.of(v);
            }
            return found;
        }

        private int take(int i, int n, String field, String value) {
            markUsed(i, n);
            add(field, value);
            return n;
        }

        private void markUsed(int i, int n) {
            for (int j = i; j < i + n; j++) used[j] = true;
        }

        private void add(String field, String value) {
            if (!has(field)) labels.add(new Label(field, value, source, origin));
        }

        private boolean has(String field) {
            return labels.stream().anyMatch(l -> l.field().equals(field));
        }
    }
}
