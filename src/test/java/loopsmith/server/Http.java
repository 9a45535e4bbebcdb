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

/**
 * A small HTTP client for the server tests: JSON in and out, multipart forms, polling a job to its end. Every request
 * carries the server's token, as the page does; {@link #raw} sends exactly the bytes given (a foreign Host header, which
 * java.net.http refuses to set).
 */
record Http(HttpClient client, String base, String token) {
    static final ObjectMapper JSON = new ObjectMapper();

    static Http to(Server s) {
        return new Http(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), "http://127.0.0.1:" + s.httpPort(), s.token());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header(RequestGuard.HEADER, token);
    }

    HttpResponse<byte[]> send(HttpRequest r) throws IOException, InterruptedException {
        return client.send(r, HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    /** One request written as given on a fresh connection; the status code and the body as text. */
    static Raw raw(int port, String request) throws IOException {
        try (java.net.Socket s = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            String reply = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(reply.substring(9, 12));
            int body = reply.indexOf("\r\n\r\n");
            return new Raw(status, body < 0 ? "" : reply.substring(body + 4));
        }
    }

    record Raw(int status, String body) { }

    JsonNode getJson(String path) throws IOException, InterruptedException {
        return JSON.readTree(get(path).body());
    }

    HttpRequest postJsonRequest(Object body) throws IOException {
        byte[] b = body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
        return request("/api/generate").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(b)).build();
    }

    HttpResponse<byte[]> postJson(Object body) throws IOException, InterruptedException {
        return client.send(postJsonRequest(body), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** multipart/form-data with a "request" JSON part and one file part. */
    HttpResponse<byte[]> postMultipart(Map<String, Object> request, String filePart, String fileName, byte[] file)
            throws IOException, InterruptedException {
        return postMultipart("/api/generate", request, filePart, fileName, file);
    }

    /** The same, to another endpoint (/api/drumify). */
    HttpResponse<byte[]> postMultipart(String path, Map<String, Object> request, String filePart, String fileName, byte[] file)
            throws IOException, InterruptedException {
        String boundary = "----loopsmith-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"request\"\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(JSON.writeValueAsBytes(request));
        body.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + filePart + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest r = request(path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return client.send(r, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** multipart/form-data with a "request" JSON part and several file parts (part name → bytes). */
    HttpResponse<byte[]> postFiles(String path, Map<String, Object> request, Map<String, byte[]> files) throws IOException, InterruptedException {
        String boundary = "----loopsmith-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"request\"\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(JSON.writeValueAsBytes(request));
        for (Map.Entry<String, byte[]> f : new java.util.TreeMap<>(files).entrySet()) {
            body.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"; filename=\"" + f.getKey()
                    + ".mid\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(f.getValue());
        }
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return client.send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofByteArray());
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
