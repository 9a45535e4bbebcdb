package loopsmith.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import loopsmith.UnitTest;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * pom.xml's libtorch profiles, checked as Maven resolves them on each OS and CPU, whatever machine runs the test: each
 * platform DJL publishes libtorch 2.5.1 for gets exactly that build, none otherwise, and {@code -Dgpu} swaps in CUDA.
 */
@UnitTest
class LibtorchProfilesTest {
    /** What Maven's OS activation sees (os.name, os.arch, family) on the platforms Ableton Live runs beside. */
    private record Platform(String name, String arch, String family) { }

    /** One profile's activation and the native classifier it brings. */
    private record Profile(String id, String osName, String osFamily, String osArch, String property, String artifact, String classifier) {
        boolean activeOn(Platform p, boolean gpu) {
            if (property != null && !(property.startsWith("!") ? !gpu : gpu)) return false;
            if (osName != null && !osName.equalsIgnoreCase(p.name())) return false;
            if (osFamily != null && !osFamily.equals(p.family())) return false;
            return osArch == null || osArch.equals(p.arch());
        }
    }

    private static List<Profile> profiles() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        NodeList nodes = pom.getElementsByTagName("profile");
        List<Profile> out = new java.util.ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element p = (Element) nodes.item(i);
            out.add(new Profile(text(p, "id"), text(p, "os", "name"), text(p, "os", "family"), text(p, "os", "arch"),
                    text(p, "property", "name"), text(p, "dependency", "artifactId"), text(p, "dependency", "classifier")));
        }
        return out;
    }

    private static String text(Element e, String... path) {
        Element at = e;
        for (String tag : path) {
            NodeList l = at.getElementsByTagName(tag);
            if (l.getLength() == 0) return null;
            at = (Element) l.item(0);
        }
        return at.getTextContent().trim();
    }

    private static List<String> natives(List<Profile> profiles, Platform p, boolean gpu) {
        return profiles.stream().filter(x -> x.activeOn(p, gpu)).map(x -> x.artifact() + ":" + x.classifier()).toList();
    }

    @Test
    void eachPlatformGetsItsOwnLibtorchOrNone() throws Exception {
        List<Profile> profiles = profiles();
        Map<Platform, List<String>> expected = new HashMap<>();
        expected.put(new Platform("Linux", "amd64", "unix"), List.of("pytorch-native-cpu:linux-x86_64"));
        expected.put(new Platform("Mac OS X", "aarch64", "mac"), List.of("pytorch-native-cpu:osx-aarch64"));
        expected.put(new Platform("Windows 11", "amd64", "windows"), List.of("pytorch-native-cpu:win-x86_64"));
        expected.put(new Platform("Linux", "aarch64", "unix"), List.of());
        expected.put(new Platform("Mac OS X", "x86_64", "mac"), List.of());
        expected.forEach((platform, natives) -> assertEquals(natives, natives(profiles, platform, false), platform.toString()));
        assertEquals(List.of("pytorch-native-cu124:linux-x86_64"), natives(profiles, new Platform("Linux", "amd64", "unix"), true),
                "-Dgpu: the CUDA build alone, not beside the CPU one");
    }

    @Test
    void onlyClassifiersDjlPublishesAreNamed() throws Exception {
        Set<String> published = Set.of("linux-x86_64", "osx-aarch64", "win-x86_64");
        for (Profile p : profiles())
            if (p.classifier() != null) assertTrue(published.contains(p.classifier()), p.toString());
    }
}
