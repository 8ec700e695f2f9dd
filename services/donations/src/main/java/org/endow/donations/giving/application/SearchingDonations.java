package org.endow.donations.giving.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import org.endow.donations.giving.model.Donation;
import org.endow.donations.giving.model.DonationStatus;
import org.endow.platform.audit.AuditRecords;
import org.endow.platform.problem.ProblemException;

/** Staff find gifts (by donor name or email, status, fund), export them, and read the audit log. */
@Singleton
public class SearchingDonations {

    public static final int MAX_ROWS = 5_000;

    /** @param text part of the donor's name or email, or null; @param status null for any; @param fundCode null for any */
    public record Criteria(String text, DonationStatus status, String fundCode, int limit) {}

    /** The query side of the donations, for staff. */
    public interface Search {
        List<Donation> find(Criteria criteria);
    }

    private final Search search;
    private final AuditRecords audit;

    SearchingDonations(Search search, AuditRecords audit) {
        this.search = search;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<Donation> find(String text, String status, String fundCode, Integer limit) {
        DonationStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = DonationStatus.valueOf(status.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField(
                        "status", "must be one of " + java.util.Arrays.toString(DonationStatus.values()));
            }
        }
        int rows = limit == null ? 200 : limit;
        if (rows < 1 || rows > MAX_ROWS) {
            throw ProblemException.invalidField("limit", "must be from 1 to " + MAX_ROWS);
        }
        return search.find(new Criteria(
                text == null || text.isBlank() ? null : text.strip(),
                wanted,
                fundCode == null || fundCode.isBlank() ? null : fundCode.strip(),
                rows));
    }

    @Transactional(readOnly = true)
    public List<AuditRecords.Entry> auditLog(int limit) {
        return audit.latest(limit);
    }
}
