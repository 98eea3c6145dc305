package org.creativecities.core.platform.web;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Refuses query parameters that the matched operation does not declare, so that a misspelt filter gives
 * 400 instead of being silently ignored. The allowed names are read once per operation from its
 * {@link QueryParam} parameters and the {@link QueryParam} fields of its {@link BeanParam}s.
 */
@Provider
public class StrictQueryParameters implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        Method method = resourceInfo.getResourceMethod();
        if (method == null) {
            return;
        }
        context.register(new Check(declared(method)));
    }

    static Set<String> declared(Method method) {
        Set<String> names = new TreeSet<>();
        Annotation[][] annotations = method.getParameterAnnotations();
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < annotations.length; i++) {
            for (Annotation a : annotations[i]) {
                if (a instanceof QueryParam q) {
                    names.add(q.value());
                } else if (a instanceof BeanParam) {
                    collectFields(types[i], names);
                }
            }
        }
        return names;
    }

    private static void collectFields(Class<?> type, Set<String> names) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                QueryParam q = f.getAnnotation(QueryParam.class);
                if (q != null) {
                    names.add(q.value());
                }
            }
        }
    }

    /** The per-operation check. */
    static final class Check implements ContainerRequestFilter {
        private final Set<String> allowed;

        Check(Set<String> allowed) {
            this.allowed = Set.copyOf(allowed);
        }

        @Override
        public void filter(ContainerRequestContext request) {
            Optional<ProblemException> unknown = unknown(request.getUriInfo().getQueryParameters().keySet(), allowed);
            if (unknown.isPresent()) {
                throw unknown.get();
            }
        }
    }

    /**
     * The answer to query parameters that an operation does not take: a 400 {@code /problems/unknown-parameter} with
     * one field error per unknown name, sorted, each naming the names allowed. The one shape for JAX-RS operations and
     * for the contexts' plain servlets (written there by {@link PublicProblems#send(jakarta.servlet.http.HttpServletRequest,
     * jakarta.servlet.http.HttpServletResponse, ProblemException)}).
     *
     * @param given   the names of the request's query parameters
     * @param allowed the names the operation takes (empty: none)
     * @return the problem, or empty when every name given is allowed
     */
    public static Optional<ProblemException> unknown(Collection<String> given, Set<String> allowed) {
        List<Problem.FieldError> unknown = given.stream()
                .filter(name -> !allowed.contains(name))
                .sorted()
                .map(name -> new Problem.FieldError(name, allowed.isEmpty()
                        ? "this operation takes no query parameters"
                        : "unknown query parameter; allowed: " + String.join(", ", new TreeSet<>(allowed))))
                .toList();
        if (unknown.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ProblemException(400, "/problems/unknown-parameter", "Unknown query parameter",
                "Unknown query parameter(s): "
                        + String.join(", ", unknown.stream().map(Problem.FieldError::field).toList()) + ".",
                unknown, null));
    }
}
