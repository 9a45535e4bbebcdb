package loopsmith.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.illposed.osc.OSCMessage;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import loopsmith.export.ExportConfig;
import loopsmith.music.LoopsmithException;
import loopsmith.service.GenerateInput;
import loopsmith.service.GenerateOptions;
import loopsmith.service.GenerateService;

/**
 * {@code bench serve}: a 4-bar 4-track MIDI-only idea as Live asks for it, from the request to the notes in hand, over
 * HTTP (POST, then {@code GET /api/jobs/{id}?wait=30}, answered when the job is done) and over OSC (generate, until {@code /loopsmith/done} after the notes),
 * the first request after {@code serve} starts included; next to the same generation in process, warm. Ratio = the
 * round trip's median over the in-process median.
 */
public final class RoundTripBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROMPT = "house with drums, bass, chords and melody";
    private static final int BARS = 4;

    private RoundTripBench() {}

    public static Map<String, Object> run(Path home, Path work, int requests) {
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            Files.createDirectories(work);
            // The server first, in this fresh JVM, so its first request meets what a new `serve` meets: nothing compiled.
            ServerConfig config = ServerConfig.defaults(home).withPorts(0, 0).withOutDir(work.resolve("served"))
                    .withStorage(new ServerConfig.Storage(0, 0, 0));
            double[] http;
            double[] osc;
            long t0 = System.nanoTime();
            try (Server server = Server.start(config, Clock.systemUTC(), "bench", true)) {
                double startSeconds = (System.nanoTime() - t0) / 1e9;
                out.put("server_start_s", round(startSeconds));
                http = http(server, requests);
                osc = osc(server, requests);
            }
            double[] inProcess = inProcess(home, work.resolve("in-process"), requests);
            out.put("in_process_s", summary(inProcess));
            out.put("http_s", summary(http));
            out.put("osc_s", summary(osc));
            out.put("http_first_s", round(http[0]));
            double base = median(inProcess);
            double worst = Math.max(median(http), median(osc));
            out.put("request", PROMPT + ", " + BARS + " bars, MIDI only");
            out.put("target", "every request under 1 s, the first included, and within 1.3 x in-process");
            out.put("max_s", round(Math.max(Arrays.stream(http).max().orElse(0), Arrays.stream(osc).max().orElse(0))));
            out.put("ratio", round(worst / base));
            return out;
        } catch (IOException e) {
            throw new LoopsmithException(work, "bench serve: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoopsmithException(work, "bench serve: interrupted", e);
        }
    }

    private static GenerateOptions options(Path out, long seed) {
        return GenerateInput.into(out).text(PROMPT).bars(BARS).seed(seed).export(ExportConfig.midiOnly()).resolve();
    }

    /** The same request in this JVM, warmed up first, as the floor a round trip is held against. */
    private static double[] inProcess(Path home, Path out, int n) {
        GenerateService service = new GenerateService(home, Clock.systemUTC(), "bench");
        service.warmUp();
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            service.generate(options(out, 100 + i));
            t[i] = (System.nanoTime() - t0) / 1e9;
        }
        return t;
    }

    private static double[] http(Server server, int n) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String base = "http://127.0.0.1:" + server.httpPort();
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            String body = JSON.writeValueAsString(Map.of("text", PROMPT, "bars", BARS, "seed", 200 + i, "audio", false));
            HttpResponse<String> posted = client.send(HttpRequest.newBuilder(URI.create(base + "/api/generate"))
                    .header("X-Loopsmith-Token", server.token()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (posted.statusCode() != 202) throw new IOException("POST /api/generate: " + posted.statusCode() + " " + posted.body());
            String job = JSON.readTree(posted.body()).path("job").asText();
            while (true) {
                // One request that answers when the job ends, as a device would ask (?wait), not a polling loop.
                JsonNode v = JSON.readTree(client.send(HttpRequest.newBuilder(URI.create(base + "/api/jobs/" + job + "?wait=30"))
                        .header("X-Loopsmith-Token", server.token()).build(), HttpResponse.BodyHandlers.ofString()).body());
                String status = v.path("status").asText();
                if (status.equals("done")) break;
                if (!status.equals("queued") && !status.equals("running")) throw new IOException("job " + job + ": " + v);
            }
            t[i] = (System.nanoTime() - t0) / 1e9;
        }
        return t;
    }

    private static double[] osc(Server server, int n) throws IOException {
        double[] t = new double[n];
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            s.setSoTimeout(60_000);
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                OscClient.send(s, server.oscPort(), "/loopsmith/generate", List.of(PROMPT, BARS, 300 + i, 0, 0, "bench-" + i));
                int notes = 0;
                while (true) {
                    OSCMessage m = OscClient.receive(s);
                    if (m.getAddress().equals("/loopsmith/notes")) notes++;
                    if (m.getAddress().equals("/loopsmith/error")) throw new IOException("OSC: " + m.getArguments());
                    if (m.getAddress().equals("/loopsmith/done")) break;
                }
                if (notes == 0) throw new IOException("OSC: done without notes");
                t[i] = (System.nanoTime() - t0) / 1e9;
            }
        }
        return t;
    }

    private static Map<String, Object> summary(double[] t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("median", round(median(t)));
        m.put("max", round(Arrays.stream(t).max().orElse(0)));
        List<Double> all = new ArrayList<>();
        for (double x : t) all.add(round(x));
        m.put("each", all);
        return m;
    }

    private static double median(double[] t) {
        double[] s = t.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }
}
