package org.creativecities.core.platform.web;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;

/**
 * Validates every request body of our API with Bean Validation as soon as it is read, and refuses a
 * missing body for operations that take one.
 *
 * <p>This replaces {@code @NotNull @Valid} on every resource parameter, so that no operation can forget
 * them: the constraints are declared once, on the body types, and every body of ours is checked. (It
 * also keeps Bean Validation annotations off resource parameters, where Payara 6.2025.10's OpenAPI
 * generator fails on them: payara/Payara#7649.)
 */
@Provider
public class ValidatedBodies implements DynamicFeature, ReaderInterceptor {

    private static final String OUR_TYPES = "org.creativecities.core.";
    private static final Set<Class<? extends Annotation>> PARAMETER_ANNOTATIONS = Set.of(PathParam.class,
            QueryParam.class, HeaderParam.class, CookieParam.class, MatrixParam.class, FormParam.class,
            BeanParam.class, Context.class);

    @Inject
    private Validator validator;

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        Method method = resourceInfo.getResourceMethod();
        if (method != null && takesOurBody(method)) {
            context.register((ContainerRequestFilter) ValidatedBodies::requireBody);
        }
    }

    static boolean takesOurBody(Method method) {
        Annotation[][] annotations = method.getParameterAnnotations();
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            boolean entity = java.util.Arrays.stream(annotations[i])
                    .noneMatch(a -> PARAMETER_ANNOTATIONS.contains(a.annotationType()));
            if (entity && types[i].getName().startsWith(OUR_TYPES)) {
                return true;
            }
        }
        return false;
    }

    private static void requireBody(ContainerRequestContext request) {
        if (!request.hasEntity()) {
            throw ProblemException.invalid("This operation needs a JSON body.",
                    List.of(new Problem.FieldError("body", "missing")));
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object body = context.proceed();
        if (body != null && body.getClass().getName().startsWith(OUR_TYPES)) {
            Set<ConstraintViolation<Object>> violations = validator.validate(body);
            if (!violations.isEmpty()) {
                throw new ConstraintViolationException(violations);
            }
        }
        return body;
    }
}
