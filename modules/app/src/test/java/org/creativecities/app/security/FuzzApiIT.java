package org.creativecities.app.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.creativecities.app.testkit.OwnServerLane;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The API fuzzer ({@link FuzzApiProperty}, a jqwik property) as a class of the own-server lane: it runs the property
 * through the platform's launcher, with the jqwik engine only, and fails with whatever the property or its end check
 * failed with (the first failure, the others attached as suppressed).
 *
 * <p>Failsafe runs the jqwik engine after JUnit Jupiter's, so the property, run directly, started only when every other
 * class had ended and then ran alone for about two minutes on a two-core machine. Here it shares the own-server lane
 * ({@link OwnServerLane}) and the api-contract server with {@code ContractIT} and {@code AuthorizationMatrixIT}.
 */
@OwnServerLane
class FuzzApiIT {

    @Test
    void theServerAnswersEveryRequestAsDocumented() throws Throwable {
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .build());
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClass(FuzzApiProperty.class))
                .filters(EngineFilter.includeEngines("jqwik"))
                .build(), listener);
        TestExecutionSummary summary = listener.getSummary();
        List<TestExecutionSummary.Failure> failures = summary.getFailures();
        if (!failures.isEmpty()) {
            Throwable first = failures.get(0).getException();
            failures.stream().skip(1).map(TestExecutionSummary.Failure::getException).forEach(first::addSuppressed);
            throw first;
        }
        assertEquals(1, summary.getTestsSucceededCount(), "the property ran and passed: found "
                + summary.getTestsFoundCount() + ", aborted " + summary.getTestsAbortedCount() + ", skipped "
                + summary.getTestsSkippedCount());
    }
}
