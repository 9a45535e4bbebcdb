package loopsmith.library;

import java.nio.file.Path;

/**
 * Labels from the folders between the library root and a file: {@code House/Basslines/x.mid} gives genre house and
 * role bass. Deeper folders come later, so they win. Most folder names are not labels ("Project 3", "Old"), so an
 * unrecognised name is skipped silently, and bare numbers are never tempos here ("002/" is an id): a folder tempo
 * needs its unit ("120 BPM/").
 */
final class FolderHints {
    private FolderHints() {}

    /** @param relativeFolder the file's folder relative to the library root; empty for the root itself */
    static Findings of(Path relativeFolder) {
        Findings all = Findings.EMPTY;
        for (Path part : relativeFolder) {
            String name = part.toString();
            if (name.isEmpty()) continue;
            all = all.plus(NameHints.scan(name, LabelSource.FOLDER_NAME, "folder '" + name + "'", false));
        }
        return all;
    }
}
