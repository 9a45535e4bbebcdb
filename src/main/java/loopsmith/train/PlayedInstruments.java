package loopsmith.train;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import loopsmith.dataset.DatasetFormat;
import loopsmith.dataset.DatasetReader;
import loopsmith.dataset.IndexRow;
import loopsmith.model.PlayedInstrument;
import loopsmith.music.Role;
import loopsmith.tokens.Token;
import loopsmith.tokens.Vocabulary;

/** Counts the programs a dataset's training segments declare for each pitched part, per genre, from their headers. */
final class PlayedInstruments {
    private record Key(String genre, String role, int program) { }

    private PlayedInstruments() {}

    static List<PlayedInstrument> of(DatasetReader dataset) {
        Vocabulary vocabulary = dataset.vocabulary();
        Map<Key, Integer> counts = new TreeMap<>(Comparator.comparing(Key::genre).thenComparing(Key::role).thenComparingInt(Key::program));
        for (IndexRow e : dataset.entries(DatasetFormat.TRAIN)) {
            String genre = "";
            Role role = null;
            for (int id : dataset.tokens(e)) {
                Token t = vocabulary.token(id);
                if (t instanceof Token.Tag tag && tag.kind() == Token.TagKind.GENRE) genre = tag.value();
                else if (t instanceof Token.RoleTag r) role = r.role();
                else if (t instanceof Token.Instrument i && role != null && !i.drums())
                    counts.merge(new Key(genre, role.label(), i.program()), 1, Integer::sum);
                else if (t == Token.BAR_START) break;
            }
        }
        List<PlayedInstrument> out = new ArrayList<>();
        counts.forEach((k, n) -> out.add(new PlayedInstrument(k.genre().isEmpty() ? null : k.genre(), k.role(), k.program(), n)));
        return out;
    }
}
