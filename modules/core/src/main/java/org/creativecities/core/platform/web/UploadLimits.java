package org.creativecities.core.platform.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The {@link UploadLimit}s of the contexts beside the core, resolved once at start: the request filters ask them on
 * every request with a body, and a CDI look-up per request would cost every call of the API.
 */
@ApplicationScoped
public class UploadLimits {

    @Inject
    private Instance<UploadLimit> beans;

    private List<UploadLimit> all;

    @PostConstruct
    void resolve() {
        all = beans.stream().toList();
    }

    /** Every context's upload limit. */
    public List<UploadLimit> all() {
        return all;
    }
}
