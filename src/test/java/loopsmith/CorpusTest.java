package loopsmith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class that reads {@code ../shared/} beside the repository: the corpora through {@link SharedCorpus}, or the
 * peers under {@code ../shared/peers}. A bare clone skips these (CI fails them instead). Both tags: JUnit's for
 * {@code @Test}, jqwik's for {@code @Property}, which ignores JUnit's.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@org.junit.jupiter.api.Tag(CorpusTest.TAG)
@net.jqwik.api.Tag(CorpusTest.TAG)
public @interface CorpusTest {
    String TAG = "corpus";
}
