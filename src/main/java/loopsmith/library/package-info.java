/**
 * The producer's library: what each MIDI file is labelled with, and where each label came from.
 *
 * <p>{@link loopsmith.library.LabelReader} merges, later winning: folder names, the file name, folder sidecars
 * ({@code labels.json|yaml|yml}), CSV rows ({@code metadata.csv}, {@code labels.csv}) and per-file sidecars
 * ({@code beat.json} or {@code beat.mid.json}, also YAML). Every spelling goes through
 * {@link loopsmith.library.Synonyms}; the rules for reading names (bare numbers as tempos, key letters) are in
 * {@code NameHints} and {@code KeyToken}.
 */
package loopsmith.library;
