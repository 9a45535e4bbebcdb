package loopsmith.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import loopsmith.generate.GenerationRequest;
import loopsmith.music.LoopsmithException;
import loopsmith.service.DrumifyOptions;
import loopsmith.service.DrumifyService;
import loopsmith.service.GenerateOptions;
import loopsmith.service.GenerateService;
import loopsmith.service.InterpolateOptions;
import loopsmith.service.InterpolateService;

/**
 * What the server takes on as a job, for HTTP and OSC alike: the request's work within the budget (413 with the
 * reason), room for what it will write (507), then a place in the queue (429). Each of a request's fields is bounded on
 * its own; their product is what costs time, memory and disk, and it is checked here before anything runs.
 */
final class Admission {
    private final ServerConfig.Budget budget;
    private final GenerateService service;
    private final DrumifyService drumify;
    private final InterpolateService interpolate;
    private final Jobs jobs;
    private final OutputFolder output;

    Admission(ServerConfig.Budget budget, GenerateService service, DrumifyService drumify, InterpolateService interpolate, Jobs jobs,
              OutputFolder output) {
        this.budget = budget;
        this.service = service;
        this.drumify = drumify;
        this.interpolate = interpolate;
        this.jobs = jobs;
        this.output = output;
    }

    /** Queues {@code o}; its stored uploads are deleted when it ends, or now if it is refused. */
    Job submit(GenerateOptions o) {
        List<Path> uploads = new ArrayList<>();
        o.seedMidi().ifPresent(uploads::add);
        o.audio().ifPresent(uploads::add);
        Runnable deleteUploads = () -> uploads.forEach(Uploads::delete);
        try {
            GenerateService.Work work = estimate(o);
            check(work);
            OutputFolder.Reservation room = output.reserve(work.bytes(o.export()));
            return jobs.submit(o, () -> {
                room.release();
                deleteUploads.run();
            });
        } catch (RuntimeException e) {
            deleteUploads.run(); // refused: the uploads have no job to outlive
            throw e;
        }
    }

    /** Queues a Drumify of {@code o}'s stored clip, under the same budget and queue as generate; the clip is deleted when it ends. */
    Job submit(DrumifyOptions o) {
        Runnable deleteUpload = () -> Uploads.delete(o.clip());
        try {
            GenerateService.Work work;
            try {
                work = drumify.estimate(o);
            } catch (LoopsmithException e) {
                throw new ApiException(400, "clip: " + e.reason());
            }
            check(work);
            OutputFolder.Reservation room = output.reserve(work.bytes(o.export()));
            return jobs.submitWork(() -> {
                output.requireFree(work.bytes(o.export()));
                DrumifyService.Outcome outcome;
                try {
                    outcome = drumify.drumify(o);
                } catch (LoopsmithException e) {
                    // The stored name means nothing to the client: the clip is the part it sent.
                    throw new LoopsmithException(e.file() != null && e.file().equals(o.clip()) ? Path.of("clip") : e.file(), e.reason(), e);
                }
                output.afterJob();
                return new Jobs.Made(List.of(outcome.folder()), outcome.warnings());
            }, () -> {
                room.release();
                deleteUpload.run();
            });
        } catch (RuntimeException e) {
            deleteUpload.run();
            throw e;
        }
    }

    /** Queues an Interpolate of {@code o}'s two stored clips, under the same budget and queue as generate; both are deleted when it ends. */
    Job submit(InterpolateOptions o) {
        Runnable deleteUploads = () -> {
            Uploads.delete(o.clipA());
            Uploads.delete(o.clipB());
        };
        try {
            GenerateService.Work work;
            try {
                work = interpolate.estimate(o);
            } catch (LoopsmithException e) {
                throw new ApiException(400, clipNames(e, o));
            }
            check(work);
            OutputFolder.Reservation room = output.reserve(work.bytes(o.export()));
            return jobs.submitWork(() -> {
                output.requireFree(work.bytes(o.export()));
                InterpolateService.Outcome outcome;
                try {
                    outcome = interpolate.interpolate(o);
                } catch (LoopsmithException e) {
                    throw new LoopsmithException(null, clipNames(e, o), e);
                }
                output.afterJob();
                return new Jobs.Made(List.of(outcome.folder()), outcome.interpolated().warnings());
            }, () -> {
                room.release();
                deleteUploads.run();
            });
        } catch (RuntimeException e) {
            deleteUploads.run();
            throw e;
        }
    }

    /** An error about the stored clips as the client knows them: the parts clip_a and clip_b, named first. */
    private static String clipNames(LoopsmithException e, InterpolateOptions o) {
        String reason = e.reason().replace(o.clipA().getFileName().toString(), "clip_a").replace(o.clipB().getFileName().toString(), "clip_b");
        String part = o.clipA().equals(e.file()) ? "clip_a: " : o.clipB().equals(e.file()) ? "clip_b: " : "";
        return part + reason;
    }

    /** The service's estimate; a seed or clip that does not read is a 400 that names the part, not the stored name. */
    private GenerateService.Work estimate(GenerateOptions o) {
        try {
            return service.estimate(o);
        } catch (LoopsmithException e) {
            Path f = e.file();
            String part = f == null ? "" : f.equals(o.seedMidi().orElse(null)) ? "seed_midi: " : f.equals(o.audio().orElse(null)) ? "audio: "
                    : f.getFileName() + ": ";
            throw new ApiException(400, part + e.reason());
        }
    }

    private void check(GenerateService.Work w) {
        if (w.seedBars() > GenerationRequest.MAX_BARS)
            throw new ApiException(413, "seed_midi: " + w.seedBars() + " bars; at most " + GenerationRequest.MAX_BARS + " (cut it shorter)");
        if (w.seedTracks() > budget.maxSeedTracks())
            throw new ApiException(413, "seed_midi: " + w.seedTracks() + " tracks; at most " + budget.maxSeedTracks());
        if (w.partBars() > budget.maxPartBars())
            throw new ApiException(413, String.format(Locale.ROOT, "too much work for one request: %d bars × %d parts × %d variations = %d "
                    + "part-bars; this server allows %d (ask for fewer bars, parts or variations)", w.bars(), w.parts(), w.variations(),
                    w.partBars(), budget.maxPartBars()));
        if (w.audioSeconds() > budget.maxAudioSeconds())
            throw new ApiException(413, String.format(Locale.ROOT, "too much audio for one request: a %.1f s loop × (%d parts + the mix) × "
                    + "%d variations = %.0f s of WAV; this server allows %.0f s (ask for fewer bars, parts or variations, a faster "
                    + "tempo, or audio: false)", w.loopSeconds(), w.parts(), w.variations(), w.audioSeconds(), budget.maxAudioSeconds()));
    }
}
