package loopsmith.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import loopsmith.dataset.DatasetFormat;
import loopsmith.dataset.DatasetReader;
import loopsmith.music.LoopsmithException;

/**
 * A reference folder's files as a dataset split them: the ones it held out, to be judged, and the ones it trained on,
 * whose windows are the real-data ceiling. So a model is measured on files it never saw and against the files of the
 * same source it did, read from the dataset itself rather than from folders copied out by hand.
 *
 * <p>A dataset names its files relative to the library it ingested. The reference folder is that library (a
 * producer's folder given to {@code learn}) or one of its sources (a recipe's library links each corpus under its
 * folder name, so {@code ../shared/corpus/pop909}'s {@code 001/001.mid} is the recipe dataset's {@code pop909/001/001.mid}).
 *
 * @param heldOut  the reference folder's files (paths relative to it) the dataset held out
 * @param training the reference folder's files the dataset trained on
 */
public record HeldOutSplit(Set<String> heldOut, Set<String> training) {

    public static HeldOutSplit of(Path dataset, Path referenceFolder) {
        if (!Files.isRegularFile(dataset.resolve(DatasetFormat.MANIFEST)))
            throw new LoopsmithException(dataset, "--held-out: not a Loopsmith dataset (no " + DatasetFormat.MANIFEST + ")");
        DatasetReader data = DatasetReader.open(dataset);
        Set<String> validation = data.sourceFiles(DatasetFormat.VALIDATION);
        Set<String> train = data.sourceFiles(DatasetFormat.TRAIN);
        Path name = referenceFolder.toAbsolutePath().normalize().getFileName();
        String prefix = name == null ? "" : name + "/";
        // Read whichever way names more of the folder's files: as the library itself, or as a source inside it.
        Set<String> asLibrary = in(referenceFolder, validation);
        Set<String> asSource = in(referenceFolder, strip(validation, prefix));
        boolean source = asSource.size() > asLibrary.size();
        HeldOutSplit split = new HeldOutSplit(source ? asSource : asLibrary,
                in(referenceFolder, strip(train, source ? prefix : "")));
        if (split.heldOut().isEmpty())
            throw new LoopsmithException(dataset, "--held-out: the dataset held out none of " + referenceFolder + "'s files (it names its files "
                    + "relative to the library it ingested; give that library or one of the folders in it)");
        return split;
    }

    /** Whether {@code relative} (a path inside the reference folder, "a/b.mid") was held out. */
    public boolean isHeldOut(String relative) {
        return heldOut.contains(relative.replace('\\', '/'));
    }

    /** Whether {@code relative} was trained on. */
    public boolean isTraining(String relative) {
        return training.contains(relative.replace('\\', '/'));
    }

    private static Set<String> in(Path folder, Set<String> files) {
        return Set.copyOf(files.stream().filter(f -> Files.isRegularFile(folder.resolve(f))).toList());
    }

    private static Set<String> strip(Set<String> files, String prefix) {
        Set<String> out = new TreeSet<>();
        for (String f : files) if (f.startsWith(prefix)) out.add(f.substring(prefix.length()));
        return Set.copyOf(out);
    }
}
