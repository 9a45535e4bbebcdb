package loopsmith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Every test class carries one of the four tags, so {@code mvn test -Dgroups=unit} is the whole fast loop and a new class
 * cannot drop out of it (or into it) unnoticed. Checked on the compiled test classes, with the tags each engine sees:
 * JUnit's {@code @Tag} for its methods, jqwik's {@code @Tag} for {@code @Property} methods (jqwik ignores JUnit's).
 */
@UnitTest
class TestTagsTest {
    private static final Set<String> KINDS = Set.of(UnitTest.TAG, CorpusTest.TAG, BrowserTest.TAG, NativeTest.TAG);
    private static final List<Class<? extends Annotation>> JUPITER_TESTS =
            List.of(Test.class, ParameterizedTest.class, TestFactory.class, RepeatedTest.class, TestTemplate.class);
    private static final List<Class<? extends Annotation>> JQWIK_TESTS = List.of(net.jqwik.api.Property.class, net.jqwik.api.Example.class);

    @Test
    void everyTestClassHasOneKindOrSeveralButNeverUnitWithAnother() throws Exception {
        Set<String> wrong = new TreeSet<>();
        List<Class<?>> checked = new ArrayList<>();
        for (Class<?> c : testClasses()) {
            boolean isTestClass = false;
            for (Method m : methods(c)) {
                Set<String> tags;
                if (annotatedWithAny(m, JUPITER_TESTS)) tags = tags(c, m, Tag.class, Tag::value);
                else if (annotatedWithAny(m, JQWIK_TESTS)) tags = tags(c, m, net.jqwik.api.Tag.class, net.jqwik.api.Tag::value);
                else continue;
                isTestClass = true;
                tags.retainAll(KINDS);
                if (tags.isEmpty()) wrong.add(c.getName() + ": no tag; add @UnitTest, @CorpusTest, @BrowserTest or @NativeTest to the class");
                else if (tags.contains(UnitTest.TAG) && tags.size() > 1)
                    wrong.add(c.getName() + ": " + tags + "; unit means it needs none of the others");
            }
            if (isTestClass) checked.add(c);
        }
        assertTrue(checked.contains(TestTagsTest.class), "the scan found no test classes (not even this one): " + checked.size());
        assertEquals(List.of(), List.copyOf(wrong));
    }

    @Test
    void eachAnnotationCarriesItsTagForBothEngines() {
        for (Class<? extends Annotation> a : List.of(UnitTest.class, CorpusTest.class, BrowserTest.class, NativeTest.class)) {
            Set<String> jupiter = tags(a, null, Tag.class, Tag::value);
            Set<String> jqwik = tags(a, null, net.jqwik.api.Tag.class, net.jqwik.api.Tag::value);
            assertEquals(1, jupiter.size(), a.getSimpleName());
            assertEquals(jupiter, jqwik, a.getSimpleName());
            assertTrue(KINDS.containsAll(jupiter), a.getSimpleName());
        }
    }

    /** Every concrete class compiled beside this one (test classes only: main classes are elsewhere), not initialized. */
    private static List<Class<?>> testClasses() throws IOException, URISyntaxException {
        Path root = Path.of(TestTagsTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                String name = root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), ".").replaceFirst("\\.class$", "");
                if (name.equals("module-info")) continue;
                Class<?> c;
                try {
                    c = Class.forName(name, false, TestTagsTest.class.getClassLoader());
                } catch (ClassNotFoundException e) {
                    throw new AssertionError(name, e);
                }
                if (!c.isInterface() && !Modifier.isAbstract(c.getModifiers()) && !c.isAnonymousClass() && !c.isLocalClass()) out.add(c);
            }
        }
        return out;
    }

    /** The class's own methods and those it inherits from test superclasses. */
    private static List<Method> methods(Class<?> c) {
        List<Method> out = new ArrayList<>();
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) out.addAll(List.of(k.getDeclaredMethods()));
        return out;
    }

    private static boolean annotatedWithAny(Method m, List<Class<? extends Annotation>> kinds) {
        return kinds.stream().anyMatch(a -> AnnotationSupport.isAnnotated(m, a));
    }

    /**
     * The tags one engine sees on a method: on it, on its class (meta-annotations and superclasses included) and on the
     * classes enclosing a nested one.
     */
    private static <A extends Annotation> Set<String> tags(Class<?> c, Method m, Class<A> tag, Function<A, String> value) {
        Set<String> out = new TreeSet<>();
        List<AnnotatedElement> on = new ArrayList<>();
        if (m != null) on.add(m);
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) on.add(k);
        for (AnnotatedElement e : on) for (A a : AnnotationSupport.findRepeatableAnnotations(e, tag)) out.add(value.apply(a));
        return out;
    }
}
