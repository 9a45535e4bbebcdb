package loopsmith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class that needs nothing beyond the JDK and this repository: in memory, temp files, loopback sockets, the
 * bundled model. {@code mvn test -Dgroups=unit} runs only these, as the fast loop. Never combined with another tag
 * (TestTagsTest checks). Both tags: JUnit's for {@code @Test}, jqwik's for {@code @Property}, which ignores JUnit's.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@org.junit.jupiter.api.Tag(UnitTest.TAG)
@net.jqwik.api.Tag(UnitTest.TAG)
public @interface UnitTest {
    String TAG = "unit";
}
