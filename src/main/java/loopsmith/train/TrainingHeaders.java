package loopsmith.train;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import loopsmith.dataset.DatasetFormat;
import loopsmith.dataset.DatasetReader;
import loopsmith.dataset.IndexRow;
import loopsmith.model.PlayedInstrument;
import loopsmith.music.Role;
import loopsmith.tokens.Token;
import loopsmith.tokens.Vocabulary;

/**
 * What the training split's headers say, read in one pass over its segments: the tags they carry, as GENRE=house (read
 * from the tokens themselves, so a tag counts as seen only when the model was shown it), and how many segments declare
 * each pitched part on each program, per genre.
 */
record TrainingHeaders(Set<String> tags, List<PlayedInstrument> played) {
    private record Key(String genre, String role, int program) { }

    TrainingHeaders {
        tags = Set.copyOf(tags);
        played = List.copyOf(played);
    }

    static TrainingHeaders read(DatasetReader dataset) {
        Vocabulary vocabulary = dataset.vocabulary();
        Set<String> tags = new TreeSet<>();
        Map<Key, Integer> counts = new TreeMap<>(Comparator.comparing(Key::genre).thenComparing(Key::role).thenComparingInt(Key::program));
        for (IndexRow e : dataset.entries(DatasetFormat.TRAIN)) {
            String genre = "";
            Role role = null;
            for (int id : dataset.tokens(e)) {
                Token t = vocabulary.token(id);
                if (t instanceof Token.Tag tag && role == null) {
                    tags.add(tag.toString());
                    if (tag.kind() == Token.TagKind.GENRE) genre = tag.value();
                } else if (t instanceof Token.RoleTag r) role = r.role();
                else if (t instanceof Token.Instrument i && role != null && !i.drums())
                    counts.merge(new Key(genre, role.label(), i.program()), 1, Integer::sum);
                else if (t == Token.BAR_START) break;
            }
        }
        List<PlayedInstrument> played = new ArrayList<>();
        counts.forEach((k, n) -> played.add(new PlayedInstrument(k.genre().isEmpty() ? null : k.genre(), k.role(), k.program(), n)));
        return new TrainingHeaders(tags, played);
    }
}
