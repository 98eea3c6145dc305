package org.creativecities.app.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Puts a test class in the second lane of the integration run: classes that boot, restart or kill packaged servers
 * of their own and share none with other classes.
 *
 * <p>The run has two workers ({@code junit-platform.properties}). The first runs, one after the other, the classes of
 * the shared server. This lane runs its classes one at a time too (they hold one lock), and so does the browser lane
 * ({@code browser.BrowserLane}); both run beside the shared server's classes, on whichever worker is free, so that
 * their boots and waits overlap the other classes' work. Such a class must not use {@link SharedServer} or the
 * browser server, must not depend on what another class did, and must not assert how long anything took (two classes
 * share the machine). Classes that can share a configuration share a server: see {@link OwnServer}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(OwnServerLane.LOCK)
@ExtendWith(RunningClasses.class)
public @interface OwnServerLane {

    /** The lock the lane's classes hold, so that only one of them runs at a time. */
    String LOCK = "org.creativecities.app.own-server-lane";
}
