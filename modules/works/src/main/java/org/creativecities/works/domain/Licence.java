package org.creativecities.works.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The licences a work may carry, each with its SPDX id, a link to its text and its short name for attributions.
 * "All rights reserved" has no SPDX id of its own; it is written as the SPDX {@code LicenseRef-} form and is allowed
 * for drafts only.
 *
 * <p>Which licence an adaptation (a fork) may carry follows Creative Commons' compatibility chart for adaptations
 * (wiki.creativecommons.org, "Compatibility chart" and the 4.0 legal code, section 3(b) for BY-SA, 3 with 1(i) for
 * NC):
 * <ul>
 *   <li>CC0: anything (nothing is owed to the source);</li>
 *   <li>CC BY: any licence that keeps attribution (BY, BY-SA, BY-NC, or all rights reserved on the adapter's part),
 *       but not CC0, which would waive rights the adapter does not hold;</li>
 *   <li>CC BY-SA: BY-SA only (ShareAlike: "the same licence or a later version, or a BY-SA compatible one");</li>
 *   <li>CC BY-NC: BY-NC only (of our licences: BY-NC-SA and BY-NC-ND would be the others), since every licence
 *       allowing commercial use would grant what the source withholds;</li>
 *   <li>all rights reserved: no adaptation at all.</li>
 * </ul>
 */
public enum Licence {

    CC0("CC0-1.0", "https://creativecommons.org/publicdomain/zero/1.0/", "CC0 1.0"),
    CC_BY("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/", "CC BY 4.0"),
    CC_BY_SA("CC-BY-SA-4.0", "https://creativecommons.org/licenses/by-sa/4.0/", "CC BY-SA 4.0"),
    CC_BY_NC("CC-BY-NC-4.0", "https://creativecommons.org/licenses/by-nc/4.0/", "CC BY-NC 4.0"),
    ALL_RIGHTS_RESERVED("LicenseRef-All-Rights-Reserved", "https://en.wikipedia.org/wiki/All_rights_reserved",
            "all rights reserved");

    /** The licence of a new work, as the network asked: open access with ShareAlike. */
    public static final Licence DEFAULT = CC_BY_SA;

    private final String spdx;
    private final String url;
    private final String shortName;

    Licence(String spdx, String url, String shortName) {
        this.spdx = spdx;
        this.url = url;
        this.shortName = shortName;
    }

    public String spdx() {
        return spdx;
    }

    public String url() {
        return url;
    }

    public String shortName() {
        return shortName;
    }

    /** The licence named by its SPDX id (case-insensitive), or {@code all-rights-reserved}. */
    public static Optional<Licence> of(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        if (wanted.equals("all-rights-reserved")) {
            return Optional.of(ALL_RIGHTS_RESERVED);
        }
        return Arrays.stream(values()).filter(l -> l.spdx.toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    /** The ids accepted as input, for error messages. */
    public static String accepted() {
        return "CC0-1.0, CC-BY-4.0, CC-BY-SA-4.0, CC-BY-NC-4.0 or LicenseRef-All-Rights-Reserved (drafts only)";
    }

    /** Whether a published work may carry it. */
    public boolean publishable() {
        return this != ALL_RIGHTS_RESERVED;
    }

    /** Whether others may adapt (fork) a work under it. */
    public boolean allowsDerivatives() {
        return this != ALL_RIGHTS_RESERVED;
    }

    /** The licences an adaptation of a work under this licence may carry (see the class comment). */
    public Set<Licence> adaptationsMayUse() {
        return switch (this) {
            case CC0 -> EnumSet.allOf(Licence.class);
            case CC_BY -> EnumSet.of(CC_BY, CC_BY_SA, CC_BY_NC, ALL_RIGHTS_RESERVED);
            case CC_BY_SA -> EnumSet.of(CC_BY_SA);
            case CC_BY_NC -> EnumSet.of(CC_BY_NC);
            case ALL_RIGHTS_RESERVED -> EnumSet.noneOf(Licence.class);
        };
    }

    /** The licence a fork gets when its author does not choose: the source's, or BY-SA for CC0 and BY. */
    public Licence defaultForAdaptation() {
        return this == CC_BY_SA || this == CC_BY_NC ? this : DEFAULT;
    }

    /** Why an adaptation of a work under this licence may not carry {@code chosen}, or empty when it may. */
    public Optional<String> adaptationRefusal(Licence chosen) {
        if (adaptationsMayUse().contains(chosen)) {
            return Optional.empty();
        }
        return Optional.of(switch (this) {
            case CC_BY -> "A CC BY 4.0 work's adaptation must keep attribution: CC0 would waive rights in the source "
                    + "that only its authors hold. Choose CC-BY-4.0, CC-BY-SA-4.0 or CC-BY-NC-4.0.";
            case CC_BY_SA -> "The source is CC BY-SA 4.0 (ShareAlike): an adaptation must be shared under "
                    + "CC-BY-SA-4.0 too.";
            case CC_BY_NC -> "The source is CC BY-NC 4.0 (NonCommercial): an adaptation must not allow commercial "
                    + "use, so it must be CC-BY-NC-4.0.";
            case ALL_RIGHTS_RESERVED -> "The source's licence (all rights reserved) allows no adaptations.";
            case CC0 -> "";
        });
    }
}
