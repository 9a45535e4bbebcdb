package loopsmith.server;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.time.Duration;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import loopsmith.library.DrumGrid;
import loopsmith.music.LoopsmithException;
import loopsmith.music.Piece;
import org.eclipse.jetty.http.BadMessageException;
import loopsmith.service.GenerateOptions;
import loopsmith.service.GenerateService;
import loopsmith.service.GrooveService;

/**
 * The HTTP JSON API and the web page, as Javalin routes. Every generation goes through {@link Jobs}; files are served
 * only through {@link ResultFiles}; uploads only through {@link Uploads}. Errors are JSON {@code {error, reason}}.
 */
final class HttpApi {
    /** Room for the multipart envelope and the request JSON around an upload of the maximum size. */
    private static final long ENVELOPE_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    private static final String TOKEN_PLACEHOLDER = "{{LOOPSMITH_TOKEN}}";

    private final ServerConfig config;
    private final Admission admission;
    private final Jobs jobs;
    private final ResultFiles results;
    private final Uploads uploads;
    private final RequestGuard guard;
    private final String version;
    private final GrooveService grooveService;

    HttpApi(ServerConfig config, Admission admission, Jobs jobs, ResultFiles results, RequestGuard guard, String version) {
        this.config = config;
        this.admission = admission;
        this.jobs = jobs;
        this.results = results;
        this.uploads = new Uploads(config.outDir(), config.maxUploadBytes(), config.budget().maxClipSeconds());
        this.guard = guard;
        this.version = version;
        this.grooveService = new GrooveService(config.home());
    }

