package org.creativecities.works.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.creativecities.core.identity.Caller;
import org.creativecities.works.app.WorkDtos.CityRef;
import org.creativecities.works.app.WorkDtos.LineageNode;
import org.creativecities.works.app.WorkDtos.LineageView;
import org.creativecities.works.domain.Work;
import org.creativecities.works.domain.WorkRepository;
import org.creativecities.works.domain.WorkVersion;

/**
 * A work's remix lineage both ways. Up: the chain of sources to the first one, each with its attribution under the
 * title of the version that was forked, shown even when the caller may no longer open the source (attribution is
 * owed all the way up). Down: every work derived from it, and from those, that the caller may read, each naming
 * its parent, enough to draw a small graph. Both are bounded ({@link #MAX_DEPTH}, {@link #MAX_DERIVED}).
 */
@ApplicationScoped
public class Lineage {

    static final int MAX_DEPTH = 50;
    static final int MAX_DERIVED = 200;

    @Inject
    private WorkRepository works;

    @Inject
    private WorkAccess access;

    @Inject
    private Attribution attribution;

    public LineageView of(Optional<Caller.Identity> who, Work work) {
        return new LineageView(up(who, work), down(who, work));
    }

    /** The sources, nearest first. */
    public List<LineageNode> up(Optional<Caller.Identity> who, Work work) {
        List<LineageNode> chain = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        seen.add(work.id());
        Work current = work;
        while (current.derivedFromWorkId().isPresent() && chain.size() < MAX_DEPTH) {
            int version = current.derivedFromVersion().orElse(1);
            Optional<Work> source = works.find(current.derivedFromWorkId().get());
            if (source.isEmpty() || !seen.add(source.get().id())) {
                break;
            }
            Work s = source.get();
            String title = works.version(s.id(), version).map(WorkVersion::title).orElse(s.title());
            chain.add(node(who, s, title));
            current = s;
        }
        return chain;
    }

    private List<LineageNode> down(Optional<Caller.Identity> who, Work work) {
        List<LineageNode> nodes = new ArrayList<>();
        Set<Long> seen = new HashSet<>(Set.of(work.id()));
        List<Long> level = List.of(work.id());
        for (int depth = 0; depth < MAX_DEPTH && !level.isEmpty() && nodes.size() < MAX_DERIVED; depth++) {
            List<Long> next = new ArrayList<>();
            for (Work d : works.derivedFrom(level)) {
                if (nodes.size() >= MAX_DERIVED || !seen.add(d.id()) || !access.canRead(who, d)) {
                    continue;
                }
                nodes.add(node(who, d, d.title()));
                next.add(d.id());
            }
            level = next;
        }
        return nodes;
    }

    private LineageNode node(Optional<Caller.Identity> who, Work w, String title) {
        return new LineageNode(w.id(), w.derivedFromWorkId().orElse(null), w.derivedFromVersion().orElse(null),
                title, attribution.of(w, title), w.licence().spdx(),
                attribution.cities(w).stream().map(CityRef::slug).toList(), !w.isDeleted() && access.canRead(who, w));
    }
}
