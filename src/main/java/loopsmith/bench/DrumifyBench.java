package loopsmith.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import loopsmith.audio.SoundFonts;
import loopsmith.audio.StemRenderer;
import loopsmith.audio.WavWriter;
import loopsmith.midi.MidiReader;
import loopsmith.music.Folders;
import loopsmith.music.LoopsmithException;
import loopsmith.music.Note;
import loopsmith.music.Piece;
import loopsmith.music.Role;
import loopsmith.music.TimeSignature;
import loopsmith.music.Track;
import loopsmith.service.DrumifyService;
import loopsmith.service.OnsetCover;

/**
 * {@code bench drumify}: Drumify on clips the bundled model never saw (POP909 melodies and bass lines, the bass being
 * the piano part's notes below G3; Nottingham melodies and chord parts), each under several genres, next to the
 * model's own drums for the genre written without hearing the clip (same tempo, meter, bars and seed). Reported:
 * the share of the clip's onsets that carry a drum hit (the model's own hits, and after Drumify's additions), the
 * share of strong onsets with a kick or snare, and per genre the share of drum parts that hold the genre's idiom
 * ({@link loopsmith.eval.DrumIdioms}). A few clips are also rendered to audio and drumified from the WAV, their onsets
 * then being what the analysis hears. ratio = our onset coverage / the baseline's.
 */
public final class DrumifyBench {
    /** Piano notes below this are the bass line of a POP909 song (the piano part's left hand). */
    private static final int BASS_BELOW = 55;

    private DrumifyBench() {}

    /** One clip to drumify: where it came from and the piece. */
    private record Clip(String name, Piece piece) { }

    public static Map<String, Object> run(Path corpus, Path model, List<String> genres, int perSet, int bars, int candidates,
                                          long seed, int audioClips) {
        long t0 = System.nanoTime();
        DrumifyService.Engine engine = DrumifyService.Engine.load(model, false, candidates > 1);
        List<Optional<String>> asked = new ArrayList<>();
        for (String g : genres) asked.add(engine.genre(Optional.of(g)));
        List<Clip> clips = new ArrayList<>();
        clips.addAll(pop909(corpus.resolve("pop909"), perSet, bars));
        clips.addAll(nottingham(corpus.resolve("nottingham"), perSet, bars));
        Tally ours = new Tally(), baseline = new Tally(), audio = new Tally();
        int i = 0;
        for (Clip c : clips) {
            DrumifyService.Clip clip = new DrumifyService.Clip(null, "midi", c.piece(), Optional.empty());
            for (Optional<String> g : asked) {
                long s = seed + 100L * i++;
                ours.add(g.get(), engine.follow(clip, g, s, candidates));
                baseline.add(g.get(), engine.unconstrained(clip, g, s));
            }
        }
        Map<String, Object> audioResult = new LinkedHashMap<>();
        Optional<Path> sf2 = SoundFonts.find(Optional.empty());
        if (audioClips > 0 && sf2.isPresent()) {
            Path dir = tempDir();
            try {
                StemRenderer renderer = new StemRenderer(sf2.get(), 44100);
                for (int a = 0; a < Math.min(audioClips, clips.size()); a++) {
                    Clip c = clips.get(a * Math.max(1, clips.size() / audioClips));
                    Path wav = dir.resolve("clip-" + a + ".wav");
                    Piece p = c.piece();
                    WavWriter.write(wav, renderer.render(p, p.tracks().get(0), renderer.loopFrames(p), 0), 44100, 16);
                    DrumifyService.Clip heard = DrumifyService.readClip(wav, Optional.of(bars), 120);
                    for (Optional<String> g : asked) audio.add(g.get(), engine.follow(heard, g, seed + 100L * i++, candidates));
                }
            } finally {
                Folders.deleteTree(dir);
            }
            audioResult = audio.summary();
            audioResult.put("what", "clips rendered with the SoundFont and drumified from the WAV: onsets as the analysis hears them");
        } else {
            audioResult.put("skipped", sf2.isEmpty() ? "no SoundFont found" : "--audio-clips 0");
        }

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("bench", "drumify");
        out.put("model", model.getFileName().toString());
        out.put("clips", clips.size());
        out.put("clip_names", clips.stream().map(Clip::name).toList());
        out.put("genres", genres);
        out.put("bars", bars);
        out.put("candidates", candidates);
        out.put("seed", seed);
        Map<String, Object> oursMap = ours.summary();
        oursMap.put("what", "Drumify: " + candidates + " candidates (half hearing the clip, half for the genre), the chosen one made to carry every onset");
        out.put("ours", oursMap);
        Map<String, Object> base = baseline.summary();
        base.put("what", "the model's drums for the genre at the clip's tempo, meter and bars, not hearing the clip");
        out.put("baseline", base);
        out.put("audio", audioResult);
        out.put("targets", Map.of("onset_coverage", ">= 0.9", "strong_with_kick_or_snare", "all strong onsets", "idiom",
                "the genre's idiom holds (as the model's own drums do)"));
        out.put("ratio", round(ours.coverage() / Math.max(1e-9, baseline.coverage())));
        out.put("seconds", round((System.nanoTime() - t0) / 1e9));
        return out;
    }

