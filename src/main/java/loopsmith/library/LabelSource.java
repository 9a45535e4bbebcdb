package loopsmith.library;

/**
 * Where a label came from. The order of the constants is the merge order: a later source overrides an earlier one,
 * because the more deliberate the label (a sidecar someone wrote for this very file), the more we trust it.
 * {@code CORPUS_RULE} is what ingest knows of a public corpus its {@code source} label names ({@link CorpusRules}).
 */
public enum LabelSource {
    FOLDER_NAME, FILE_NAME, FOLDER_SIDECAR, CSV, CORPUS_RULE, FILE_SIDECAR
}
