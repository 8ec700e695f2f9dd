package org.endow.sponsors.sponsorships.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.endow.kernel.Money;
import org.endow.sponsors.sponsorships.model.Organisation;
import org.endow.sponsors.sponsorships.model.Selection;
import org.endow.sponsors.sponsorships.model.Sponsorship;
import org.endow.sponsors.sponsorships.model.SponsorshipStatus;
import org.endow.sponsors.sponsorships.model.Sponsorships;

@Singleton
@Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
class JdbcSponsorships implements Sponsorships {

    private static final String COLUMNS = "id, owner_account, organisation_name, description, website, billing_address,"
            + " year, package_code, add_ons, fee_minor, currency, status, start_date, end_date, decision_note, revision,"
            + " sponsor_signed_name, sponsor_signed_title, sponsor_signed_at, sponsor_signed_sha256,"
            + " foundation_signed_name, foundation_signed_title, foundation_signed_at, foundation_signed_sha256,"
            + " invoice_number, invoice_due, paid_at, payment_reference, applied_at, vetting_passed, vetting_note,"
            + " vetted_by, vetted_at, shown_before_execution, invoice_tax_minor, invoice_total_minor";

    private final JdbcOperations jdbc;

    JdbcSponsorships(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean add(Sponsorship s) {
        int inserted = jdbc.prepareStatement(
                "insert into sponsorship (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                statement -> {
                    bind(statement, s, jdbc);
                    return statement.executeUpdate();
                });
        if (inserted == 1) {
            contacts(s);
        }
        return inserted == 1;
    }

    @Override
    public void update(Sponsorship s) {
        jdbc.prepareStatement(
                "update sponsorship set organisation_name = ?, description = ?, website = ?, billing_address = ?,"
                        + " year = ?, package_code = ?, add_ons = ?, fee_minor = ?, currency = ?, status = ?,"
                        + " start_date = ?, end_date = ?, decision_note = ?, revision = ?, sponsor_signed_name = ?,"
                        + " sponsor_signed_title = ?, sponsor_signed_at = ?, sponsor_signed_sha256 = ?,"
                        + " foundation_signed_name = ?, foundation_signed_title = ?, foundation_signed_at = ?,"
                        + " foundation_signed_sha256 = ?, invoice_number = ?, invoice_due = ?, paid_at = ?,"
                        + " payment_reference = ?, vetting_passed = ?, vetting_note = ?, vetted_by = ?, vetted_at = ?,"
                        + " shown_before_execution = ?, invoice_tax_minor = ?, invoice_total_minor = ?,"
                        + " updated_at = now() where id = ?",
                statement -> {
                    int i = 1;
                    statement.setString(i++, s.organisation().name());
                    statement.setString(i++, s.organisation().description());
                    statement.setString(i++, s.organisation().website());
                    statement.setString(i++, s.organisation().billingAddress());
                    i = bindRest(
                            statement,
                            s,
                            i,
                            statement
                                    .getConnection()
                                    .createArrayOf(
                                            "text", s.selection().addOns().toArray()));
                    i = bindVetting(statement, s, i);
                    i = bindInvoiceAmounts(statement, s, i);
                    statement.setObject(i, s.id());
                    return statement.executeUpdate();
                });
        jdbc.prepareStatement("delete from sponsorship_contact where sponsorship_id = ?", statement -> {
            statement.setObject(1, s.id());
            return statement.executeUpdate();
        });
        contacts(s);
    }

    private static void bind(PreparedStatement statement, Sponsorship s, JdbcOperations jdbc) throws SQLException {
        int i = 1;
        statement.setObject(i++, s.id());
        statement.setString(i++, s.owner());
        statement.setString(i++, s.organisation().name());
        statement.setString(i++, s.organisation().description());
        statement.setString(i++, s.organisation().website());
        statement.setString(i++, s.organisation().billingAddress());
        i = bindRest(
                statement,
                s,
                i,
                statement
                        .getConnection()
                        .createArrayOf("text", s.selection().addOns().toArray()));
        statement.setTimestamp(i++, Timestamp.from(s.appliedAt()));
        i = bindVetting(statement, s, i);
        bindInvoiceAmounts(statement, s, i);
    }

    /** invoice_tax_minor, invoice_total_minor: what the issued invoice charges; @return the next index */
    private static int bindInvoiceAmounts(PreparedStatement statement, Sponsorship s, int start) throws SQLException {
        int i = start;
        Money tax = s.invoiceTax();
        Money total = s.invoiceTotal();
        if (tax == null) {
            statement.setNull(i++, java.sql.Types.BIGINT);
            statement.setNull(i++, java.sql.Types.BIGINT);
        } else {
            statement.setLong(i++, tax.minor());
            statement.setLong(i++, total.minor());
        }
        return i;
    }

