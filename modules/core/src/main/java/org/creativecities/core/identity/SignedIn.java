package org.creativecities.core.identity;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method (or every method of a resource class) that only signed-in accounts may call.
 * {@link SignedInFilter} refuses visitors with 401 before the body is read, validated or anything is looked up;
 * finer checks (is this the city's coordinator, the account's owner) stay in the services.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface SignedIn {
}
