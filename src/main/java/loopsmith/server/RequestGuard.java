package loopsmith.server;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * Who may use the HTTP API: only the page this server renders. A web page the producer happens to browse can send
 * requests to 127.0.0.1 too; four checks refuse them, each with its reason:
 * <ul>
 * <li>the {@code Host} header must be a name this server answers to, with its port (421 otherwise): a DNS-rebinding
 *     page reaches 127.0.0.1 under its own name, and this is the only thing that tells it apart;</li>
 * <li>for {@code /api/*}, an {@code Origin} other than this server's, or {@code Sec-Fetch-Site: cross-site} or
 *     {@code same-site} (another program on this machine, another port), is refused with 403;</li>
 * <li>every {@code /api/*} request carries the per-server token in {@value #HEADER} (403 otherwise). The token is
 *     drawn at start and written into the page; another site's page can send a request but never read the page, and a
 *     custom header makes the browser ask first (a preflight this server never grants). A {@code GET} of a result file
 *     may carry it as the {@code token} query parameter instead, since {@code <img>}, {@code <audio>} and download
 *     links cannot send headers;</li>
 * <li>JSON bodies only as {@code application/json} ({@link #requireJsonOrMultipart}): the content type a no-cors
 *     {@code fetch} or a form may send without a preflight is refused with 415.</li>
 * </ul>
 */
final class RequestGuard {
    static final String HEADER = "X-Loopsmith-Token";
    static final String QUERY = "token";
    private static final int TOKEN_BYTES = 32;

    private final String token;
    private final Set<String> names;
    private final IntSupplier port;
    private final java.util.concurrent.atomic.AtomicLong refused = new java.util.concurrent.atomic.AtomicLong();

    /** {@code port} is read per request: with port 0 in the config, the real one is known only once Jetty is bound. */
    RequestGuard(ServerConfig config, String token, IntSupplier port) {
        this.token = token;
        this.port = port;
        this.names = Collections.unmodifiableSet(names(config));
    }

    /** A fresh token: 256 bits from {@link SecureRandom}, URL-safe so it can ride in a query parameter. */
    static String newToken() {
        byte[] b = new byte[TOKEN_BYTES];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    String token() {
        return token;
    }

    /** Loopback names, the address bound, every address of this machine when bound to all, and the names allowed. */
    private static Set<String> names(ServerConfig config) {
        Set<String> out = new LinkedHashSet<>(java.util.List.of("127.0.0.1", "localhost", "::1"));
        String bound = bare(config.host());
        if (config.wildcard()) {
            try {
                for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces()))
                    for (InetAddress a : Collections.list(ni.getInetAddresses())) out.add(bare(a.getHostAddress().replaceFirst("%.*$", "")));
            } catch (SocketException e) {
                // Without the list, only loopback and --allow-host names are answered: stricter, never looser.
                System.err.println("warning: cannot list this machine's addresses: " + e.getMessage());
            }
        } else {
            out.add(bound);
        }
        for (String h : config.allowedHosts()) out.add(bare(h));
        return out;
    }

    /** Lower case, without IPv6 brackets or a trailing dot. */
    private static String bare(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.startsWith("[") && n.endsWith("]")) n = n.substring(1, n.length() - 1);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    /** Every request, the page included: it carries the token. */
    void checkHost(Context ctx) {
        String host = ctx.header("Host");
        if (host == null || host.isBlank()) throw refuse(421, "no Host header; use http://127.0.0.1:" + port.getAsInt() + "/");
        String name;
        int p;
        try {
            int colon = host.lastIndexOf(':');
            boolean hasPort = colon > host.lastIndexOf(']');
            name = bare(hasPort ? host.substring(0, colon) : host);
            p = hasPort ? Integer.parseInt(host.substring(colon + 1)) : 80;
        } catch (NumberFormatException e) {
            throw refuse(421, "Host " + shown(host) + " is not this server");
        }
        if (p != port.getAsInt() || !names.contains(name))
            throw refuse(421, "Host " + shown(host) + " is not a name this server answers to (a page from another site "
                    + "reached it through its own name?); use http://127.0.0.1:" + port.getAsInt() + "/ or start the server with --allow-host NAME");
    }

    /** Every {@code /api/*} request, after {@link #checkHost}. */
    void checkApi(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin != null && !origin.equalsIgnoreCase("http://" + ctx.header("Host")))
            throw refuse(403, "cross-origin request refused: Origin " + shown(origin) + " is not this server's page");
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && (site.equalsIgnoreCase("cross-site") || site.equalsIgnoreCase("same-site")))
            throw refuse(403, "cross-site request refused (Sec-Fetch-Site: " + shown(site) + "); use the page this server serves");
        String given = ctx.header(HEADER);
        if (given == null && ctx.method().name().equals("GET") && ctx.path().startsWith("/api/results/")) given = ctx.queryParam(QUERY);
        if (given == null)
            throw refuse(403, "missing " + HEADER + " header: requests come from the page this server serves (reload it), "
                    + "or carry the token the server wrote to " + Server.TOKEN_FILE + " in its output folder");
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8)))
            throw refuse(403, "wrong " + HEADER + ": the server was restarted since the page was loaded? Reload it");
    }

    /**
     * A JSON body must say it is JSON; uploads come as multipart. {@code text/plain}, what a no-cors {@code fetch} may
     * send without asking first, and {@code application/x-www-form-urlencoded}, what a plain form sends, are 415.
     */
    void requireJsonOrMultipart(Context ctx) {
        String type = ctx.header("Content-Type");
        String t = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!t.equals("application/json") && !t.equals("multipart/form-data"))
            throw refuse(415, "Content-Type must be application/json (or multipart/form-data with uploads), was "
                    + (type == null ? "none" : shown(type)));
    }

    /** Requests refused by these checks since start: {@code /api/health} shows it, so probing is visible. */
    long refused() {
        return refused.get();
    }

    private ApiException refuse(int status, String reason) {
        refused.incrementAndGet();
        return new ApiException(status, reason);
    }

    /** A client's header value in a reason: short, printable. */
    private static String shown(String s) {
        String t = s.replaceAll("[^\\x20-\\x7e]", "?");
        return "'" + (t.length() > 80 ? t.substring(0, 80) + "…" : t) + "'";
    }
}
