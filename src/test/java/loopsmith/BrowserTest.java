package loopsmith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class that drives a real browser (the system's chromium through its chromedriver). Both tags: JUnit's for
 * {@code @Test}, jqwik's for {@code @Property}, which ignores JUnit's.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@org.junit.jupiter.api.Tag(BrowserTest.TAG)
@net.jqwik.api.Tag(BrowserTest.TAG)
public @interface BrowserTest {
    String TAG = "browser";
}
