package org.endow.donations.receipts.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.endow.donations.giving.model.DonationId;
import org.endow.donations.giving.model.DonorId;
import org.endow.donations.receipts.model.Receipt;
import org.endow.donations.receipts.model.ReceiptNumber;
import org.endow.donations.receipts.model.Receipts;
import org.endow.kernel.Money;

@Singleton
class JdbcReceipts implements Receipts {

    private static final String COLUMNS =
            "number, donation_id, donor_id, donor_name, amount_minor, currency, fund_code, received_at, issued_at";

    private final JdbcOperations jdbc;

    JdbcReceipts(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean existsFor(DonationId donation) {
        return jdbc.prepareStatement("select exists (select 1 from receipt where donation_id = ?)", statement -> {
            statement.setObject(1, donation.value());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
    }

    @Override
    public void add(Receipt receipt, byte[] pdf) {
        jdbc.prepareStatement(
                "insert into receipt (" + COLUMNS + ", year, sequence, pdf, pdf_sha256)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                statement -> {
                    statement.setString(1, receipt.number().toString());
                    statement.setObject(2, receipt.donation().value());
                    statement.setString(3, receipt.donor().value());
                    statement.setString(4, receipt.donorName());
                    statement.setLong(5, receipt.amount().minor());
                    statement.setString(6, receipt.amount().currencyCode());
                    statement.setString(7, receipt.fundCode());
                    statement.setTimestamp(8, Timestamp.from(receipt.receivedAt()));
                    statement.setTimestamp(9, Timestamp.from(receipt.issuedAt()));
                    statement.setInt(10, receipt.number().year());
                    statement.setInt(11, receipt.number().sequence());
                    statement.setBytes(12, pdf);
                    statement.setString(13, sha256(pdf));
                    return statement.executeUpdate();
                });
    }

    @Override
    public Optional<Receipt> find(ReceiptNumber number) {
        return jdbc.prepareStatement("select " + COLUMNS + " from receipt where number = ?", statement -> {
            statement.setString(1, number.toString());
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        });
    }

    @Override
    public Optional<byte[]> document(ReceiptNumber number) {
        return jdbc.prepareStatement("select pdf from receipt where number = ?", statement -> {
            statement.setString(1, number.toString());
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
            }
        });
    }

    @Override
    public List<Receipt> of(DonorId donor) {
        return jdbc.prepareStatement(
                "select " + COLUMNS + " from receipt where donor_id = ? order by issued_at desc, number desc",
                statement -> {
                    statement.setString(1, donor.value());
                    List<Receipt> receipts = new ArrayList<>();
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            receipts.add(map(rs));
                        }
                    }
                    return receipts;
                });
    }

    private static Receipt map(ResultSet rs) throws SQLException {
        return new Receipt(
                ReceiptNumber.parse(rs.getString("number")),
                new DonationId(rs.getObject("donation_id", UUID.class)),
                new DonorId(rs.getString("donor_id")),
                rs.getString("donor_name"),
                Money.of(rs.getLong("amount_minor"), rs.getString("currency")),
                rs.getString("fund_code"),
                rs.getTimestamp("received_at").toInstant(),
                rs.getTimestamp("issued_at").toInstant());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
