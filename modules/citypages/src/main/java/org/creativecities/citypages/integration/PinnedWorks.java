package org.creativecities.citypages.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.creativecities.citypages.app.HighlightSource;
import org.creativecities.works.WorksException;
import org.creativecities.works.app.WorkService;

/** Works as highlights: a city pins works published to everyone, read through the works' service as a visitor. */
@ApplicationScoped
public class PinnedWorks implements HighlightSource {

    @Inject
    private WorkService works;

    @Override
    public String type() {
        return "work";
    }

    @Override
    public Optional<HighlightCard> publicOne(long id) {
        try {
            var work = works.get(Optional.empty(), id);
            return Optional.of(new HighlightCard(type(), id, work.title(), "/works/" + id,
                    work.coverMediaId().map(m -> "/api/media/" + m)));
        } catch (WorksException notPublic) {
            return Optional.empty();
        }
    }
}