    void configure(JavalinConfig c) {
        c.startup.showJavalinBanner = false;
        c.startup.showOldJavalinVersionWarning = false;
        c.http.maxRequestSize = config.maxUploadBytes() + ENVELOPE_BYTES;
        // Jetty's own limits sit above ours so that an upload just past the limit gets our 413 with a reason.
        c.jetty.multipartConfig.maxFileSize(config.maxUploadBytes() + ENVELOPE_BYTES, SizeUnit.BYTES);
        c.jetty.multipartConfig.maxTotalRequestSize(config.maxUploadBytes() + ENVELOPE_BYTES, SizeUnit.BYTES);
        c.jetty.multipartConfig.maxInMemoryFileSize((int) Math.min(Integer.MAX_VALUE, config.maxUploadBytes()), SizeUnit.BYTES);
        c.staticFiles.add(s -> {
            s.hostedPath = "/";
            s.directory = "/loopsmith/web";
            s.location = Location.CLASSPATH;
        });
        c.routes.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            // The page loads only its own scripts, styles, images and audio: nothing from elsewhere.
            ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; media-src 'self'; frame-ancestors 'none'");
            // File URLs may carry the token as a query parameter; no Referer takes it anywhere.
            ctx.header("Referrer-Policy", "no-referrer");
            guard.checkHost(ctx);
        });
        c.routes.before("/api/*", guard::checkApi);
        c.routes.before("/api/groove", ctx -> {
            if (ctx.contentLength() > config.maxUploadBytes() + ENVELOPE_BYTES)
                throw new ApiException(413, "request too large: uploads may be at most " + config.maxUploadBytes() + " bytes");
        });
        for (String upload : List.of("/api/generate", "/api/drumify", "/api/interpolate"))
            c.routes.before(upload, ctx -> {
                if (ctx.contentLength() > config.maxUploadBytes() + ENVELOPE_BYTES)
                    throw new ApiException(413, "request too large: uploads may be at most " + config.maxUploadBytes() + " bytes");
            });
        c.routes.get("/", this::page);
        c.routes.get("/index.html", this::page);
        c.routes.get("/api/health", this::health);
        c.routes.get("/api/models", this::models);
        c.routes.get("/api/openapi.json", this::openapi);
        c.routes.post("/api/generate", this::generate);
        c.routes.post("/api/groove", this::groove);
        c.routes.post("/api/drumify", this::drumify);
        c.routes.post("/api/interpolate", this::interpolate);
        c.routes.get("/api/jobs/{id}", this::job);
        c.routes.delete("/api/jobs/{id}", this::cancel);
        c.routes.get("/api/results", ctx -> json(ctx, 200, Map.of("results", results.list(100))));
        c.routes.get("/api/results/{folder}", this::folder);
        c.routes.get("/api/results/{folder}/{file}", this::file);

        c.routes.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), results.relative(e.getMessage(), config.home())));
        c.routes.exception(Jobs.Full.class, (e, ctx) -> {
            ctx.header("Retry-After", Integer.toString(e.retryAfterSeconds()));
            error(ctx, 429, e.getMessage());
        });
        c.routes.exception(LoopsmithException.class, (e, ctx) ->
                error(ctx, 400, results.relative((e.file() == null ? "" : e.file().getFileName() + ": ") + e.reason(), config.home())));
        c.routes.exception(JsonProcessingException.class, (e, ctx) -> error(ctx, 400, "invalid JSON: " + e.getOriginalMessage()));
        c.routes.exception(Exception.class, (e, ctx) -> {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BadMessageException bad) {
                    // Jetty refuses a body past its multipart limits or malformed with a BadMessageException.
                    boolean tooLarge = String.valueOf(bad.getCause()).contains("max") || bad.getCode() == 413;
                    error(ctx, tooLarge ? 413 : 400, tooLarge ? "request too large: uploads may be at most " + config.maxUploadBytes()
                            + " bytes" : "malformed request: " + bad.getReason());
                    return;
                }
            }
            error(ctx, 500, results.relative("internal error: " + e, config.home()));
        });
    }

    /** The page, with this server's token in a meta tag for its script to send (the page itself cannot be read cross-site). */
    private void page(Context ctx) throws IOException {
        try (InputStream in = HttpApi.class.getResourceAsStream("/loopsmith/page/index.html")) {
            if (in == null) throw new ApiException(500, "the web page is missing from the build");
            String html = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            ctx.header("Cache-Control", "no-store"); // a new token on every start: a cached page would only get 403s
            ctx.contentType("text/html; charset=utf-8").result(html.replace(TOKEN_PLACEHOLDER, guard.token()));
        }
    }

    /** {@code GET /api/health}: the server's version and load. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Health(String status, String version, int workers, int running, int queued, int queueCapacity, long refusedRequests) { }

    /** One checkpoint in {@code GET /api/models}. */
    record ModelEntry(String name, long bytes, @JsonProperty("default") boolean isDefault) { }

    private void health(Context ctx) {
        json(ctx, 200, new Health("ok", version, config.workers(), jobs.running(), jobs.queued(), config.queueCapacity(), guard.refused()));
    }

    /** The bundled model and any other checkpoint beside it; generation uses the bundled one. */
    private void models(Context ctx) throws IOException {
        Path dir = config.home().resolve(GenerateService.DEFAULT_MODEL).getParent();
        List<Path> files = List.of();
        if (Files.isDirectory(dir)) try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".ckpt")).sorted().toList();
        }
        Path def = config.home().resolve(GenerateService.DEFAULT_MODEL);
        List<ModelEntry> out = new ArrayList<>();
        for (Path f : files) out.add(new ModelEntry(f.getFileName().toString().replaceFirst("\\.ckpt$", ""), Files.size(f), f.equals(def)));
        json(ctx, 200, Map.of("models", out));
    }

    private void openapi(Context ctx) throws IOException {
        try (InputStream in = HttpApi.class.getResourceAsStream("/loopsmith/openapi.json")) {
            if (in == null) throw new ApiException(500, "openapi.json is missing from the build");
            ctx.contentType("application/json").result(in.readAllBytes());
        }
    }

    private void generate(Context ctx) throws IOException {
        GenerateForm form;
        Optional<Path> seed = Optional.empty();
        Optional<Path> clip = Optional.empty();
        if (ctx.isMultipartFormData()) {
            String request = ctx.formParam("request");
            form = request == null || request.isBlank() ? emptyForm() : JSON.readValue(request, GenerateForm.class);
            form.check(config.maxPromptChars());
            UploadedFile midi = ctx.uploadedFile("seed_midi");
            if (midi != null) seed = Optional.of(uploads.storeMidi(uploads.read(midi.content())));
            UploadedFile audio = ctx.uploadedFile("audio");
            try {
                if (audio != null) clip = Optional.of(uploads.storeAudio(uploads.read(audio.content())));
            } catch (ApiException e) {
                seed.ifPresent(Uploads::delete);
                throw e;
            }
        } else {
            guard.requireJsonOrMultipart(ctx);
            byte[] body = ctx.bodyAsBytes();
            form = body.length == 0 ? emptyForm() : JSON.readValue(body, GenerateForm.class);
            form.check(config.maxPromptChars());
        }
        GenerateOptions options;
        try {
            options = form.toOptions(config.outDir(), seed, clip);
        } catch (RuntimeException e) {
            seed.ifPresent(Uploads::delete);
            clip.ifPresent(Uploads::delete);
            throw e;
        }
        Job job = admission.submit(options);
        ctx.header("Location", "/api/jobs/" + job.id());
        json(ctx, 202, Map.of("job", job.id(), "status_url", "/api/jobs/" + job.id()));
    }

    /** Drumify: multipart with the {@code clip} (MIDI or audio, judged by content) and an optional JSON {@code request}. */
    private void drumify(Context ctx) throws IOException {
        if (!ctx.isMultipartFormData())
            throw new ApiException(415, "drumify takes multipart/form-data: the clip as the file part 'clip', options as the JSON part 'request'");
        String request = ctx.formParam("request");
        DrumifyForm form = request == null || request.isBlank() ? DrumifyForm.EMPTY : JSON.readValue(request, DrumifyForm.class);
        form.check();
        UploadedFile upload = ctx.uploadedFile("clip");
        if (upload == null) throw new ApiException(400, "clip: required (a MIDI file, or a WAV, AIFF or FLAC clip, as the file part 'clip')");
        byte[] data = uploads.read(upload.content());
        Path clip = switch (Uploads.sniff(data)) {
            case MIDI -> uploads.storeMidi(data);
            case AUDIO -> uploads.storeAudio(data);
            case UNKNOWN -> throw new ApiException(415, "clip: not a MIDI file or a WAV, AIFF or FLAC clip (judged by its first bytes)");
        };
        Job job = admission.submit(form.toOptions(config.outDir(), clip));
        ctx.header("Location", "/api/jobs/" + job.id());
        json(ctx, 202, Map.of("job", job.id(), "status_url", "/api/jobs/" + job.id()));
    }

    /** Interpolate: multipart with the MIDI clips {@code clip_a} and {@code clip_b} and an optional JSON {@code request}. */
    private void interpolate(Context ctx) throws IOException {
        if (!ctx.isMultipartFormData())
            throw new ApiException(415, "interpolate takes multipart/form-data: the clips as the file parts 'clip_a' and 'clip_b', "
                    + "options as the JSON part 'request'");
        String request = ctx.formParam("request");
        InterpolateForm form = request == null || request.isBlank() ? InterpolateForm.EMPTY : JSON.readValue(request, InterpolateForm.class);
        form.check();
        byte[][] clips = new byte[2][];
        String[] names = {"clip_a", "clip_b"};
        for (int i = 0; i < 2; i++) {
            UploadedFile upload = ctx.uploadedFile(names[i]);
            if (upload == null) throw new ApiException(400, names[i] + ": required (a MIDI clip, as the file part '" + names[i] + "')");
            clips[i] = uploads.read(upload.content());
            if (Uploads.sniff(clips[i]) != Uploads.Kind.MIDI)
                throw new ApiException(415, names[i] + ": not a Standard MIDI File (judged by its first bytes); interpolate takes MIDI clips");
        }
        Path a = uploads.storeMidi(clips[0]);
        Path b;
        try {
            b = uploads.storeMidi(clips[1]);
        } catch (RuntimeException e) {
            Uploads.delete(a);
            throw e;
        }
        Job job = admission.submit(form.toOptions(config.outDir(), a, b));
        ctx.header("Location", "/api/jobs/" + job.id());
        json(ctx, 202, Map.of("job", job.id(), "status_url", "/api/jobs/" + job.id()));
    }

    /**
     * Groove: multipart with the drum {@code clip} (a MIDI file) and an optional JSON {@code request}. Grooving takes
     * milliseconds, so the grooved MIDI file is the answer itself, with the seed and the hit count in headers; no job.
     */
    private void groove(Context ctx) throws IOException {
        if (!ctx.isMultipartFormData())
            throw new ApiException(415, "groove takes multipart/form-data: the drum clip as the file part 'clip', options as the JSON part 'request'");
        String request = ctx.formParam("request");
        GrooveForm form = request == null || request.isBlank() ? GrooveForm.EMPTY : JSON.readValue(request, GrooveForm.class);
        GrooveService.Request options = form.toRequest();
        UploadedFile upload = ctx.uploadedFile("clip");
        if (upload == null) throw new ApiException(400, "clip: required (a MIDI drum clip, as the file part 'clip')");
        byte[] data = uploads.read(upload.content());
        if (Uploads.sniff(data) != Uploads.Kind.MIDI)
            throw new ApiException(415, "clip: not a Standard MIDI File (judged by its first bytes); groove takes MIDI drum clips");
        Piece clip = grooveService.readClip(data, Path.of("clip"));
        long drumBars = clip.lengthBars() * clip.tracks().stream().filter(DrumGrid::isDrums).count();
        if (drumBars > config.budget().maxPartBars())
            throw new ApiException(413, "clip: " + drumBars + " bars of drum parts; this server grooves at most " + config.budget().maxPartBars());
        GrooveService.Grooved g = grooveService.groove(clip, options);
        ctx.header("X-Loopsmith-Seed", Long.toString(g.seed()));
        ctx.header("X-Loopsmith-Hits", Integer.toString(g.hits()));
        g.genre().ifPresent(genre -> ctx.header("X-Loopsmith-Genre", genre));
        if (!g.warnings().isEmpty()) ctx.header("X-Loopsmith-Warnings", String.join("; ", g.warnings()).replaceAll("[^\\x20-\\x7e]", "?"));
        ctx.header("Content-Disposition", "attachment; filename=\"grooved.mid\"");
        ctx.status(200).contentType(ResultFiles.contentType("grooved.mid")).result(g.midi());
    }

    /** The most a client may wait in one {@code GET /api/jobs/{id}?wait=S}: a request is not held open for long. */
    static final double MAX_WAIT_SECONDS = 30;

    /** {@code ?wait=S} answers when the job ends or after S seconds (at most 30), whichever is first: no polling. */
    private void job(Context ctx) throws InterruptedException {
        Job job = jobs.get(ctx.pathParam("id")).orElseThrow(() -> new ApiException(404, "no such job"));
        String wait = ctx.queryParam("wait");
        if (wait != null) {
            double seconds;
            try {
                seconds = Double.parseDouble(wait);
            } catch (NumberFormatException e) {
                throw new ApiException(400, "wait: seconds expected, got '" + wait + "'");
            }
            if (!(seconds >= 0)) throw new ApiException(400, "wait: 0 to " + (int) MAX_WAIT_SECONDS + " seconds");
            job.awaitEnd(Duration.ofMillis((long) (Math.min(seconds, MAX_WAIT_SECONDS) * 1000)));
        }
        json(ctx, 200, describe(job.view(jobs.expectedSeconds())));
    }

    /** Cancels a queued or running job: 200 with the job, now cancelled; 409 if it had already ended. */
    private void cancel(Context ctx) {
        Job job = jobs.get(ctx.pathParam("id")).orElseThrow(() -> new ApiException(404, "no such job"));
        if (!jobs.cancel(job))
            throw new ApiException(409, "the job has already ended (" + job.status().name().toLowerCase(Locale.ROOT) + "); nothing to cancel");
        json(ctx, 200, describe(job.view(jobs.expectedSeconds())));
    }

    /** A job for a client: status, progress, the reason it failed, or its result folders with file URLs. */
    JobView describe(Job.View v) {
        return new JobView(v.id(), v.status().name().toLowerCase(Locale.ROOT), v.progress(), Math.round(v.seconds() * 100) / 100.0,
                v.error() == null ? null : results.relative(v.error(), config.home()),
                v.warnings().isEmpty() ? null : v.warnings().stream().map(w -> results.relative(w, config.home())).toList(),
                v.status() == Job.Status.DONE ? v.folders().stream().map(results::describe).toList() : null);
    }

    private void folder(Context ctx) throws IOException {
        String name = ctx.pathParam("folder");
        if (name.endsWith(".zip")) {
            Path folder = results.folder(name.substring(0, name.length() - 4));
            ctx.contentType("application/zip");
            ctx.header("Content-Disposition", "attachment; filename=\"" + folder.getFileName() + ".zip\"");
            results.zip(folder, ctx.outputStream());
            return;
        }
        json(ctx, 200, results.describe(results.folder(name)));
    }

    private void file(Context ctx) throws IOException {
        Path f = results.file(ctx.pathParam("folder"), ctx.pathParam("file"));
        ctx.contentType(ResultFiles.contentType(f.getFileName().toString()));
        // Seekable so audio players can jump around a stem.
        ctx.writeSeekableStream(Files.newInputStream(f), ResultFiles.contentType(f.getFileName().toString()), Files.size(f));
    }

    private static GenerateForm emptyForm() {
        return new GenerateForm(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
    }

    private static void error(Context ctx, int status, String reason) {
        String error = switch (status) {
            case 400 -> "bad_request";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 409 -> "conflict";
            case 413 -> "too_large";
            case 415 -> "unsupported_type";
            case 421 -> "misdirected";
            case 507 -> "insufficient_storage";
            case 429 -> "busy";
            default -> "internal";
        };
        json(ctx, status, Map.of("error", error, "reason", reason));
    }

    static void json(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json").result(JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON for " + body.getClass().getSimpleName(), e);
        }
    }
}
