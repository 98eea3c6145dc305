package org.creativecities.core.platform.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs an {@link AccessCheck} on a resource method's target before its body is read or validated (see
 * {@link CheckedFirstFeature}), after the caller was found signed in ({@code @SignedIn}). For operations whose right
 * depends on the target (a coordinator of this city, a manager of this space) rather than on the caller alone.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CheckedFirst {

    /** The check; a CDI bean. */
    Class<? extends AccessCheck> value();
}
