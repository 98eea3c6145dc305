package org.creativecities.core.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Every resource operation of the API with the right it requires ({@link SignedIn}, {@link AdminOnly} or none), as
 * {@link ProtectedOperationsFeature} finds them when the application starts. It answers "who may call what is at
 * this address with this method?" for requests that Jersey refused while it was still choosing the operation (an
 * unsupported Content-Type, an Accept it cannot produce), before any name-bound filter ran, so that
 * {@link CallerFirstMappers} can check the caller first there too.
 */
@ApplicationScoped
public class ProtectedOperations {

    /** The right an operation requires, weakest first. */
    public enum Right { NONE, SIGNED_IN, ADMIN }

    /** One operation: its HTTP method, the pattern of its path (under {@code /api/}) and its right. */
    record Operation(String httpMethod, Pattern path, Right right) {
    }

    private final List<Operation> operations = new CopyOnWriteArrayList<>();

    /** Records a resource method (called once per operation at start-up). */
    void add(Class<?> resource, Method method) {
        String httpMethod = httpMethod(method);
        if (httpMethod == null) {
            return;
        }
        Right right = method.isAnnotationPresent(AdminOnly.class) || resource.isAnnotationPresent(AdminOnly.class)
                ? Right.ADMIN
                : method.isAnnotationPresent(SignedIn.class) || resource.isAnnotationPresent(SignedIn.class)
                ? Right.SIGNED_IN : Right.NONE;
        operations.add(new Operation(httpMethod, pattern(join(resource.getAnnotation(Path.class),
                method.getAnnotation(Path.class))), right));
    }

    /**
     * The right needed to call any operation at {@code path} with {@code httpMethod}: the weakest right among the
     * operations that could match, or empty when none could (then the request names no operation at all).
     *
     * @param path the encoded path under {@code /api/}, without a leading slash
     */
    public Optional<Right> required(String httpMethod, String path) {
        String bare = path.replaceAll(";[^/]*", "").replaceFirst("^/+", "");
        Right weakest = null;
        for (Operation op : operations) {
            boolean sameMethod = op.httpMethod().equals(httpMethod)
                    || "HEAD".equals(httpMethod) && "GET".equals(op.httpMethod());
            if (sameMethod && op.path().matcher(bare).matches()
                    && (weakest == null || op.right().compareTo(weakest) < 0)) {
                weakest = op.right();
            }
        }
        return Optional.ofNullable(weakest);
    }

    private static String httpMethod(Method method) {
        for (Annotation a : method.getAnnotations()) {
            HttpMethod designator = a.annotationType().getAnnotation(HttpMethod.class);
            if (designator != null) {
                return designator.value();
            }
        }
        return null;
    }

    private static String join(Path resource, Path method) {
        List<String> parts = new ArrayList<>();
        for (Path p : new Path[] {resource, method}) {
            if (p != null) {
                String value = p.value().replaceAll("^/+|/+$", "");
                if (!value.isEmpty()) {
                    parts.add(value);
                }
            }
        }
        return String.join("/", parts);
    }

    /**
     * The regular expression of a JAX-RS path template: {@code {name}} matches one segment, {@code {name: regex}}
     * what its expression matches, everything else itself; a trailing slash is optional, as in Jersey.
     */
    static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '{') {
                int next = template.indexOf('{', i);
                int end = next < 0 ? template.length() : next;
                regex.append(Pattern.quote(template.substring(i, end)));
                i = end;
                continue;
            }
            int depth = 0;
            int close = i;
            for (; close < template.length(); close++) {
                char d = template.charAt(close);
                depth += d == '{' ? 1 : d == '}' ? -1 : 0;
                if (depth == 0) {
                    break;
                }
            }
            String variable = template.substring(i + 1, Math.min(close, template.length()));
            int colon = variable.indexOf(':');
            regex.append('(').append(colon < 0 ? "[^/]+" : variable.substring(colon + 1).strip()).append(')');
            i = close + 1;
        }
        return Pattern.compile(regex + "/?");
    }
}
