package loopsmith.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import loopsmith.midi.MidiFormatException;
import loopsmith.midi.MidiReadResult;
import loopsmith.midi.MidiReader;
import loopsmith.music.Folders;
import loopsmith.music.LoopsmithException;

/**
 * {@code bench parse}: our MIDI reader's files/s and notes/s over a folder, next to mido's in the same run.
 *
 * <p>Both sides time the same work: read the file, parse it, count notes (note-ons with velocity above 0); the
 * directory walk is not timed. The JVM compiles hot code as it runs, so we report the first (cold) pass and the
 * median of the passes after {@code warmupPasses} untimed ones; the ratio uses the warm median, which is what an
 * ingest of a large library sees. Note totals are compared on the files both sides parse.
 */
public final class ParseBench {
    private ParseBench() {}

    public record Ours(int files, int parsed, int rejected, int repaired, long notes, int passes,
                       double coldFilesPerS, double filesPerS, double notesPerS, List<String> rejectedFiles) { }

    public static Map<String, Object> run(Path dir, int warmupPasses, int passes, Path peerScript) {
        List<Path> files = midiFiles(dir);
        if (files.isEmpty()) throw new LoopsmithException(dir, "no .mid or .midi files found");

        long coldStart = System.nanoTime();
        Pass first = pass(files);
        double coldSeconds = (System.nanoTime() - coldStart) / 1e9;
        for (int i = 0; i < warmupPasses; i++) pass(files);
        double[] seconds = new double[passes];
        for (int i = 0; i < passes; i++) {
            long t0 = System.nanoTime();
            pass(files);
            seconds[i] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(seconds);
        double median = seconds[passes / 2];
        Ours ours = new Ours(files.size(), files.size() - first.rejected.size(), first.rejected.size(), first.repaired,
                first.notes, passes, round(files.size() / coldSeconds), round(files.size() / median),
                round(first.notes / median), first.rejected.stream().map(p -> dir.relativize(p).toString()).toList());

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("bench", "parse");
        out.put("dir", dir.toString());
        out.put("ours", ours);
        JsonNode peer = Peer.run(peerScript, List.of(dir.toString(), "--repeat", "3"), 1800);
        Set<String> peerFailed = new HashSet<>();
        for (JsonNode f : peer.path("failures")) peerFailed.add(f.path("file").asText());
        Map<String, Object> peerSummary = new LinkedHashMap<>();
        for (String k : List.of("peer", "version", "files", "parsed", "failed", "notes", "wall_s", "files_per_s", "notes_per_s"))
            peerSummary.put(k, peer.path(k).isNumber() ? peer.path(k).numberValue() : peer.path(k).asText());
        out.put("peer", peerSummary);
        // Note counts must agree file for file where both sides read a file without repair; on damaged files we
        // recover what mido drops (or the reverse), so those are reported, not required to agree.
        List<Path> clean = new ArrayList<>();
        List<Path> repaired = new ArrayList<>();
        for (Path f : first.notesByFile.keySet()) {
            if (peerFailed.contains(dir.relativize(f).toString())) continue;
            (first.repairedFiles.contains(f) ? repaired : clean).add(f);
        }
        out.put("notes_on_clean_files", agreement(clean, first, peerScript));
        out.put("notes_on_repaired_files", agreement(repaired, first, peerScript));
        out.put("ratio", round(ours.filesPerS() / peer.path("files_per_s").asDouble()));
        out.put("target", 20.0);
        return out;
    }

    /** Our notes and mido's on a set of files, mido run untimed over a folder of links to just those files. */
    private static Map<String, Object> agreement(List<Path> files, Pass ours, Path peerScript) {
        Map<String, Object> out = new LinkedHashMap<>();
        long oursNotes = 0;
        for (Path f : files) oursNotes += ours.notesByFile.get(f);
        long peerNotes = 0;
        if (!files.isEmpty()) {
            Path links = null;
            try {
                links = Files.createTempDirectory("loopsmith-bench");
                int i = 0;
                for (Path f : files) Files.createSymbolicLink(links.resolve((i++) + ".mid"), f.toAbsolutePath());
                peerNotes = Peer.run(peerScript, List.of(links.toString()), 1800).path("notes").asLong();
            } catch (IOException e) {
                throw new LoopsmithException(links, "cannot link files for the peer: " + e.getMessage(), e);
            } finally {
                if (links != null) Folders.deleteTree(links);
            }
        }
        out.put("files", files.size());
        out.put("ours", oursNotes);
        out.put("peer", peerNotes);
        out.put("agree", oursNotes == peerNotes);
        return out;
    }

    private static final class Pass {
        long notes;
        int repaired;
        final List<Path> rejected = new ArrayList<>();
        final Map<Path, Long> notesByFile = new LinkedHashMap<>();
        final Set<Path> repairedFiles = new HashSet<>();
    }

    private static Pass pass(List<Path> files) {
        Pass p = new Pass();
        for (Path f : files) {
            try {
                MidiReadResult r = MidiReader.read(f);
                long n = r.piece().noteCount();
                p.notes += n;
                p.notesByFile.put(f, n);
                if (!r.clean()) {
                    p.repaired++;
                    p.repairedFiles.add(f);
                }
            } catch (MidiFormatException e) {
                p.rejected.add(f);
            }
        }
        return p;
    }

    /** The same files mido's peer walks: {@code .mid} and {@code .midi} in any case, sorted. */
    static List<Path> midiFiles(Path dir) {
        if (!Files.isDirectory(dir)) throw new LoopsmithException(dir, "not a directory");
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".mid") || n.endsWith(".midi");
            }).sorted().toList();
        } catch (IOException e) {
            throw new LoopsmithException(dir, "cannot list: " + e.getMessage(), e);
        }
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
