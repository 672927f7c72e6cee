package org.openenvelope.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Serializable;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the portal keeps in an HTTP session (session- and view-scoped beans, and so everything their fields hold)
 * must serialize: in a cluster the session lives in Payara's data grid and the next request may reach another
 * node. A field that cannot is dropped from the replicated session, so the page breaks on the other node only.
 */
class SessionStateTest {

    private static final Set<String> SESSION_SCOPES = Set.of("jakarta.faces.view.ViewScoped",
            "jakarta.enterprise.context.SessionScoped", "org.omnifaces.cdi.ViewScoped");

    @Test
    void everyFieldOfASessionOrViewScopedBeanSerializes() throws Exception {
        List<Class<?>> beans = sessionScopedBeans();
        assertTrue(beans.size() > 10, "the portal's beans were found: " + beans);
        List<String> problems = new ArrayList<>();
        for (Class<?> bean : beans) {
            assertTrue(Serializable.class.isAssignableFrom(bean), bean + " is not Serializable");
            for (Class<?> type = bean; type != null && type != Object.class; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    int modifiers = field.getModifiers();
                    // injected references are the container's serializable proxies
                    if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers)
                            || field.isAnnotationPresent(Inject.class) || field.isAnnotationPresent(EJB.class)) {
                        continue;
                    }
                    serializes(field.getGenericType(), new HashSet<>()).ifPresent(why ->
                            problems.add(bean.getSimpleName() + "." + field.getName() + ": " + why));
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** Empty when values of {@code type} serialize; else the type that does not. */
    private static Optional<String> serializes(Type type, Set<Type> seen) {
        if (!seen.add(type)) {
            return Optional.empty();
        }
        if (type instanceof ParameterizedType parameterized) {
            Optional<String> raw = serializes(parameterized.getRawType(), seen);
            if (raw.isPresent()) {
                return raw;
            }
            return Stream.of(parameterized.getActualTypeArguments()).map(arg -> serializes(arg, seen))
                    .flatMap(Optional::stream).findFirst();
        }
        if (!(type instanceof Class<?> type1)) {
            return Optional.empty();
        }
        if (type1.isPrimitive() || type1.isEnum() || type1 == String.class) {
            return Optional.empty();
        }
        // the JDK's lists, sets and maps (List.of, Stream.toList, HashMap, ...) serialize when their elements do
        if (Collection.class.isAssignableFrom(type1) || Map.class.isAssignableFrom(type1)) {
            return Optional.empty();
        }
        if (!Serializable.class.isAssignableFrom(type1)) {
            return Optional.of(type1.getName() + " is not Serializable");
        }
        if (type1.isRecord()) {
            for (RecordComponent component : type1.getRecordComponents()) {
                Optional<String> inner = serializes(component.getGenericType(), seen);
                if (inner.isPresent()) {
                    return Optional.of(type1.getSimpleName() + "." + component.getName() + ": " + inner.get());
                }
            }
        }
        return Optional.empty();
    }

    private static List<Class<?>> sessionScopedBeans() throws IOException, ClassNotFoundException {
        Path classes = Path.of("target/classes");
        List<Class<?>> beans = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().contains("$"))
                    .toList();
        }
        for (Path file : files) {
            String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
            Class<?> type = Class.forName(name, false, SessionStateTest.class.getClassLoader());
            for (Annotation annotation : type.getAnnotations()) {
                if (SESSION_SCOPES.contains(annotation.annotationType().getName())) {
                    beans.add(type);
                }
            }
        }
        return beans;
    }
}
