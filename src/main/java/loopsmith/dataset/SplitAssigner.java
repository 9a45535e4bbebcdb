package loopsmith.dataset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Train/validation split by source file: a file's side depends only on the seed and its path inside the library, so
 * adding files never moves the others, and the same library and seed always split the same way.
 */
final class SplitAssigner {
    private final long seed;
    private final double validationFraction;

    SplitAssigner(long seed, double validationFraction) {
        this.seed = seed;
        this.validationFraction = validationFraction;
    }

    /** A number in [0, 1) fixed by seed and path. */
    double draw(String relativePath) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Long.toString(seed).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(relativePath.getBytes(StandardCharsets.UTF_8));
            byte[] h = sha.digest();
            long bits = 0;
            for (int i = 0; i < 7; i++) bits = (bits << 8) | (h[i] & 0xFF);
            return bits / (double) (1L << 56);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    boolean isValidation(String relativePath) {
        return draw(relativePath) < validationFraction;
    }
}
