package loopsmith.generate;

/** How pitched parts keep to the key: never leave it, lean towards it, or ignore it. */
public enum KeyConstraint {
    /** Out-of-scale pitches cannot be drawn. */
    STRICT,
    /** Out-of-scale pitches are down-weighted (their logits lowered), so chromatic passing notes stay possible. */
    SOFT,
    OFF
}
