package org.endow.funds.items.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.endow.funds.items.model.FundedItem;
import org.endow.funds.items.model.FundedItems;
import org.endow.funds.staff.model.AuditTrail;
import org.endow.kernel.Money;
import org.endow.platform.problem.ProblemException;

/**
 * Staff open funded items and change them (title, description, target, status). Every change is
 * audited and announced to the other services in the same transaction.
 */
@Singleton
public class ManagingFundedItems {

    private final FundedItems items;
    private final PublishingFundedItems publishing;
    private final AuditTrail audit;
    private final Clock clock;

    ManagingFundedItems(FundedItems items, PublishingFundedItems publishing, AuditTrail audit, Clock clock) {
        this.items = items;
        this.publishing = publishing;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public FundedItem open(
            String staffId,
            String code,
            String title,
            String description,
            String kind,
            long targetMinor,
            String currency) {
        if (code == null || !code.matches("[a-z0-9][a-z0-9-]{1,62}")) {
            throw ProblemException.invalidField("code", "2 to 63 lower-case letters, digits and dashes");
        }
        FundedItem.Kind itemKind = parseKind(kind);
        if (itemKind == FundedItem.Kind.GENERAL) {
            throw ProblemException.invalidField("kind", "there is one general fund; choose PROJECT, ROLE or EVENT");
        }
        FundedItem item = new FundedItem(
                code,
                title,
                description == null ? "" : description,
                itemKind,
                target(targetMinor, currency),
                FundedItem.Status.OPEN);
        if (!items.add(item)) {
            throw ProblemException.conflict("code: a funded item '" + code + "' exists already");
        }
        audit.record(staffId, "funds.item-opened", code, title + ", target " + item.target(), clock.instant());
        publishing.publishChanges();
        return item;
    }

    @Transactional
    public FundedItem change(
            String staffId, String code, String title, String description, Long targetMinor, String status) {
        FundedItem current =
                items.lock(code).orElseThrow(() -> ProblemException.notFound("No funded item '" + code + "'"));
        FundedItem.Status newStatus = current.status();
        if (status != null) {
            try {
                newStatus = FundedItem.Status.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("status", "one of OPEN, FUNDED, CLOSED");
            }
        }
        Money newTarget = targetMinor == null
                ? current.target()
                : target(targetMinor, current.target().currencyCode());
        FundedItem changed = new FundedItem(
                code,
                title == null ? current.title() : title,
                description == null ? current.description() : description,
                current.kind(),
                newTarget,
                newStatus);
        items.update(changed);
        audit.record(
                staffId,
                "funds.item-changed",
                code,
                "status " + current.status() + " -> " + newStatus + ", target " + current.target() + " -> " + newTarget,
                clock.instant());
        publishing.publishChanges();
        return changed;
    }

    private static FundedItem.Kind parseKind(String kind) {
        try {
            return FundedItem.Kind.valueOf(kind);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.invalidField("kind", "one of PROJECT, ROLE, EVENT");
        }
    }

    private static Money target(long minor, String currency) {
        if (minor < 0) {
            throw ProblemException.invalidField("targetMinor", "must not be negative");
        }
        try {
            return Money.of(minor, currency);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("currency", e.getMessage());
        }
    }
}
