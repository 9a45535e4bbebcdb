package loopsmith.starter;

import java.util.List;

/**
 * What {@code corpus starter} writes.
 *
 * @param loopsPerGenre loops of each genre (4- or 8-bar)
 * @param seed          the same seed writes byte-identical files
 * @param genres        which genres (tokenizer GENRE names); all of {@link StarterCorpus#GENRES} by default
 */
public record StarterConfig(int loopsPerGenre, long seed, List<String> genres) {
    public static final int DEFAULT_LOOPS_PER_GENRE = 200;
    public static final long DEFAULT_SEED = 1;

    public StarterConfig {
        if (loopsPerGenre < 1 || loopsPerGenre > 100_000) throw new IllegalArgumentException("loops per genre must be 1..100000");
        genres = List.copyOf(genres);
    }

    public static StarterConfig defaults() {
        return new StarterConfig(DEFAULT_LOOPS_PER_GENRE, DEFAULT_SEED, StarterCorpus.GENRES);
    }
}
