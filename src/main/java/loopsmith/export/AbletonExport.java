package loopsmith.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.Map;
import loopsmith.midi.MidiWriter;
import loopsmith.music.AtomicFiles;
import loopsmith.music.GeneralMidi;
import loopsmith.music.Key;
import loopsmith.music.Folders;
import loopsmith.music.LoopsmithException;
import loopsmith.music.Piece;
import loopsmith.music.Track;

/**
 * A result folder for Ableton Live: {@code <yyyymmdd-hhmmss>_<genre>_<bpm>bpm_<key>_s<seed>/} with one MIDI file per
 * track named for Live's browser ({@code Drums_124bpm.mid}, {@code Bass_124bpm_Am.mid}), {@code Full_124bpm.mid}
 * with every track, a piano-roll PNG and the {@code loopsmith.json} sidecar. The folder is written under a hidden
 * temporary name and renamed when complete, so a half-written result is never visible.
 */
public final class AbletonExport {
    private static final int MAX_NAME = 80;

    private AbletonExport() {}

    /** What to write: the piece, the labels for the folder name, and the sidecar's facts. */
    public record Item(Piece piece, String genre, long seed, Sidecar.Request request, Sidecar.ModelInfo model,
                       Sidecar.Generation generation, String version) { }

    public static Path write(Item item, Path outDir, ExportConfig config, Clock clock) {
        return write(item, outDir, config, clock, folder -> { });
    }

    /**
     * As {@link #write(Item, Path, ExportConfig, Clock)}, telling {@code midiReady} the folder being written as soon as
     * its MIDI files are complete, before the stems and piano roll: a client can take the notes from them while the
     * optional work goes on. The folder is the unfinished one (its final name comes with the return value).
     */
    public static Path write(Item item, Path outDir, ExportConfig config, Clock clock, Consumer<Path> midiReady) {
        return write(item, outDir, config, clock, midiReady, Map.of());
    }

