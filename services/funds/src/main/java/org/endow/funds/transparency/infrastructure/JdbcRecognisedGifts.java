package org.endow.funds.transparency.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.endow.funds.transparency.model.RecognisedGift;
import org.endow.funds.transparency.model.RecognisedGifts;
import org.endow.kernel.Money;

@Singleton
@Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
class JdbcRecognisedGifts implements RecognisedGifts {

    private final JdbcOperations jdbc;

    JdbcRecognisedGifts(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean add(UUID sourceEventId, String donationId, RecognisedGift gift) {
        return jdbc.prepareStatement(
                        "insert into recognised_gift (source_event_id, fund_code, amount_minor, currency, shown_as,"
                                + " dedication, received_at, donation_id) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                        statement -> {
                            statement.setObject(1, sourceEventId);
                            statement.setString(2, gift.fundCode());
                            statement.setLong(3, gift.amount().minor());
                            statement.setString(4, gift.amount().currencyCode());
                            statement.setString(5, gift.shownAs());
                            statement.setString(6, gift.dedication());
                            statement.setTimestamp(7, Timestamp.from(gift.receivedAt()));
                            statement.setString(8, donationId);
                            return statement.executeUpdate();
                        })
                == 1;
    }

    /** One statement for any number of gifts, from arrays ({@code unnest}); a gift already kept is skipped. */
    @Override
    public void addAll(List<Received> gifts) {
        if (gifts.size() <= 1) {
            RecognisedGifts.super.addAll(gifts);
            return;
        }
        jdbc.prepareStatement(
                "insert into recognised_gift (source_event_id, fund_code, amount_minor, currency, shown_as, dedication,"
                        + " received_at, donation_id) select * from unnest(?::uuid[], ?::text[], ?::bigint[],"
                        + " ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[]) on conflict do nothing",
                statement -> {
                    Connection connection = statement.getConnection();
                    int n = gifts.size();
                    String[] sources = new String[n], funds = new String[n], currencies = new String[n];
                    String[] shownAs = new String[n], dedications = new String[n], times = new String[n];
                    String[] donations = new String[n];
                    Long[] amounts = new Long[n];
                    for (int i = 0; i < n; i++) {
                        Received received = gifts.get(i);
                        RecognisedGift gift = received.gift();
                        sources[i] = received.sourceEventId().toString();
                        funds[i] = gift.fundCode();
                        amounts[i] = gift.amount().minor();
                        currencies[i] = gift.amount().currencyCode();
                        shownAs[i] = gift.shownAs();
                        dedications[i] = gift.dedication();
                        times[i] = gift.receivedAt().toString(); // ISO-8601 in UTC, whatever the JVM's zone
                        donations[i] = received.donationId();
                    }
                    statement.setArray(1, connection.createArrayOf("text", sources));
                    statement.setArray(2, connection.createArrayOf("text", funds));
                    statement.setArray(3, connection.createArrayOf("int8", amounts));
                    statement.setArray(4, connection.createArrayOf("text", currencies));
                    statement.setArray(5, connection.createArrayOf("text", shownAs));
                    statement.setArray(6, connection.createArrayOf("text", dedications));
                    statement.setArray(7, connection.createArrayOf("text", times));
                    statement.setArray(8, connection.createArrayOf("text", donations));
                    return statement.executeUpdate();
                });
    }

    @Override
    public void recognise(String donationId, String shownAs, String dedication) {
        jdbc.prepareStatement(
                "update recognised_gift set shown_as = ?, dedication = ? where donation_id = ?", statement -> {
                    statement.setString(1, shownAs);
                    statement.setString(2, dedication);
                    statement.setString(3, donationId);
                    return statement.executeUpdate();
                });
    }

    @Override
    public List<RecognisedGift> latest(int limit) {
        return jdbc.prepareStatement(
                "select fund_code, amount_minor, currency, shown_as, dedication, received_at from recognised_gift"
                        + " where shown_as is not null order by received_at desc limit ?",
                statement -> {
                    statement.setInt(1, limit);
                    List<RecognisedGift> gifts = new ArrayList<>();
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            gifts.add(new RecognisedGift(
                                    rs.getString(1),
                                    Money.of(rs.getLong(2), rs.getString(3)),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getTimestamp(6).toInstant()));
                        }
                    }
                    return gifts;
                });
    }
}