    /** vetting_passed .. shown_before_execution; @return the next index */
    private static int bindVetting(PreparedStatement statement, Sponsorship s, int start) throws SQLException {
        int i = start;
        Sponsorship.Vetting vetting = s.vetting();
        if (vetting == null) {
            statement.setNull(i++, java.sql.Types.BOOLEAN);
        } else {
            statement.setBoolean(i++, vetting.passed());
        }
        statement.setString(i++, vetting == null ? null : vetting.note());
        statement.setString(i++, vetting == null ? null : vetting.by());
        statement.setTimestamp(i++, vetting == null ? null : Timestamp.from(vetting.at()));
        statement.setBoolean(i++, s.shownBeforeExecution());
        return i;
    }

    /** year .. payment_reference, in the order of {@link #COLUMNS}; @return the next index */
    private static int bindRest(PreparedStatement statement, Sponsorship s, int start, Array addOns)
            throws SQLException {
        int i = start;
        statement.setInt(i++, s.selection().year());
        statement.setString(i++, s.selection().packageCode());
        statement.setArray(i++, addOns);
        statement.setLong(i++, s.fee().minor());
        statement.setString(i++, s.fee().currencyCode());
        statement.setString(i++, s.status().name());
        statement.setDate(i++, s.startDate() == null ? null : Date.valueOf(s.startDate()));
        statement.setDate(i++, s.endDate() == null ? null : Date.valueOf(s.endDate()));
        statement.setString(i++, s.decisionNote());
        statement.setInt(i++, s.revision());
        i = signature(statement, i, s.sponsorSignature());
        i = signature(statement, i, s.foundationSignature());
        statement.setString(i++, s.invoiceNumber());
        statement.setDate(i++, s.invoiceDue() == null ? null : Date.valueOf(s.invoiceDue()));
        statement.setTimestamp(i++, s.paidAt() == null ? null : Timestamp.from(s.paidAt()));
        statement.setString(i++, s.paymentReference());
        return i;
    }

    private static int signature(PreparedStatement statement, int start, Sponsorship.Signature signature)
            throws SQLException {
        int i = start;
        statement.setString(i++, signature == null ? null : signature.name());
        statement.setString(i++, signature == null ? null : signature.title());
        statement.setTimestamp(i++, signature == null ? null : Timestamp.from(signature.at()));
        statement.setString(i++, signature == null ? null : signature.documentSha256());
        return i;
    }

    private void contacts(Sponsorship s) {
        List<Organisation.Contact> contacts = s.organisation().contacts();
        for (int position = 0; position < contacts.size(); position++) {
            Organisation.Contact contact = contacts.get(position);
            int at = position;
            jdbc.prepareStatement(
                    "insert into sponsorship_contact (sponsorship_id, position, name, email, role) values (?, ?, ?, ?, ?)",
                    statement -> {
                        statement.setObject(1, s.id());
                        statement.setInt(2, at);
                        statement.setString(3, contact.name());
                        statement.setString(4, contact.email());
                        statement.setString(5, contact.role().name());
                        return statement.executeUpdate();
                    });
        }
    }

    @Override
    public Optional<Sponsorship> lock(UUID id) {
        return one("select " + COLUMNS + " from sponsorship where id = ? for update", id);
    }

    @Override
    public Optional<Sponsorship> find(UUID id) {
        return one("select " + COLUMNS + " from sponsorship where id = ?", id);
    }

    private Optional<Sponsorship> one(String sql, UUID id) {
        List<Sponsorship> found = many(sql, statement -> statement.setObject(1, id));
        return found.stream().findFirst();
    }

    @Override
    public List<Sponsorship> ownedBy(String account) {
        return many(
                "select " + COLUMNS + " from sponsorship where owner_account = ? order by applied_at desc",
                statement -> statement.setString(1, account));
    }

    @Override
    public List<Sponsorship> all(SponsorshipStatus status) {
        if (status == null) {
            return many("select " + COLUMNS + " from sponsorship order by applied_at desc", statement -> {});
        }
        return many(
                "select " + COLUMNS + " from sponsorship where status = ? order by applied_at desc",
                statement -> statement.setString(1, status.name()));
    }

    @Override
    public void hold(UUID sponsorship, int year, List<Selection.Line> lines) {
        release(sponsorship);
        for (Selection.Line line : lines) {
            jdbc.prepareStatement(
                    "insert into benefit_allocation (year, benefit_code, sponsorship_id, quantity) values (?, ?, ?, ?)",
                    statement -> {
                        statement.setInt(1, year);
                        statement.setString(2, line.benefit().code());
                        statement.setObject(3, sponsorship);
                        statement.setInt(4, line.quantity());
                        return statement.executeUpdate();
                    });
        }
    }

