package loopsmith.server;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import loopsmith.export.Sidecar;
import loopsmith.music.LoopsmithException;

/**
 * The result folders under the output folder, as clients may see them. Names from a URL are checked against the
 * characters the exporter uses, must not start with a dot, and must resolve (links followed) to an existing regular
 * file directly inside a result folder directly inside the output folder: nothing else on disk can be reached.
 */
public final class ResultFiles {
    /** What {@code AbletonExport} puts in folder and file names; no separators, so one name is one path element. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9#_-][A-Za-z0-9#._-]{0,127}");
    private final Path outDir;

    public ResultFiles(Path outDir) {
        this.outDir = outDir;
    }

    public Path outDir() {
        return outDir;
    }

    /** Whether a name is one the exporter could give a result folder or file. */
    static boolean isResultName(String name) {
        return NAME.matcher(name).matches() && !name.contains("..");
    }

    /** A result folder by name; 404 unless it is one. */
    public Path folder(String name) {
        Path f = inside(outDir, check(name));
        if (!Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)) throw new ApiException(404, "no result " + name);
        return f;
    }

    /** A file of a result folder by name; 404 unless it is one. */
    public Path file(String folder, String name) {
        Path f = inside(folder(folder), check(name));
        if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) throw new ApiException(404, "no file " + name + " in " + folder);
        return f;
    }

    /** Result folders, newest first (names start with their time), at most {@code limit}. */
    public List<ResultView> list(int limit) {
        if (!Files.isDirectory(outDir)) return List.of();
        try (Stream<Path> s = Files.list(outDir)) {
            return s.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> NAME.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).limit(limit)
                    .map(this::describe).toList();
        } catch (IOException e) {
            throw new ApiException(500, "cannot list results: " + e.getMessage());
        }
    }

    /** A result folder for a client: its name, its files with URLs, and the sidecar's main facts. */
    public ResultView describe(Path folder) {
        String name = folder.getFileName().toString();
        String base = "/api/results/" + Urls.segment(name);
        List<ResultView.FileLink> files = files(folder).stream().map(f -> f.getFileName().toString())
                .map(fn -> new ResultView.FileLink(fn, kind(fn), base + "/" + Urls.segment(fn))).toList();
        Path sidecarFile = folder.resolve(Sidecar.FILE_NAME);
        if (!Files.isRegularFile(sidecarFile)) return withoutFacts(name, base, files, null);
        try {
            Sidecar s = Sidecar.read(sidecarFile);
            String text = s.request() instanceof Sidecar.GenerateRequest g ? g.text() : null;
            return new ResultView(name, base + ".zip", files, s.seed(), s.bpm(), s.key(), s.timeSignature(), s.bars(), s.created(),
                    s.request().genre(), text, null);
        } catch (LoopsmithException e) {
            // The reason alone: the file's absolute path would tell a client the user's folder layout.
            return withoutFacts(name, base, files, "unreadable " + Sidecar.FILE_NAME + ": " + e.reason());
        }
    }

    /** A folder whose sidecar is missing ({@code warning} null) or unreadable: its name and files only. */
    private static ResultView withoutFacts(String name, String base, List<ResultView.FileLink> files, String warning) {
        return new ResultView(name, base + ".zip", files, null, null, null, null, null, null, null, null, warning);
    }

    /**
     * {@code text} without the output folder's or the installation's absolute path: an error or warning that names a
     * file (a job's, an IOException's) then names it relative to them. Replies never carry a path that tells a reader
     * the user's name and folder layout.
     */
    String relative(String text, Path home) {
        if (text == null) return null;
        String out = text;
        for (Path p : List.of(outDir, home)) {
            String abs = p.toAbsolutePath().normalize().toString();
            out = out.replace(abs + java.io.File.separator, "").replace(abs, ".");
        }
        return out;
    }

    /** Streams a result folder as a zip whose entries sit in a folder of the same name. */
    public void zip(Path folder, OutputStream out) throws IOException {
        String name = folder.getFileName().toString();
        ZipOutputStream zip = new ZipOutputStream(out);
        for (Path f : files(folder)) {
            zip.putNextEntry(new ZipEntry(name + "/" + f.getFileName()));
            Files.copy(f, zip);
            zip.closeEntry();
        }
        zip.finish();
    }

    public static String contentType(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".mid")) return "audio/midi";
        if (n.endsWith(".wav")) return "audio/wav";
        if (n.endsWith(".png")) return "image/png";
        if (n.endsWith(".json")) return "application/json";
        return "application/octet-stream";
    }

    private static String kind(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".mid")) return "midi";
        if (n.endsWith(".wav")) return "audio";
        if (n.endsWith(".png")) return "image";
        return "data";
    }

    /** The files of a result folder, sorted by name. */
    static List<Path> files(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> NAME.matcher(p.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException e) {
            throw new ApiException(500, "cannot list " + folder.getFileName() + ": " + e.getMessage());
        }
    }

    private static String check(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.contains(".."))
            throw new ApiException(400, "not a valid result name: " + (name == null ? "(none)" : name.length() > 80 ? name.substring(0, 80) + "…" : name));
        return name;
    }

    /** {@code parent/name}, refused unless it still lies directly in {@code parent} once links are resolved. */
    private static Path inside(Path parent, String name) {
        Path p = parent.resolve(name).normalize();
        if (!p.getParent().equals(parent)) throw new ApiException(400, "not a valid result name: " + name);
        try {
            if (Files.exists(p) && !p.toRealPath().getParent().equals(parent.toRealPath()))
                throw new ApiException(404, "no result " + name);
        } catch (IOException e) {
            throw new ApiException(404, "no result " + name);
        }
        return p;
    }
}
