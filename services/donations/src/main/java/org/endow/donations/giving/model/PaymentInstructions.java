package org.endow.donations.giving.model;

import java.util.Locale;
import java.util.Objects;
import org.endow.kernel.Money;

/**
 * How a donor pays a pledge by bank transfer or cheque: the foundation's account, the amount and the
 * reference to quote (so staff can match the transfer to the pledge).
 */
public record PaymentInstructions(
        String donationId,
        String reference,
        String donorName,
        Money amount,
        String purpose,
        PaymentMethod method,
        BankDetails bank) {

    public PaymentInstructions {
        Objects.requireNonNull(reference);
        Objects.requireNonNull(amount);
        Objects.requireNonNull(bank);
    }

    /** The foundation's account as configured ({@code endow.donations.bank.*}). */
    public record BankDetails(String accountName, String iban, String bic, String chequeAddress) {}

    /** The reference a donor quotes: {@code ENDOW-} and the first eight characters of the donation's id. */
    public static String referenceOf(DonationId id) {
        return "ENDOW-" + id.value().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    public static PaymentInstructions of(Donation donation, String purpose, BankDetails bank) {
        return new PaymentInstructions(
                donation.id().toString(),
                referenceOf(donation.id()),
                donation.options().contactIfKnown().map(DonorContact::name).orElse("Donor"),
                donation.amount(),
                purpose,
                donation.method(),
                bank);
    }
}