    @Override
    public void release(UUID sponsorship) {
        jdbc.prepareStatement("delete from benefit_allocation where sponsorship_id = ?", statement -> {
            statement.setObject(1, sponsorship);
            return statement.executeUpdate();
        });
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private List<Sponsorship> many(String sql, Binder binder) {
        List<Sponsorship> rows = jdbc.prepareStatement(sql, statement -> {
            binder.bind(statement);
            List<Sponsorship> found = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    found.add(map(rs, List.of()));
                }
            }
            return found;
        });
        if (rows.isEmpty()) {
            return rows;
        }
        Map<UUID, List<Organisation.Contact>> contacts = contactsOf(rows);
        List<Sponsorship> withContacts = new ArrayList<>(rows.size());
        for (Sponsorship s : rows) {
            withContacts.add(withContacts(s, contacts.getOrDefault(s.id(), List.of())));
        }
        return withContacts;
    }

    /** The contacts of all the sponsorships in one query, each sponsorship's in their order. */
    private Map<UUID, List<Organisation.Contact>> contactsOf(List<Sponsorship> sponsorships) {
        return jdbc.prepareStatement(
                "select sponsorship_id, name, email, role from sponsorship_contact where sponsorship_id = any(?)"
                        + " order by sponsorship_id, position",
                statement -> {
                    Array ids = statement
                            .getConnection()
                            .createArrayOf(
                                    "uuid",
                                    sponsorships.stream()
                                            .map(Sponsorship::id)
                                            .distinct()
                                            .toArray());
                    statement.setArray(1, ids);
                    Map<UUID, List<Organisation.Contact>> found = new HashMap<>();
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            found.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
                                    .add(new Organisation.Contact(
                                            rs.getString(2),
                                            rs.getString(3),
                                            Organisation.ContactRole.valueOf(rs.getString(4))));
                        }
                    }
                    return found;
                });
    }

    private Sponsorship withContacts(Sponsorship s, List<Organisation.Contact> contacts) {
        Organisation o = s.organisation();
        return new Sponsorship(
                s.id(),
                s.owner(),
                new Organisation(o.name(), o.description(), o.website(), o.billingAddress(), contacts),
                s.selection(),
                s.fee(),
                s.status(),
                s.startDate(),
                s.endDate(),
                s.decisionNote(),
                s.revision(),
                s.sponsorSignature(),
                s.foundationSignature(),
                s.invoiceNumber(),
                s.invoiceDue(),
                s.invoiceTax(),
                s.paidAt(),
                s.paymentReference(),
                s.appliedAt(),
                s.vetting(),
                s.shownBeforeExecution());
    }

    /** The row without its contacts (read next); a placeholder primary contact keeps the model valid meanwhile. */
    private static Sponsorship map(ResultSet rs, List<Organisation.Contact> contacts) throws SQLException {
        List<Organisation.Contact> placeholder = contacts.isEmpty()
                ? List.of(new Organisation.Contact("-", "-@-", Organisation.ContactRole.PRIMARY))
                : contacts;
        Array addOns = rs.getArray("add_ons");
        return new Sponsorship(
                rs.getObject("id", UUID.class),
                rs.getString("owner_account"),
                new Organisation(
                        rs.getString("organisation_name"),
                        rs.getString("description"),
                        rs.getString("website"),
                        rs.getString("billing_address"),
                        placeholder),
                new Selection(
                        rs.getInt("year"), rs.getString("package_code"), Arrays.asList((String[]) addOns.getArray())),
                Money.of(rs.getLong("fee_minor"), rs.getString("currency")),
                SponsorshipStatus.valueOf(rs.getString("status")),
                date(rs, "start_date"),
                date(rs, "end_date"),
                rs.getString("decision_note"),
                rs.getInt("revision"),
                signature(rs, "sponsor"),
                signature(rs, "foundation"),
                rs.getString("invoice_number"),
                date(rs, "invoice_due"),
                invoiceTax(rs),
                instant(rs, "paid_at"),
                rs.getString("payment_reference"),
                instant(rs, "applied_at"),
                vetting(rs),
                rs.getBoolean("shown_before_execution"));
    }

    /**
     * The issued invoice's tax as stored at the countersignature; {@code null} before an invoice, and for
     * invoices issued before V7, which stored none (the service falls back to today's tax settings).
     */
    private static Money invoiceTax(ResultSet rs) throws SQLException {
        long tax = rs.getLong("invoice_tax_minor");
        return rs.wasNull() ? null : Money.of(tax, rs.getString("currency"));
    }

    private static Sponsorship.Vetting vetting(ResultSet rs) throws SQLException {
        boolean passed = rs.getBoolean("vetting_passed");
        if (rs.wasNull()) {
            return null;
        }
        return new Sponsorship.Vetting(
                passed, rs.getString("vetting_note"), rs.getString("vetted_by"), instant(rs, "vetted_at"));
    }

    private static Sponsorship.Signature signature(ResultSet rs, String who) throws SQLException {
        String name = rs.getString(who + "_signed_name");
        if (name == null) {
            return null;
        }
        return new Sponsorship.Signature(
                name,
                rs.getString(who + "_signed_title"),
                instant(rs, who + "_signed_at"),
                rs.getString(who + "_signed_sha256"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
