package loopsmith.library;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What one folder holds for labelling, read once: its folder sidecars ({@code labels.json|yaml|yml}, for every file
 * in it and below), its CSVs ({@code metadata.csv}, then {@code labels.csv}, so labels.csv wins), and the names of
 * the JSON/YAML files that may be per-file sidecars. The well-known names match in any case ("Metadata.csv").
 */
record FolderSidecars(Findings folderLabels, List<CsvSidecar> csvs, Set<String> sidecarNames) {
    static final String FOLDER_SIDECAR_STEM = "labels";
    private static final List<String> CSV_NAMES = List.of("metadata.csv", "labels.csv");

    FolderSidecars {
        csvs = List.copyOf(csvs);
        sidecarNames = Set.copyOf(sidecarNames);
    }

    static FolderSidecars read(Path folder, Path libraryRoot) {
        Map<String, Path> byLowerName = new HashMap<>();
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder)) {
            for (Path p : ds) {
                if (!Files.isRegularFile(p)) continue;
                String name = p.getFileName().toString();
                String lower = name.toLowerCase(Locale.ROOT);
                byLowerName.put(lower, p);
                if (SidecarFiles.EXTENSIONS.stream().anyMatch(ext -> lower.endsWith("." + ext))) names.add(name);
            }
        } catch (IOException e) {
            String warning = displayName(folder, libraryRoot) + ": folder unreadable, its sidecars ignored: " + e.getMessage();
            return new FolderSidecars(Findings.warning(warning), List.of(), Set.of());
        }
        Findings folderLabels = Findings.EMPTY;
        for (String ext : SidecarFiles.EXTENSIONS) {
            Path p = byLowerName.get(FOLDER_SIDECAR_STEM + "." + ext);
            if (p != null)
                folderLabels = folderLabels.plus(SidecarFiles.read(p, LabelSource.FOLDER_SIDECAR, displayName(p, libraryRoot)));
        }
        List<CsvSidecar> csvs = new ArrayList<>();
        for (String csvName : CSV_NAMES) {
            Path p = byLowerName.get(csvName);
            if (p != null) csvs.add(CsvSidecar.read(p, displayName(p, libraryRoot)));
        }
        return new FolderSidecars(folderLabels, csvs, Set.copyOf(names));
    }

    /** A path as provenance shows it: relative to the library root, with forward slashes ("House/labels.yaml"). */
    static String displayName(Path p, Path libraryRoot) {
        Path rel = libraryRoot.relativize(p);
        String s = rel.toString().replace('\\', '/');
        return s.isEmpty() ? "." : s;
    }
}
