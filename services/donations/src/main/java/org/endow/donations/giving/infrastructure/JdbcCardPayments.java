package org.endow.donations.giving.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.UUID;
import org.endow.donations.giving.model.CardPayments;
import org.endow.donations.giving.model.DonationId;
import org.endow.kernel.Money;

/** Stripe's references per gift: checkout sessions, payment intents, subscriptions. */
@Singleton
@Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
class JdbcCardPayments implements CardPayments {

    private final JdbcOperations jdbc;

    JdbcCardPayments(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void checkoutOpened(String checkoutId, String checkoutUrl, DonationId donation, UUID recurringGift) {
        jdbc.prepareStatement(
                "insert into card_checkout (checkout_id, url, donation_id, recurring_gift_id) values (?, ?, ?, ?)"
                        + " on conflict do nothing",
                statement -> {
                    statement.setString(1, checkoutId);
                    statement.setString(2, checkoutUrl);
                    statement.setObject(3, donation == null ? null : donation.value());
                    statement.setObject(4, recurringGift);
                    return statement.executeUpdate();
                });
    }

    @Override
    public Optional<OpenCheckout> checkoutOf(DonationId donation) {
        return checkout("donation_id", donation.value());
    }

    @Override
    public Optional<OpenCheckout> checkoutOfRecurring(UUID recurringGift) {
        return checkout("recurring_gift_id", recurringGift);
    }

    private Optional<OpenCheckout> checkout(String column, UUID id) {
        return jdbc.prepareStatement(
                "select checkout_id, url from card_checkout where " + column + " = ?", statement -> {
                    statement.setObject(1, id);
                    try (ResultSet rs = statement.executeQuery()) {
                        return rs.next()
                                ? Optional.of(new OpenCheckout(rs.getString(1), rs.getString(2)))
                                : Optional.<OpenCheckout>empty();
                    }
                });
    }

    @Override
    public void paid(String paymentId, DonationId donation) {
        jdbc.prepareStatement(
                "insert into card_payment (payment_id, donation_id) values (?, ?) on conflict do nothing",
                statement -> {
                    statement.setString(1, paymentId);
                    statement.setObject(2, donation.value());
                    return statement.executeUpdate();
                });
    }

    @Override
    public boolean paidInPart(String paymentId, DonationId donation, Money refundedBeforeGift) {
        return jdbc.prepareStatement(
                        "insert into card_payment (payment_id, donation_id, refunded_before_gift_minor)"
                                + " values (?, ?, ?) on conflict do nothing",
                        statement -> {
                            statement.setString(1, paymentId);
                            statement.setObject(2, donation.value());
                            statement.setLong(3, refundedBeforeGift.minor());
                            return statement.executeUpdate();
                        })
                == 1;
    }

    @Override
    public Optional<DonationId> donationPaidBy(String paymentId) {
        return giftPaidBy(paymentId).map(GiftPayment::donation);
    }

    @Override
    public Optional<GiftPayment> giftPaidBy(String paymentId) {
        return jdbc.prepareStatement(
                "select donation_id, refunded_before_gift_minor from card_payment where payment_id = ?", statement -> {
                    statement.setString(1, paymentId);
                    try (ResultSet rs = statement.executeQuery()) {
                        return rs.next()
                                ? Optional.of(
                                        new GiftPayment(new DonationId(rs.getObject(1, UUID.class)), rs.getLong(2)))
                                : Optional.<GiftPayment>empty();
                    }
                });
    }

    @Override
    public Optional<String> paymentOf(DonationId donation) {
        return text("select payment_id from card_payment where donation_id = ?", donation.value());
    }

    @Override
    public void subscribed(String subscriptionId, UUID recurringGift) {
        jdbc.prepareStatement(
                "insert into card_subscription (subscription_id, recurring_gift_id) values (?, ?) on conflict do nothing",
                statement -> {
                    statement.setString(1, subscriptionId);
                    statement.setObject(2, recurringGift);
                    return statement.executeUpdate();
                });
    }

    @Override
    public Optional<UUID> recurringGiftOf(String subscriptionId) {
        return jdbc.prepareStatement(
                "select recurring_gift_id from card_subscription where subscription_id = ?", statement -> {
                    statement.setString(1, subscriptionId);
                    try (ResultSet rs = statement.executeQuery()) {
                        return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.<UUID>empty();
                    }
                });
    }

    @Override
    public Optional<String> subscriptionOf(UUID recurringGift) {
        return text("select subscription_id from card_subscription where recurring_gift_id = ?", recurringGift);
    }

    private Optional<String> text(String sql, UUID id) {
        return jdbc.prepareStatement(sql, statement -> {
            statement.setObject(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
        });
    }
}
