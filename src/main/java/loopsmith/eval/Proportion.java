package loopsmith.eval;

/**
 * A share of judged items that passed, with its 95% Wilson score interval. Wilson rather than the normal
 * approximation because per-genre counts are small (a dozen pieces) and shares sit near 0 or 1, where the normal
 * interval leaves [0, 1] and collapses to zero width at 0/n and n/n.
 */
public record Proportion(int passed, int judged) {
    /** z for a two-sided 95% interval. */
    static final double Z95 = 1.959963984540054;

    public Proportion {
        if (judged < 0 || passed < 0 || passed > judged)
            throw new IllegalArgumentException("need 0 <= passed <= judged, was " + passed + "/" + judged);
    }

    public Proportion plus(boolean pass) {
        return new Proportion(passed + (pass ? 1 : 0), judged + 1);
    }

    /** NaN when nothing was judged. */
    public double share() {
        return judged == 0 ? Double.NaN : (double) passed / judged;
    }

    public double low() {
        return bound(-1);
    }

    public double high() {
        return bound(1);
    }

    private double bound(int sign) {
        if (judged == 0) return Double.NaN;
        // At 0/n and n/n the bound on that side is exactly the share; the formula leaves rounding dust there.
        if (sign < 0 && passed == 0) return 0;
        if (sign > 0 && passed == judged) return 1;
        double n = judged, p = share(), z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return Math.max(0, Math.min(1, centre + sign * half));
    }
}
