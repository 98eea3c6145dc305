package org.creativecities.plugin.api.room;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.creativecities.plugin.api.ModuleInfo;
import org.creativecities.plugin.api.RoomKindDescriptor;

/**
 * Checks that a plugin's room kinds match what its {@link ModuleInfo} declares: the rule for the host to apply
 * when a plugin starts (a problem fails the start), and for plugins to use in their unit tests.
 *
 * <p>A kind that is declared but not provided is not a problem: plugins written against API 1.0 declare kinds
 * without behaviour. Such a kind is listed to administrators, but no room of it can be created.
 */
public final class RoomKinds {

    private RoomKinds() {
    }

    /**
     * The problems with a plugin's room kinds, empty if there are none: every kind must be declared once in
     * {@link ModuleInfo#roomKinds()}, ids must be unique, and every kind accepts at least one action type.
     */
    public static List<String> check(ModuleInfo info, List<RoomKind> kinds) {
        List<String> problems = new ArrayList<>();
        Set<String> declared = new HashSet<>();
        for (RoomKindDescriptor d : info.roomKinds()) {
            if (!declared.add(d.id())) {
                problems.add("room kind '" + d.id() + "' is declared twice");
            }
        }
        Set<String> provided = new HashSet<>();
        for (RoomKind kind : kinds) {
            String id = kind.id();
            if (!provided.add(id)) {
                problems.add("room kind '" + id + "' is provided twice");
            } else if (!declared.contains(id)) {
                problems.add("room kind '" + id + "' is provided but not declared in info()");
            }
            if (kind.actionTypes().isEmpty()) {
                problems.add("room kind '" + id + "' accepts no action type");
            }
        }
        return problems;
    }
}
