package loopsmith.server;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** One path segment of a URL, percent-encoded ('#' in "F#m" would otherwise end the path). */
final class Urls {
    private Urls() {}

    static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
