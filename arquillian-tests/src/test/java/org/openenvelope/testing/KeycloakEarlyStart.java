package org.openenvelope.testing;

import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Starts Keycloak in the background when the run's test plan holds the Keycloak interoperability tests, so its start
 * (about a minute, most of it building the distribution) overlaps the test classes that run before them. Registered
 * through {@code META-INF/services}; {@code -Dopenenvelope.test.skip-keycloak=true} starts nothing.
 */
public class KeycloakEarlyStart implements TestExecutionListener {

    private static final String INTEROPERABILITY_TESTS = "org.openenvelope.saml.KeycloakInteropIT";

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        if (Boolean.getBoolean("openenvelope.test.skip-keycloak") || System.getProperty("openenvelope.test.keycloak-home") == null) {
            return;
        }
        boolean wanted = plan.getRoots().stream().flatMap(root -> plan.getDescendants(root).stream())
                .anyMatch(test -> test.getSource().filter(ClassSource.class::isInstance)
                        .map(source -> ((ClassSource) source).getClassName().equals(INTEROPERABILITY_TESTS)).orElse(false));
        if (wanted) {
            KeycloakServer.startEarly();
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        KeycloakServer.closeUntaken();
    }
}