    /**
     * As {@link #write(Item, Path, ExportConfig, Clock, Consumer)}, with more clips written beside the parts, as MIDI
     * only ({@code extraClips}: base file name → clip; the tempo is added to the name as for the parts). Interpolate's
     * steps are such clips: each is its own idea, not a part that plays along with the others.
     */
    public static Path write(Item item, Path outDir, ExportConfig config, Clock clock, Consumer<Path> midiReady,
                             Map<String, Piece> extraClips) {
        Piece p = item.piece();
        String bpm = bpmLabel(p.initialBpm());
        String key = p.key().map(Key::shortName).orElse("");
        String name = safe(LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT))
                + "_" + (item.genre() == null ? "idea" : item.genre()) + "_" + bpm + "bpm" + (key.isEmpty() ? "" : "_" + key)
                + "_s" + item.seed());
        try {
            Files.createDirectories(outDir);
            Path target = unique(outDir, name);
            Path tmp = Files.createTempDirectory(outDir, ".partial-" + name);
            try {
                List<String> files = new ArrayList<>();
                List<Sidecar.TrackEntry> tracks = new ArrayList<>();
                List<String> used = new ArrayList<>();
                List<String> stemNames = new ArrayList<>();
                List<String> stemUsed = new ArrayList<>();
                for (Track t : p.tracks()) {
                    String base = safe(t.name().replace(" ", ""));
                    stemNames.add(uniqueName(stemUsed, base));
                    String file = uniqueName(used, base + "_" + bpm + "bpm" + (t.isDrum() || key.isEmpty() ? "" : "_" + key)) + ".mid";
                    MidiWriter.write(p.withTracks(List.of(t)), tmp.resolve(file));
                    files.add(file);
                    tracks.add(new Sidecar.TrackEntry(t.name(), t.role().label(), t.isDrum() ? "Drum kit" : GeneralMidi.programName(t.program()),
                            t.program(), t.isDrum(), t.notes().size(), file));
                }
                List<Stems.Split> splits = new ArrayList<>();
                List<Sidecar.DrumPartEntry> emptyParts = new ArrayList<>();
                if (config.splitDrums()) {
                    for (int i = 0; i < p.tracks().size(); i++) {
                        Track t = p.tracks().get(i);
                        if (!t.isDrum()) continue;
                        for (DrumSplit.Part part : DrumSplit.of(t)) {
                            if (part.track().notes().isEmpty()) {
                                emptyParts.add(new Sidecar.DrumPartEntry(part.group().displayName(), part.group().label(), t.name(), 0, null, null));
                                continue;
                            }
                            String base = uniqueName(stemUsed, part.group().displayName());
                            String file = uniqueName(used, base + "_" + bpm + "bpm") + ".mid";
                            MidiWriter.write(p.withTracks(List.of(part.track())), tmp.resolve(file));
                            files.add(file);
                            splits.add(new Stems.Split(i, part.group(), part.track(), base, file));
                        }
                    }
                }
                for (Map.Entry<String, Piece> clip : extraClips.entrySet()) {
                    String file = uniqueName(used, safe(clip.getKey()) + "_" + bpm + "bpm") + ".mid";
                    MidiWriter.write(clip.getValue(), tmp.resolve(file));
                    files.add(file);
                }
                String full = "Full_" + bpm + "bpm.mid";
                MidiWriter.write(p, tmp.resolve(full));
                files.add(full);
                midiReady.accept(tmp);
                List<String> warnings = new ArrayList<>();
                List<String> stems = config.audio() ? Stems.write(p, tmp, stemNames, splits, config, warnings) : List.of();
                files.addAll(stems);
                PianoRoll.write(p, tmp.resolve("piano-roll.png"));
                files.add("piano-roll.png");
                files.add(Sidecar.FILE_NAME);
                new Sidecar(Sidecar.FORMAT, Sidecar.VERSION, item.version(), LocalDateTime.now(clock).toString(), item.request(),
                        item.model(), item.seed(), p.initialBpm(), p.key().map(Key::displayName).orElse(null),
                        p.initialTimeSignature().toString(), (int) p.lengthBars(), tracks, files, item.generation(), warnings,
                        config.splitDrums() ? drumParts(p, splits, emptyParts, stems) : null).write(tmp);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                AtomicFiles.syncDirectory(outDir); // the folder's new name survives a power cut
                return target;
            } catch (IOException | RuntimeException | Error e) {
                // An Error too (out of memory while rendering stems, a cancelled job's thread): a server goes on
                // running, and a half-written folder would sit in out/ until its next start.
                try {
                    Folders.deleteTree(tmp);
                } catch (LoopsmithException cleanup) {
                    e.addSuppressed(cleanup); // the failure that stopped the export is the one to report
                }
                throw e;
            }
        } catch (IOException e) {
            throw new LoopsmithException(outDir, "cannot write result folder: " + e.getMessage(), e);
        }
    }

    /** The sidecar's list of split drum parts: those written, then the empty groups, which have no files. */
    private static List<Sidecar.DrumPartEntry> drumParts(Piece p, List<Stems.Split> splits, List<Sidecar.DrumPartEntry> empty,
                                                         List<String> stems) {
        List<Sidecar.DrumPartEntry> out = new ArrayList<>();
        for (Stems.Split s : splits) {
            String wav = s.baseName() + ".wav";
            out.add(new Sidecar.DrumPartEntry(s.baseName(), s.group().label(), p.tracks().get(s.sourceTrack()).name(),
                    s.track().notes().size(), s.midiFile(), stems.contains(wav) ? wav : null));
        }
        out.addAll(empty);
        return out;
    }

    /** "124" for 124.0, "122.5" for 122.5: tempo as Live shows it in file names. */
    static String bpmLabel(double bpm) {
        return bpm == Math.rint(bpm) ? Long.toString(Math.round(bpm)) : String.format(Locale.ROOT, "%.1f", bpm);
    }

    /** Letters, digits, '-', '_', '#' and '.' only (no separators, no "..", no leading dot), at most 80 characters. */
    static String safe(String raw) {
        String s = raw.replaceAll("[^A-Za-z0-9#._-]+", "-").replaceAll("\\.{2,}", ".").replaceAll("^[.-]+", "");
        if (s.isEmpty()) s = "untitled";
        return s.length() > MAX_NAME ? s.substring(0, MAX_NAME) : s;
    }

    private static Path unique(Path dir, String name) {
        Path p = dir.resolve(name);
        for (int i = 2; Files.exists(p); i++) p = dir.resolve(name + "-" + i);
        return p;
    }

    private static String uniqueName(List<String> used, String base) {
        String n = base;
        for (int i = 2; used.contains(n); i++) n = base + "-" + i;
        used.add(n);
        return n;
    }
}
