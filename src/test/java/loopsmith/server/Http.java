package loopsmith.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A small HTTP client for the server tests: JSON in and out, multipart forms, polling a job to its end. */
record Http(HttpClient client, String base) {
    static final ObjectMapper JSON = new ObjectMapper();

    static Http to(Server s) {
        return new Http(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), "http://127.0.0.1:" + s.httpPort());
    }

    HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    JsonNode getJson(String path) throws IOException, InterruptedException {
        return JSON.readTree(get(path).body());
    }

    HttpRequest postJsonRequest(Object body) throws IOException {
        byte[] b = body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
        return HttpRequest.newBuilder(URI.create(base + "/api/generate")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(b)).build();
    }

    HttpResponse<byte[]> postJson(Object body) throws IOException, InterruptedException {
        return client.send(postJsonRequest(body), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** multipart/form-data with a "request" JSON part and one file part. */
    HttpResponse<byte[]> postMultipart(Map<String, Object> request, String filePart, String fileName, byte[] file)
            throws IOException, InterruptedException {
        String boundary = "----loopsmith-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"request\"\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(JSON.writeValueAsBytes(request));
        body.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + filePart + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest r = HttpRequest.newBuilder(URI.create(base + "/api/generate"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return client.send(r, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Polls a job until it is done or failed (or the deadline passes) and returns its last state. */
    JsonNode await(String jobId, Duration limit) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            JsonNode j = getJson("/api/jobs/" + jobId);
            String s = j.path("status").asText();
            if (s.equals("done") || s.equals("failed") || System.nanoTime() > deadline) return j;
            Thread.sleep(50);
        }
    }
}
