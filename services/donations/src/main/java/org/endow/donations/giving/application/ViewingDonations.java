package org.endow.donations.giving.application;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;
import org.endow.donations.giving.model.Donation;
import org.endow.donations.giving.model.DonationId;
import org.endow.donations.giving.model.Donations;
import org.endow.donations.giving.model.DonorId;
import org.endow.donations.giving.model.RecurringGift;
import org.endow.donations.giving.model.RecurringGifts;
import org.endow.platform.problem.ProblemException;

/** A donor sees their own donations; staff see any. Someone else's donation is "not found". */
@Singleton
public class ViewingDonations {

    private final Donations donations;
    private final RecurringGifts monthly;

    ViewingDonations(Donations donations, RecurringGifts monthly) {
        this.donations = donations;
        this.monthly = monthly;
    }

    @Transactional(readOnly = true)
    public List<RecurringGift> mineMonthly(DonorId viewer) {
        return monthly.byDonor(viewer);
    }

    @Transactional(readOnly = true)
    public Donation one(DonationId id, DonorId viewer, boolean staff) {
        return donations
                .find(id)
                .filter(d -> staff || d.belongsTo(viewer))
                .orElseThrow(() -> ProblemException.notFound("No donation " + id));
    }

    @Transactional(readOnly = true)
    public List<Donation> mine(DonorId viewer) {
        return donations.byDonor(viewer);
    }
}
