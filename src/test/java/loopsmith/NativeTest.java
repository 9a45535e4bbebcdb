package loopsmith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class that needs something native outside the JVM: libtorch through DJL (training, {@code Gpt.create}, NDArrays),
 * the Debian fluid-soundfont-gm SoundFont, a C compiler and preloaded shim, or Node. These are the slow or
 * machine-dependent ones. Both tags: JUnit's for {@code @Test}, jqwik's for {@code @Property}, which ignores JUnit's.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@org.junit.jupiter.api.Tag(NativeTest.TAG)
@net.jqwik.api.Tag(NativeTest.TAG)
public @interface NativeTest {
    String TAG = "native";
}
