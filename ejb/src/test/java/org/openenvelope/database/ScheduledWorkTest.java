package org.openenvelope.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Schedules;
import jakarta.ejb.Singleton;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A timer may fire while the first start still migrates the schema (seen: an Encrypt-flow timer at a minute
 * boundary read a column that did not exist yet). Only singletons can wait for {@link DatabaseMigration}, so every
 * timer of the service must be on one that depends on it.
 */
class ScheduledWorkTest {

    @Test
    void everyTimerWaitsForTheSchema() throws Exception {
        List<Method> timers = serviceClasses().flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
                .filter(method -> method.isAnnotationPresent(Schedule.class)
                        || method.isAnnotationPresent(Schedules.class))
                .toList();
        assertTrue(timers.size() >= 7, "the service's timers were found: " + timers);
        for (Method timer : timers) {
            Class<?> bean = timer.getDeclaringClass();
            assertTrue(bean.isAnnotationPresent(Singleton.class), timer + " is on a singleton");
            DependsOn dependsOn = bean.getAnnotation(DependsOn.class);
            assertTrue(dependsOn != null && Arrays.asList(dependsOn.value()).contains("DatabaseMigration"),
                    bean.getName() + " depends on DatabaseMigration");
        }
        assertEquals(1, timers.stream().filter(t -> t.getName().equals("resumeEncryptFlows")).count());
    }

    /** The classes compiled from this module's sources. */
    private static Stream<Class<?>> serviceClasses() throws IOException, URISyntaxException {
        Path root = Path.of(DatabaseMigration.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .map(ScheduledWorkTest::load).toList().stream();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ScheduledWorkTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
