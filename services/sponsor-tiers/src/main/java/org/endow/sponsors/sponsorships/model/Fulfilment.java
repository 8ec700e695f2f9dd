package org.endow.sponsors.sponsorships.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.endow.sponsors.catalogue.model.AssetRequirement;

/**
 * What a sponsorship's benefits need from the sponsor, and where each stands: sent, missing, or
 * missing past its due date (the start date plus the requirement's offset). The logo is the
 * sponsorship's one logo, whichever benefits use it.
 */
public final class Fulfilment {

    private Fulfilment() {}

    public enum State {
        SUBMITTED,
        MISSING,
        OVERDUE
    }

    /** A requirement of one benefit. */
    public record Key(String benefitCode, String code) {}

    /** What the sponsor sent for a text or a link. */
    public record Submitted(String value, String by, Instant at) {}

    /**
     * One thing needed.
     *
     * @param due null until the sponsorship has dates
     * @param value the text or link sent, null for a logo or when missing
     */
    public record Item(
            String benefitCode,
            String benefitName,
            AssetRequirement requirement,
            LocalDate due,
            State state,
            String value,
            Instant submittedAt) {

        public boolean outstanding() {
            return state != State.SUBMITTED;
        }
    }

    /** Every requirement of the benefits bought, in the order of the lines then of the due dates. */
    public static List<Item> of(
            Sponsorship s,
            List<Selection.Line> lines,
            boolean hasLogo,
            Map<Key, Submitted> submitted,
            LocalDate today) {
        List<Item> items = new ArrayList<>();
        for (Selection.Line line : lines) {
            for (AssetRequirement requirement : line.benefit().assets()) {
                LocalDate due = s.startDate() == null ? null : s.startDate().plusDays(requirement.dueOffsetDays());
                Submitted sent = submitted.get(new Key(line.benefit().code(), requirement.code()));
                boolean done = requirement.kind() == AssetRequirement.Kind.LOGO ? hasLogo : sent != null;
                State state =
                        done ? State.SUBMITTED : due != null && today.isAfter(due) ? State.OVERDUE : State.MISSING;
                items.add(new Item(
                        line.benefit().code(),
                        line.benefit().name(),
                        requirement,
                        due,
                        state,
                        sent == null ? null : sent.value(),
                        sent == null ? null : sent.at()));
            }
        }
        return items;
    }

    /**
     * Checks a text or a link the sponsor sends for a requirement.
     *
     * @return the value as kept (stripped)
     * @throws IllegalArgumentException with a sentence saying what is wrong
     */
    public static String accept(AssetRequirement requirement, String value) {
        if (requirement.kind() == AssetRequirement.Kind.LOGO) {
            throw new IllegalArgumentException("a logo is uploaded as a PNG or SVG file, not typed");
        }
        String kept = value == null ? "" : value.strip();
        if (kept.isEmpty()) {
            throw new IllegalArgumentException(
                    requirement.kind() == AssetRequirement.Kind.TEXT ? "write the text" : "give the link");
        }
        int length = kept.codePointCount(0, kept.length());
        if (length > requirement.maxLength()) {
            throw new IllegalArgumentException(
                    "at most " + requirement.maxLength() + " characters; this is " + length + " characters");
        }
        if (kept.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new IllegalArgumentException("must not contain control characters");
        }
        if (requirement.kind() == AssetRequirement.Kind.LINK) {
            String problem = "a link is a web address starting with https:// (or http://)";
            if (kept.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException(problem);
            }
            try {
                URI uri = new URI(kept);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!(scheme.equals("https") || scheme.equals("http"))
                        || uri.getHost() == null
                        || uri.getRawUserInfo() != null) {
                    throw new IllegalArgumentException(problem);
                }
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(problem);
            }
        }
        return kept;
    }
}
