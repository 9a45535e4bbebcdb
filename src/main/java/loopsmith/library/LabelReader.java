package loopsmith.library;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import loopsmith.music.LoopsmithException;

/**
 * The labels of the files in one producer's library, merged from every source in this order (later wins):
 * folder names, the file name, folder sidecars ({@code labels.json|yaml|yml} in the file's folder or above, deeper
 * ones later), CSV rows ({@code metadata.csv}/{@code labels.csv} in the file's folder or above, deeper ones later),
 * and last the file's own sidecar ({@code beat.json|yaml|yml}, then {@code beat.mid.json|yaml|yml}).
 *
 * <p>Each folder's sidecars are read once and cached. Ingest calls {@link #labelsFor} from several threads, so the
 * cache is a concurrent map of immutable values. A malformed sidecar never throws: it becomes a warning in the
 * labels of the files it would have labelled.
 */
public final class LabelReader {
    private final Path root;
    private final ConcurrentMap<Path, FolderSidecars> folders = new ConcurrentHashMap<>();

    public LabelReader(Path libraryRoot) {
        this.root = libraryRoot.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /**
     * Labels of one file under the root (absolute, or relative to the root).
     *
     * @throws LoopsmithException when the file is not under the library root
     */
    public Labels labelsFor(Path file) {
        Path abs = root.resolve(file).toAbsolutePath().normalize();
        if (!abs.startsWith(root) || abs.equals(root))
            throw new LoopsmithException(file, "not a file under the library root " + root);
        Path rel = root.relativize(abs);
        Path relFolder = rel.getParent() == null ? Path.of("") : rel.getParent();
        String fileName = abs.getFileName().toString();

        List<Path> chain = new ArrayList<>();
        chain.add(root);
        for (Path part : relFolder) if (!part.toString().isEmpty()) chain.add(chain.get(chain.size() - 1).resolve(part));

        Findings folderSidecars = Findings.EMPTY;
        Findings csvRows = Findings.EMPTY;
        FolderSidecars own = null;
        for (Path dir : chain) {
            // Each folder is read on its own (never recursively inside computeIfAbsent, which the map forbids).
            own = folders.computeIfAbsent(dir, d -> FolderSidecars.read(d, root));
            folderSidecars = folderSidecars.plus(own.folderLabels());
            for (CsvSidecar csv : own.csvs()) csvRows = csvRows.plus(csv.labelsFor(abs));
        }

        Findings all = FolderHints.of(relFolder)
                .plus(FileNameHints.of(fileName))
                .plus(folderSidecars)
                .plus(csvRows)
                .plus(fileSidecars(abs, own));
        return Labels.merge(all.labels(), all.warnings());
    }

    /** {@code beat.json}, {@code beat.yaml}, {@code beat.yml}, then {@code beat.mid.json} ...: the full name is more specific, so it wins. */
    private Findings fileSidecars(Path abs, FolderSidecars own) {
        String fileName = abs.getFileName().toString();
        String stem = FileNameHints.stem(fileName);
        Findings found = Findings.EMPTY;
        for (String base : List.of(stem, fileName)) {
            // labels.json next to labels.mid is the folder's sidecar, already applied; do not count it twice.
            if (base.toLowerCase(Locale.ROOT).equals(FolderSidecars.FOLDER_SIDECAR_STEM)) continue;
            for (String ext : SidecarFiles.EXTENSIONS) {
                String name = base + "." + ext;
                if (name.equals(fileName) || !own.sidecarNames().contains(name)) continue;
                Path p = abs.resolveSibling(name);
                found = found.plus(SidecarFiles.read(p, LabelSource.FILE_SIDECAR, FolderSidecars.displayName(p, root)));
            }
        }
        return found;
    }
}
