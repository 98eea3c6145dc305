package org.creativecities.works.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.creativecities.works.app.WorkDtos.CityRef;
import org.creativecities.works.domain.Work;
import org.creativecities.works.domain.WorkAuthor;

/**
 * Generates attributions, never typed by hand: {@code *Title* by Ana (Lyon), Ben (Bristol), CC BY-SA 4.0} (the
 * title in Markdown emphasis; each author with the city they came from), and the lines of a work's lineage.
 */
@ApplicationScoped
public class Attribution {

    @Inject
    private People people;

    /** The work's attribution under the given title (a version's). */
    public String of(Work work, String title) {
        return "*" + title + "* by " + String.join(", ", authorNames(work)) + ", " + work.licence().shortName();
    }

    /** "Ana (Lyon)" for each author, in the order they joined. */
    public List<String> authorNames(Work work) {
        Map<Long, People.Person> names = people.people(work.authors().stream().map(WorkAuthor::accountId).toList());
        List<String> out = new ArrayList<>();
        for (WorkAuthor a : work.authors()) {
            String name = names.containsKey(a.accountId()) ? names.get(a.accountId()).displayName() : "someone";
            out.add(a.cityId().flatMap(people::city).map(c -> name + " (" + c.name() + ")").orElse(name));
        }
        return out;
    }

    /** The cities of a work: its authors' cities, then those it is about, each once. */
    public List<CityRef> cities(Work work) {
        List<Long> ids = new ArrayList<>();
        work.authors().forEach(a -> a.cityId().filter(id -> !ids.contains(id)).ifPresent(ids::add));
        work.classification().aboutCityIds().stream().sorted().filter(id -> !ids.contains(id)).forEach(ids::add);
        return ids.stream().map(people::city).flatMap(java.util.Optional::stream)
                .map(c -> new CityRef(c.slug(), c.name())).toList();
    }
}
