package loopsmith.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import loopsmith.music.AtomicFiles;
import loopsmith.music.Folders;
import loopsmith.music.LoopsmithException;

/** Ingest's first and last steps on the output folder: making sure it is ours, and putting the new dataset in place. */
final class DatasetCommit {
    private DatasetCommit() {}

    /** The output folder must be new, empty, or an earlier dataset: never someone's other files. */
    static void prepareOutput(Path out) {
        try {
            if (Files.exists(out) && !Files.isDirectory(out)) throw new LoopsmithException(out, "output exists and is not a folder");
            if (Files.isDirectory(out) && !Files.exists(out.resolve(DatasetFormat.MANIFEST))) {
                try (Stream<Path> s = Files.list(out)) {
                    if (s.anyMatch(p -> !p.getFileName().toString().startsWith(".")))
                        throw new LoopsmithException(out, "output folder is not empty and holds no Loopsmith dataset; choose another");
                }
            }
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new LoopsmithException(out, "cannot create output folder: " + e.getMessage(), e);
        }
    }

    /** A data folder name no earlier run of this dataset used: the time, and a random part for runs in the same millisecond. */
    static String newDataFolderName() {
        return DatasetFormat.DATA_PREFIX + Long.toString(System.currentTimeMillis(), 36)
                + Long.toString(java.util.concurrent.ThreadLocalRandom.current().nextLong(1L << 30), 36);
    }

    /**
     * Puts the staged dataset in place so that a reader sees the old dataset or the new one, never a mix, whenever the
     * process dies: the staged folder becomes a new data folder in one rename, then dataset.json, which names the data
     * folder, replaces the old one atomically (the commit point); only then are the old data folder and the report's
     * copies for people replaced.
     */
    static void commit(Path staging, Path out, DatasetManifest manifest) throws IOException {
        String data = manifest.data();
        Path dataDir = out.resolve(data);
        AtomicFiles.move(staging, dataDir);
        manifest.write(out);
        // After the commit point: what the previous dataset left (an older data folder, or the flat layout of version 1).
        try (Stream<Path> s = Files.list(out)) {
            for (Path p : s.toList()) {
                String name = p.getFileName().toString();
                boolean oldData = name.startsWith(DatasetFormat.DATA_PREFIX) && !name.equals(data) && Files.isDirectory(p);
                boolean flat = name.endsWith(".bin") || name.equals(DatasetFormat.INDEX) || name.equals(DatasetFormat.VOCABULARY)
                        || name.equals(DatasetFormat.AUDIO);
                if (oldData) Folders.deleteTree(p);
                else if (flat && Files.isRegularFile(p)) Files.delete(p);
            }
        }
        // The report beside dataset.json, where people look for it (a copy; the data folder holds the original).
        for (String name : List.of(DatasetFormat.REPORT_MD, DatasetFormat.REPORT_JSON))
            if (Files.isRegularFile(dataDir.resolve(name))) Files.copy(dataDir.resolve(name), out.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        Path charts = dataDir.resolve(DatasetFormat.CHARTS);
        if (Files.isDirectory(charts)) {
            Folders.deleteTree(out.resolve(DatasetFormat.CHARTS));
            Files.createDirectories(out.resolve(DatasetFormat.CHARTS));
            try (Stream<Path> s = Files.list(charts)) {
                for (Path c : s.toList()) Files.copy(c, out.resolve(DatasetFormat.CHARTS).resolve(c.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
