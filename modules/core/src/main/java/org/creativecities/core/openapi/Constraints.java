package org.creativecities.core.openapi;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.reflect.AnnotatedElement;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.media.Schema;

/** Bean Validation constraints as JSON Schema keywords. */
final class Constraints {

    private Constraints() {
    }

    /**
     * Writes the element's constraints into the schema of its value.
     *
     * @return whether the value is required (not null)
     */
    static boolean apply(AnnotatedElement element, Class<?> type, Schema property) {
        boolean text = CharSequence.class.isAssignableFrom(type);
        boolean many = Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type) || type.isArray();
        Size size = element.getAnnotation(Size.class);
        if (size != null && text) {
            property.minLength(size.min() > 0 ? size.min() : null)
                    .maxLength(size.max() < Integer.MAX_VALUE ? size.max() : null);
        } else if (size != null && many && Map.class.isAssignableFrom(type)) {
            property.minProperties(size.min() > 0 ? size.min() : null)
                    .maxProperties(size.max() < Integer.MAX_VALUE ? size.max() : null);
        } else if (size != null && many) {
            property.minItems(size.min() > 0 ? size.min() : null)
                    .maxItems(size.max() < Integer.MAX_VALUE ? size.max() : null);
        }
        if ((element.isAnnotationPresent(NotBlank.class) || element.isAnnotationPresent(NotEmpty.class) && text)
                && property.getMinLength() == null) {
            property.minLength(1);
        }
        Pattern pattern = element.getAnnotation(Pattern.class);
        if (pattern != null) {
            property.pattern(pattern.regexp());
        }
        if (element.isAnnotationPresent(Email.class)) {
            property.format("email");
        }
        bounds(element, property);
        return element.isAnnotationPresent(NotNull.class) || element.isAnnotationPresent(NotBlank.class)
                || element.isAnnotationPresent(NotEmpty.class);
    }

    private static void bounds(AnnotatedElement element, Schema property) {
        Min min = element.getAnnotation(Min.class);
        Max max = element.getAnnotation(Max.class);
        DecimalMin decimalMin = element.getAnnotation(DecimalMin.class);
        DecimalMax decimalMax = element.getAnnotation(DecimalMax.class);
        if (min != null) {
            property.minimum(BigDecimal.valueOf(min.value()));
        }
        if (max != null) {
            property.maximum(BigDecimal.valueOf(max.value()));
        }
        if (decimalMin != null) {
            property.minimum(new BigDecimal(decimalMin.value()));
        }
        if (decimalMax != null) {
            property.maximum(new BigDecimal(decimalMax.value()));
        }
    }
}
