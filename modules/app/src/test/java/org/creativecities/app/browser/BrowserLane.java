package org.creativecities.app.browser;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Puts a browser test class ({@code @ExtendWith(BrowserServer.class)}) in the browser lane of the integration run.
 *
 * <p>The run has two workers ({@code junit-platform.properties}). The classes of the shared server run one after the
 * other on the first; the classes of this lane and of the own-server lane
 * ({@link org.creativecities.app.testkit.OwnServerLane}) run beside them, each lane one class at a time (one lock per
 * lane), taken by whichever worker is free. So two classes run at once at most
 * ({@link org.creativecities.app.testkit.RunningClasses}), never two of one lane, and neither worker waits while the
 * other has a long list left. Such a class must not depend on what another class did, and
 * must not assert how long anything took (another class runs beside it).
 *
 * <p>A browser class without this annotation still never runs beside another browser class ({@link BrowserServer}
 * lets one class at a time use the browser server), but it runs on the shared server's worker, which it then holds
 * up: put this annotation on every browser class.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(BrowserLane.LOCK)
public @interface BrowserLane {

    /** The lock the lane's classes hold, so that only one of them runs at a time. */
    String LOCK = "org.creativecities.app.browser-lane";
}
