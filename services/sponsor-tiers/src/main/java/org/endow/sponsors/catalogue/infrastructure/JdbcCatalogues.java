package org.endow.sponsors.catalogue.infrastructure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.endow.kernel.Money;
import org.endow.sponsors.catalogue.model.AssetRequirement;
import org.endow.sponsors.catalogue.model.Benefit;
import org.endow.sponsors.catalogue.model.CapacityKind;
import org.endow.sponsors.catalogue.model.Catalogue;
import org.endow.sponsors.catalogue.model.Catalogues;
import org.endow.sponsors.catalogue.model.LegalClause;
import org.endow.sponsors.catalogue.model.Program;
import org.endow.sponsors.catalogue.model.SponsorPackage;

@Singleton
class JdbcCatalogues implements Catalogues {

    private final JdbcOperations jdbc;

    JdbcCatalogues(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Catalogue> year(int year) {
        if (!exists(year)) {
            return Optional.empty();
        }
        Map<String, List<String>> conflicts =
                pairs("select benefit_code, conflicts_with from benefit_conflict where year = ? order by 1, 2", year);
        Map<String, List<String>> clausesOf =
                pairs("select benefit_code, clause_code from benefit_clause where year = ? order by 1, 2", year);
        Map<String, List<AssetRequirement>> assetsOf = new HashMap<>();
        query(
                "select benefit_code, code, kind, label, due_offset_days, max_length from benefit_asset where year = ?"
                        + " order by benefit_code, due_offset_days, code",
                year,
                rs -> {
                    assetsOf.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new AssetRequirement(
                                    rs.getString(2),
                                    AssetRequirement.Kind.valueOf(rs.getString(3)),
                                    rs.getString(4),
                                    rs.getInt(5),
                                    rs.getInt(6)));
                    return null;
                });
        Map<String, List<SponsorPackage.Line>> lines = new HashMap<>();
        query(
                "select package_code, benefit_code, quantity from package_benefit where year = ? order by 1, 2",
                year,
                rs -> {
                    lines.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new SponsorPackage.Line(rs.getString(2), rs.getInt(3)));
                    return null;
                });
        List<Benefit> benefits = query(
                "select code, program_code, name, description, internal_value_minor, price_minor, currency, capacity,"
                        + " capacity_kind, add_on, standalone, package_only from benefit where year = ?"
                        + " order by program_code, code",
                year,
                rs -> {
                    String code = rs.getString("code");
                    String currency = rs.getString("currency");
                    int capacityValue = rs.getInt("capacity");
                    Integer capacity = rs.wasNull() ? null : capacityValue;
                    return new Benefit(
                            code,
                            rs.getString("program_code"),
                            rs.getString("name"),
                            rs.getString("description"),
                            Money.of(rs.getLong("internal_value_minor"), currency),
                            Money.of(rs.getLong("price_minor"), currency),
                            capacity,
                            CapacityKind.valueOf(rs.getString("capacity_kind")),
                            rs.getBoolean("add_on"),
                            rs.getBoolean("standalone"),
                            rs.getBoolean("package_only"),
                            conflicts.getOrDefault(code, List.of()),
                            clausesOf.getOrDefault(code, List.of()),
                            assetsOf.getOrDefault(code, List.of()));
                });
        List<SponsorPackage> packages = query(
                "select code, name, price_minor, currency, position from sponsor_package where year = ? order by position",
                year,
                rs -> new SponsorPackage(
                        rs.getString("code"),
                        rs.getString("name"),
                        Money.of(rs.getLong("price_minor"), rs.getString("currency")),
                        rs.getInt("position"),
                        lines.getOrDefault(rs.getString("code"), List.of())));
        List<LegalClause> clauses = query(
                "select code, title, text from legal_clause where year = ? order by code",
                year,
                rs -> new LegalClause(rs.getString(1), rs.getString(2), rs.getString(3)));
        return Optional.of(new Catalogue(year, packages, benefits, clauses));
    }

    @Override
    public List<Integer> years() {
        return jdbc.prepareStatement("select year from catalogue_year order by year", statement -> {
            List<Integer> years = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    years.add(rs.getInt(1));
                }
            }
            return years;
        });
    }

    @Override
    public List<Program> programs() {
        return jdbc.prepareStatement("select code, name from program order by code", statement -> {
            List<Program> programs = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    programs.add(new Program(rs.getString(1), rs.getString(2)));
                }
            }
            return programs;
        });
    }

    @Override
    public boolean add(Catalogue catalogue) {
        int year = catalogue.year();
        boolean added = update("insert into catalogue_year (year) values (?) on conflict (year) do nothing", s -> {
                    s.setInt(1, year);
                })
                == 1;
        if (!added) {
            return false;
        }
        for (LegalClause clause : catalogue.clauses()) {
            update("insert into legal_clause (year, code, title, text) values (?, ?, ?, ?)", s -> {
                s.setInt(1, year);
                s.setString(2, clause.code());
                s.setString(3, clause.title());
                s.setString(4, clause.text());
            });
        }
        for (Benefit b : catalogue.benefits()) {
            update(
                    "insert into benefit (year, code, program_code, name, description, internal_value_minor, price_minor,"
                            + " currency, capacity, capacity_kind, add_on, standalone, package_only)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    s -> {
                        s.setInt(1, year);
                        s.setString(2, b.code());
                        s.setString(3, b.programCode());
                        s.setString(4, b.name());
                        s.setString(5, b.description());
                        s.setLong(6, b.internalValue().minor());
                        s.setLong(7, b.price().minor());
                        s.setString(8, b.internalValue().currencyCode());
                        if (b.capacity() == null) {
                            s.setNull(9, Types.INTEGER);
                        } else {
                            s.setInt(9, b.capacity());
                        }
                        s.setString(10, b.capacityKind().name());
                        s.setBoolean(11, b.addOn());
                        s.setBoolean(12, b.standalone());
                        s.setBoolean(13, b.packageOnly());
                    });
        }
        for (Benefit b : catalogue.benefits()) {
            for (String other : b.conflicts()) {
                update("insert into benefit_conflict (year, benefit_code, conflicts_with) values (?, ?, ?)", s -> {
                    s.setInt(1, year);
                    s.setString(2, b.code());
                    s.setString(3, other);
                });
            }
            for (AssetRequirement asset : b.assets()) {
                update(
                        "insert into benefit_asset (year, benefit_code, code, kind, label, due_offset_days, max_length)"
                                + " values (?, ?, ?, ?, ?, ?, ?)",
                        s -> {
                            s.setInt(1, year);
                            s.setString(2, b.code());
                            s.setString(3, asset.code());
                            s.setString(4, asset.kind().name());
                            s.setString(5, asset.label());
                            s.setInt(6, asset.dueOffsetDays());
                            s.setInt(7, asset.maxLength());
                        });
            }
            for (String clause : b.clauseCodes()) {
                update("insert into benefit_clause (year, benefit_code, clause_code) values (?, ?, ?)", s -> {
                    s.setInt(1, year);
                    s.setString(2, b.code());
                    s.setString(3, clause);
                });
            }
        }
        for (SponsorPackage p : catalogue.packages()) {
            update(
                    "insert into sponsor_package (year, code, name, price_minor, currency, position)"
                            + " values (?, ?, ?, ?, ?, ?)",
                    s -> {
                        s.setInt(1, year);
                        s.setString(2, p.code());
                        s.setString(3, p.name());
                        s.setLong(4, p.price().minor());
                        s.setString(5, p.price().currencyCode());
                        s.setInt(6, p.position());
                    });
            for (SponsorPackage.Line line : p.benefits()) {
                update(
                        "insert into package_benefit (year, package_code, benefit_code, quantity) values (?, ?, ?, ?)",
                        s -> {
                            s.setInt(1, year);
                            s.setString(2, p.code());
                            s.setString(3, line.benefitCode());
                            s.setInt(4, line.quantity());
                        });
            }
        }
        return true;
    }

    @Override
    public Optional<Benefit> lockBenefit(int year, String code) {
        List<Integer> locked =
                jdbc.prepareStatement("select 1 from benefit where year = ? and code = ? for update", statement -> {
                    statement.setInt(1, year);
                    statement.setString(2, code);
                    List<Integer> rows = new ArrayList<>();
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            rows.add(1);
                        }
                    }
                    return rows;
                });
        return locked.isEmpty() ? Optional.empty() : year(year).flatMap(c -> c.benefit(code));
    }

    @Override
    public void changeCapacity(int year, String code, Integer capacity, CapacityKind kind) {
        update("update benefit set capacity = ?, capacity_kind = ? where year = ? and code = ?", s -> {
            if (capacity == null) {
                s.setNull(1, Types.INTEGER);
            } else {
                s.setInt(1, capacity);
            }
            s.setString(2, kind.name());
            s.setInt(3, year);
            s.setString(4, code);
        });
    }

    @Override
    public Map<String, Integer> held(int year) {
        Map<String, Integer> held = new LinkedHashMap<>();
        query(
                "select benefit_code, sum(quantity) from benefit_allocation where year = ? group by benefit_code",
                year,
                rs -> held.put(rs.getString(1), rs.getInt(2)));
        return held;
    }

    private boolean exists(int year) {
        return !query("select 1 from catalogue_year where year = ?", year, rs -> 1)
                .isEmpty();
    }

    private Map<String, List<String>> pairs(String sql, int year) {
        Map<String, List<String>> pairs = new HashMap<>();
        query(
                sql,
                year,
                rs -> pairs.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(rs.getString(2)));
        return pairs;
    }

    private <T> List<T> query(String sql, int year, RowMapper<T> mapper) {
        return jdbc.prepareStatement(sql, statement -> {
            statement.setInt(1, year);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            return rows;
        });
    }

    private int update(String sql, Binder binder) {
        return jdbc.prepareStatement(sql, statement -> {
            binder.bind(statement);
            return statement.executeUpdate();
        });
    }

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }
}