    /** POP909 songs from the end of the list: the melody, and the bass line of the piano part. */
    private static List<Clip> pop909(Path dir, int n, int bars) {
        List<Clip> out = new ArrayList<>();
        List<Clip> bass = new ArrayList<>();
        for (Path song : sorted(dir, true)) {
            if (out.size() >= n && bass.size() >= n) break;
            Path f = song.resolve(song.getFileName() + ".mid");
            if (!Files.isRegularFile(f)) continue;
            Piece p = MidiReader.read(f).piece();
            if (!p.initialTimeSignature().equals(TimeSignature.FOUR_FOUR)) continue;
            for (Track t : p.tracks()) {
                if (t.name().equalsIgnoreCase("MELODY") && out.size() < n) window(p, t, bars).ifPresent(w -> out.add(new Clip("pop909/" + song.getFileName() + " melody", w)));
                if (t.name().equalsIgnoreCase("PIANO") && bass.size() < n) {
                    Track low = new Track("Bass", Role.BASS, 33, false, t.notes().stream().filter(x -> x.pitch() < BASS_BELOW).toList());
                    window(p, low, bars).ifPresent(w -> bass.add(new Clip("pop909/" + song.getFileName() + " bass", w)));
                }
            }
        }
        out.addAll(bass);
        return out;
    }

    /** Nottingham tunes in 4/4 or 2/4: the melody (first part) and the chords (second part). */
    private static List<Clip> nottingham(Path dir, int n, int bars) {
        List<Clip> melodies = new ArrayList<>();
        List<Clip> chords = new ArrayList<>();
        for (Path f : sorted(dir, false)) {
            if (melodies.size() >= n && chords.size() >= n) break;
            if (!f.getFileName().toString().endsWith(".mid")) continue;
            Piece p = MidiReader.read(f).piece();
            TimeSignature ts = p.initialTimeSignature();
            if (!ts.equals(TimeSignature.FOUR_FOUR) || p.timeSignatures().size() > 1 || p.tracks().size() < 2) continue;
            String name = "nottingham/" + f.getFileName().toString().replace(".mid", "");
            if (melodies.size() < n) window(p, p.tracks().get(0), bars).ifPresent(w -> melodies.add(new Clip(name + " melody", w)));
            if (chords.size() < n) window(p, p.tracks().get(1), bars).ifPresent(w -> chords.add(new Clip(name + " chords", w)));
        }
        melodies.addAll(chords);
        return melodies;
    }

    /** The track alone, from the bar of its first note, {@code bars} bars long; empty when it has no notes. */
    private static Optional<Piece> window(Piece p, Track t, int bars) {
        if (t.notes().isEmpty()) return Optional.empty();
        long from = p.barGrid().barStartTick(p.barGrid().barAt(t.notes().get(0).startTick()));
        List<Note> shifted = t.notes().stream().filter(x -> x.startTick() >= from)
                .map(x -> new Note(x.pitch(), x.velocity(), x.startTick() - from, x.durationTicks())).toList();
        Piece alone = Piece.of(p.ticksPerQuarter(), p.initialBpm(), p.initialTimeSignature(), p.key(), List.of(t.withNotes(shifted)), p.endTick() - from);
        Piece cut = DrumifyService.firstBars(alone, bars);
        return cut.noteCount() == 0 ? Optional.empty() : Optional.of(cut);
    }

    private static List<Path> sorted(Path dir, boolean descending) {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> out = new ArrayList<>(s.sorted().toList());
            if (descending) java.util.Collections.reverse(out);
            return out;
        } catch (IOException e) {
            throw new LoopsmithException(dir, "cannot list: " + e.getMessage(), e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("loopsmith-bench-drumify");
        } catch (IOException e) {
            throw new LoopsmithException(null, "cannot create a temp folder: " + e.getMessage(), e);
        }
    }

    /** Sums over cases, overall and per genre. */
    private static final class Tally {
        private final Map<String, long[]> byGenre = new LinkedHashMap<>(); // onsets, covered, own, strong, strongOk, idiomJudged, idiomHeld, cases, added, heard, kickSnare, kickSnareOnOnsets
        private final long[] all = new long[12];

        void add(String genre, DrumifyService.Drumified d) {
            long[] g = byGenre.computeIfAbsent(genre, k -> new long[12]);
            for (long[] t : List.of(all, g)) {
                OnsetCover.Coverage r = d.result();
                t[0] += r.onsets();
                t[1] += r.covered();
                t[2] += d.own().covered();
                t[3] += r.strong();
                t[4] += r.strongWithKickOrSnare();
                if (d.idiom().isPresent()) {
                    t[5]++;
                    if (d.idiom().get()) t[6]++;
                }
                t[7]++;
                t[8] += d.added();
                if (d.heardClip()) t[9]++;
                t[10] += r.kickSnareHits();
                t[11] += r.kickSnareOnOnsets();
            }
        }

        double coverage() {
            return all[0] == 0 ? 0 : (double) all[1] / all[0];
        }

        Map<String, Object> summary() {
            Map<String, Object> m = figures(all);
            Map<String, Object> genres = new LinkedHashMap<>();
            byGenre.forEach((g, t) -> genres.put(g, figures(t)));
            m.put("by_genre", genres);
            return m;
        }

        private static Map<String, Object> figures(long[] t) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cases", t[7]);
            m.put("onsets", t[0]);
            m.put("onset_coverage", round(t[0] == 0 ? 0 : (double) t[1] / t[0]));
            m.put("model_own_coverage", round(t[0] == 0 ? 0 : (double) t[2] / t[0]));
            m.put("strong_onsets", t[3]);
            m.put("strong_with_kick_or_snare", round(t[3] == 0 ? 1 : (double) t[4] / t[3]));
            m.put("kick_snare_on_onsets", round(t[10] == 0 ? 0 : (double) t[11] / t[10]));
            m.put("idiom_pass", round(t[5] == 0 ? 0 : (double) t[6] / t[5]));
            m.put("added_hits_per_case", round(t[7] == 0 ? 0 : (double) t[8] / t[7]));
            m.put("chosen_heard_clip", round(t[7] == 0 ? 0 : (double) t[9] / t[7]));
            return m;
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
